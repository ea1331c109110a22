package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The data plane's deadline for a complete request head, on a real socket. */
@SpringBootTest(
    classes = GatewayTestApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"lrcp.gateway.port=0", "test.head-timeout=1s"})
class DataPlaneHeadDeadlineTests {

  @Autowired DataPlaneServer dataPlane;

  @Test
  void aClientSendingItsHeadersByteByByteIsCutOffAtTheHeadDeadline() throws Exception {
    // bytes arrive every 0.2 s, far inside the 60 s idle timeout: only the 1 s deadline ends it
    assertThat(RawHttp.closedWhileSendingHeadersSlowly(dataPlane.port(), Duration.ofSeconds(30)))
        .isTrue();
  }

  @Test
  void aCompleteRequestIsServedAsUsual() throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + dataPlane.port() + "/v1/models"))
                    .build(),
                BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }
}
