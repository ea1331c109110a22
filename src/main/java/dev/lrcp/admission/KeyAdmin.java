package dev.lrcp.admission;

import dev.lrcp.llm.ModelCatalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin operations on virtual keys and application limits: each is written to the database and
 * applied to this replica's directory at once (other replicas pick it up at their next reload).
 */
@Component
class KeyAdmin {

  private final KeyStore store;
  private final KeyDirectory directory;
  private final ModelCatalog catalog;
  private final Clock clock;
  private final KeySecrets secrets = new KeySecrets(new SecureRandom());

  KeyAdmin(KeyStore store, KeyDirectory directory, ModelCatalog catalog, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.catalog = catalog;
    this.clock = clock;
  }

  KeyView create(KeyRequest r) {
    checkModels(r);
    Instant now = clock.instant();
    String id = secrets.newId();
    var issued = secrets.issue(id);
    var key = key(id, r, issued.salt(), issued.hash(), now, now, null);
    store.insert(key);
    directory.put(key);
    return KeyView.of(key, issued.key(), now);
  }

  List<KeyView> list() {
    Instant now = clock.instant();
    return directory.all().stream()
        .sorted(java.util.Comparator.comparing(VirtualKey::createdAt))
        .map(k -> KeyView.of(k, null, now))
        .toList();
  }

  KeyView get(String id) {
    return KeyView.of(find(id), null, clock.instant());
  }

  KeyView update(String id, KeyRequest r) {
    checkModels(r);
    VirtualKey old = find(id);
    Instant now = clock.instant();
    var key = key(id, r, old.salt(), old.secretHash(), old.createdAt(), now, old.revokedAt());
    store.update(key);
    directory.put(key);
    return KeyView.of(key, null, now);
  }

  KeyView revoke(String id) {
    VirtualKey old = find(id);
    Instant now = clock.instant();
    VirtualKey key = old.revoked() ? old : old.revokedAt(now);
    store.update(key);
    directory.put(key);
    return KeyView.of(key, null, now);
  }

  /** A new secret for the key; the old one stops working at once here, elsewhere at reload. */
  KeyView rotate(String id) {
    VirtualKey old = find(id);
    if (old.revoked()) {
      throw problem(HttpStatus.CONFLICT, "key '" + id + "' is revoked and cannot be rotated");
    }
    Instant now = clock.instant();
    var issued = secrets.issue(id);
    VirtualKey key = old.withSecret(issued.salt(), issued.hash(), now);
    store.update(key);
    directory.put(key);
    return KeyView.of(key, issued.key(), now);
  }

  void putApplication(String application, LimitsRequest r) {
    store.putApplication(application, r.limits(), clock.instant());
    directory.applicationsChanged();
  }

  void deleteApplication(String application) {
    if (!store.deleteApplication(application)) {
      throw problem(HttpStatus.NOT_FOUND, "no limits set for application '" + application + "'");
    }
    directory.applicationsChanged();
  }

  private static VirtualKey key(
      String id,
      KeyRequest r,
      String salt,
      String hash,
      Instant created,
      Instant updated,
      Instant revoked) {
    return new VirtualKey(
        id,
        r.name().strip(),
        r.owner(),
        r.application(),
        new HashSet<>(r.models()),
        r.limits(),
        r.expiresAt(),
        r.tags(),
        salt,
        hash,
        created,
        updated,
        revoked);
  }

  /** A problem whose detail is the message (the advice renders it as problem+json). */
  private static ResponseStatusException problem(HttpStatus status, String message) {
    var e = new ResponseStatusException(status, message);
    e.setDetail(message);
    return e;
  }

  private VirtualKey find(String id) {
    return directory
        .key(id)
        .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no key with id '" + id + "'"));
  }

  private void checkModels(KeyRequest r) {
    for (String model : r.models()) {
      if (catalog.find(model).isEmpty()) {
        throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "models: unknown model '" + model + "'");
      }
    }
  }
}
