package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class AccessFilterTests {

  static final String KEY = "s3cret-key-0123456789";

  AccessFilter filter(List<String> keys, boolean allowRemote) {
    return new AccessFilter(
        AccessPolicy.of(
            new AccessProperties(
                keys,
                allowRemote,
                List.of(),
                DataSize.ofMegabytes(1),
                Duration.ofSeconds(20),
                null)));
  }

  record Outcome(
      MockHttpServletRequest request, MockHttpServletResponse response, boolean passed) {}

  Outcome run(AccessFilter filter, MockHttpServletRequest request) throws Exception {
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    return new Outcome(request, response, chain.getRequest() != null);
  }

  static MockHttpServletRequest request(String path, String remote) {
    var request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr(remote);
    return request;
  }

  @Test
  void withoutKeysLoopbackClientsAreServedAndIdentifiedByAddress() throws Exception {
    for (String loopback : List.of("127.0.0.1", "127.8.9.10", "0:0:0:0:0:0:0:1", "::1")) {
      Outcome outcome = run(filter(List.of(), false), request("/qa", loopback));
      assertThat(outcome.passed()).as(loopback).isTrue();
      assertThat(ClientIdentity.of(outcome.request()).client()).isEqualTo("addr:" + loopback);
    }
  }

  @Test
  void withoutKeysRemoteClientsAreRefusedButHealthStaysOpen() throws Exception {
    Outcome refused = run(filter(List.of(), false), request("/qa", "10.1.2.3"));
    assertThat(refused.passed()).isFalse();
    assertThat(refused.response().getStatus()).isEqualTo(403);
    assertThat(refused.response().getContentType()).startsWith("application/problem+json");
    assertThat(refused.response().getContentAsString())
        .contains("urn:lrcp:problem:forbidden")
        .contains("LRCP_API_KEYS");
    assertThat(run(filter(List.of(), false), request("/health", "10.1.2.3")).passed()).isTrue();
    assertThat(
            run(filter(List.of(), false), request("/actuator/health/readiness", "10.1.2.3"))
                .passed())
        .isTrue();
  }

  @Test
  void aForwardedHeaderRewritingTheRemoteAddressToLoopbackDoesNotMakeAClientLocal()
      throws Exception {
    var spoofed = request("/qa", "127.0.0.1");
    spoofed.setLocalAddr("10.0.0.7");
    Outcome outcome = run(filter(List.of(), false), spoofed);
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.response().getStatus()).isEqualTo(403);
  }

  @Test
  void remoteClientsWithoutKeysNeedTheExplicitSetting() throws Exception {
    assertThat(run(filter(List.of(), true), request("/qa", "10.1.2.3")).passed()).isTrue();
  }

  @Test
  void withKeysARequestWithoutAValidKeyIsUnauthorized() throws Exception {
    var filter = filter(List.of(KEY, "other-key"), false);
    for (String header : new String[] {null, "Bearer wrong", "Basic " + KEY, "Bearer "}) {
      var request = request("/qa", "127.0.0.1");
      if (header != null) {
        request.addHeader("Authorization", header);
      }
      Outcome outcome = run(filter, request);
      assertThat(outcome.passed()).as(String.valueOf(header)).isFalse();
      assertThat(outcome.response().getStatus()).isEqualTo(401);
      assertThat(outcome.response().getHeader("WWW-Authenticate")).startsWith("Bearer");
      assertThat(outcome.response().getContentAsString())
          .contains("urn:lrcp:problem:unauthorized")
          .doesNotContain(KEY);
    }
  }

  @Test
  void withKeysBearerOrApiKeyHeaderIsAcceptedAndTheCallerIsTheKeyFingerprint() throws Exception {
    var filter = filter(List.of("other-key", KEY), false);
    var bearer = request("/qa", "10.1.2.3");
    bearer.addHeader("Authorization", "Bearer " + KEY);
    var apiKey = request("/reason", "10.1.2.3");
    apiKey.addHeader("X-API-Key", KEY);

    Outcome viaBearer = run(filter, bearer);
    Outcome viaHeader = run(filter, apiKey);

    assertThat(viaBearer.passed()).isTrue();
    assertThat(viaHeader.passed()).isTrue();
    String identity = ClientIdentity.of(viaBearer.request()).client();
    assertThat(identity).matches("key:[0-9a-f]{12}").doesNotContain(KEY);
    assertThat(ClientIdentity.of(viaHeader.request()).client()).isEqualTo(identity);
  }

  @Test
  void withKeysHealthNeedsNoKey() throws Exception {
    assertThat(run(filter(List.of(KEY), false), request("/health", "10.1.2.3")).passed()).isTrue();
  }

  @Test
  void theStaticTheaterNeedsNoKeyButTheDataItLoadsDoes() throws Exception {
    var filter = filter(List.of(KEY), false);
    for (String path : new String[] {"/theater", "/theater/", "/theater/_next/static/app.js"}) {
      var page = new MockHttpServletRequest("GET", path);
      page.setRemoteAddr("10.1.2.3");
      assertThat(run(filter, page).passed()).as(path).isTrue();
    }
    var data = new MockHttpServletRequest("GET", "/insights/health-score");
    data.setRemoteAddr("10.1.2.3");
    assertThat(run(filter, data).response().getStatus()).isEqualTo(401);
    assertThat(run(filter, request("/theaterx", "10.1.2.3")).passed()).isFalse();
  }

  @Test
  void keysNeverAppearInTheSettingsToString() {
    var properties =
        new AccessProperties(
            List.of(KEY), false, null, DataSize.ofKilobytes(1), Duration.ofSeconds(20), null);
    assertThat(properties.toString()).doesNotContain(KEY).contains("1 redacted");
  }
}
