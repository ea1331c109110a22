package dev.lrcp.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySecretsTests {

  final KeySecrets secrets = new KeySecrets(new SecureRandom());

  static VirtualKey stored(String id, KeySecrets.Issued issued) {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    return new VirtualKey(
        id,
        "bot",
        null,
        null,
        Set.of(),
        Limits.NONE,
        null,
        Map.of(),
        issued.salt(),
        issued.hash(),
        t,
        t,
        null);
  }

  @Test
  void anIssuedKeyMatchesItsStoredSaltedHashAndNothingElse() {
    String id = secrets.newId();
    var issued = secrets.issue(id);
    var parsed = KeySecrets.parse(issued.key()).orElseThrow();

    assertThat(issued.key()).startsWith("sk-lrcp-" + id + "-");
    assertThat(parsed.id()).isEqualTo(id);
    assertThat(KeySecrets.matches(stored(id, issued), parsed.secret())).isTrue();
    assertThat(KeySecrets.matches(stored(id, issued), parsed.secret() + "x")).isFalse();
    assertThat(issued.hash()).doesNotContain(parsed.secret());
  }

  @Test
  void theSameSecretUnderAnotherSaltHashesDifferently() {
    var one = secrets.issue("abc");
    var two = secrets.issue("abc");
    assertThat(one.salt()).isNotEqualTo(two.salt());
    assertThat(KeySecrets.hash(one.salt(), "s")).isNotEqualTo(KeySecrets.hash(two.salt(), "s"));
  }

  @Test
  void malformedKeysDoNotParse() {
    assertThat(KeySecrets.parse(null)).isEmpty();
    assertThat(KeySecrets.parse("sk-lrcp-short")).isEmpty();
    assertThat(KeySecrets.parse("sk-lrcp-abcdefghijkmX")).isEmpty();
    assertThat(KeySecrets.parse("sk-other-abcdefghijkm-secret")).isEmpty();
  }
}
