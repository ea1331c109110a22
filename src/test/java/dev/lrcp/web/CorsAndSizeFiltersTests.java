package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class CorsAndSizeFiltersTests {

  AccessProperties properties(List<String> origins, long maxBytes) {
    return new AccessProperties(
        List.of(), false, origins, DataSize.ofBytes(maxBytes), Duration.ofSeconds(20), null);
  }

  @Test
  void anAllowedOriginGetsAPreflightAnswerWithoutCredentials() throws Exception {
    var cors = new WebConfig(null).corsFilter(properties(List.of("http://localhost:3000"), 100));
    var preflight = new MockHttpServletRequest("OPTIONS", "/qa");
    preflight.addHeader("Origin", "http://localhost:3000");
    preflight.addHeader("Access-Control-Request-Method", "POST");
    preflight.addHeader("Access-Control-Request-Headers", "content-type,x-api-key");
    var response = new MockHttpServletResponse();

    cors.getFilter().doFilter(preflight, response, new MockFilterChain());

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Access-Control-Allow-Origin"))
        .isEqualTo("http://localhost:3000");
  }

  @Test
  void aDisallowedOriginIsAForbiddenProblem() throws Exception {
    var cors = new WebConfig(null).corsFilter(properties(List.of("http://localhost:3000"), 100));
    var request = new MockHttpServletRequest("POST", "/qa");
    request.addHeader("Origin", "https://evil.example");
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    cors.getFilter().doFilter(request, response, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).contains("urn:lrcp:problem:forbidden");
  }

  @Test
  void aDeclaredLengthAboveTheLimitIsRefusedBeforeReading() throws Exception {
    var filter = new RequestSizeFilter(properties(List.of(), 10));
    var request = new MockHttpServletRequest("POST", "/qa");
    request.setContent("01234567890".getBytes(StandardCharsets.UTF_8));
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).contains("urn:lrcp:problem:payload-too-large");
  }

  @Test
  void aChunkedBodyFailsOnceItGrowsPastTheLimit() throws Exception {
    var chunked =
        new MockHttpServletRequest("POST", "/qa") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    chunked.setContent("01234567890".getBytes(StandardCharsets.UTF_8));
    var filter = new RequestSizeFilter(properties(List.of(), 10));
    var chain = new MockFilterChain();

    filter.doFilter(chunked, new MockHttpServletResponse(), chain);

    var in = chain.getRequest().getInputStream();
    assertThat(in.readNBytes(10)).hasSize(10);
    assertThatThrownBy(in::read).isInstanceOf(RequestTooLargeException.class);
  }

  @Test
  void seriesEvaluationEndpointsTakeLargerBodiesThanTheGeneralLimit() throws Exception {
    var filter = new RequestSizeFilter(properties(List.of(), 10));
    byte[] body = new byte[2_000_000];
    var series = new MockHttpServletRequest("POST", "/insights/anomalies");
    series.setContent(body);
    var other = new MockHttpServletRequest("POST", "/qa");
    other.setContent(body);
    var chain = new MockFilterChain();
    var refused = new MockHttpServletResponse();

    filter.doFilter(series, new MockHttpServletResponse(), chain);
    filter.doFilter(other, refused, new MockFilterChain());

    assertThat(chain.getRequest()).isNotNull();
    assertThat(refused.getStatus()).isEqualTo(413);
  }
}
