package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Errors raised outside MVC (filters, the container) leave in the same problem shape. */
class ProblemErrorControllerTests {

  final ProblemErrorController controller = new ProblemErrorController();

  static MockHttpServletRequest forwarded(Integer status, Throwable cause) {
    var request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, cause);
    return request;
  }

  @Test
  void aContainerClientErrorKeepsItsStatusWithOurType() {
    var response = controller.error(forwarded(400, null));
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().getType().toString()).isEqualTo("urn:lrcp:problem:bad-request");
  }

  @Test
  void theInstanceIsThePathTheClientAskedForNotTheErrorPage() {
    var request = forwarded(405, null);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/qa");

    var response = controller.error(request);

    assertThat(response.getBody().getInstance()).hasToString("/qa");
  }

  @Test
  void aBodyLimitTrippedOutsideMvcIs413() {
    var response = controller.error(forwarded(500, new RequestTooLargeException(10)));
    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getBody().getType().toString())
        .isEqualTo("urn:lrcp:problem:payload-too-large");
  }

  @Test
  void aDirectRequestForErrorHasNothingToReport() {
    var response = controller.error(new MockHttpServletRequest("GET", "/error"));
    assertThat(response.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void anUnexpectedFailureIsAnOpaqueInternalProblem() {
    var response = controller.error(forwarded(500, new IllegalStateException("secret detail")));
    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getBody().getType().toString()).isEqualTo("urn:lrcp:problem:internal");
    assertThat(response.getBody().getDetail()).doesNotContain("secret");
  }
}
