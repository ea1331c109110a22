package dev.lrcp.datadog.action;

import com.datadog.api.client.ApiException;

/** One call to Datadog whose failure becomes a {@link DatadogFailure}. */
@FunctionalInterface
interface DatadogCall<T> {

  T run() throws ApiException;

  /**
   * @param what what the call does, for the problem's detail, e.g. "create the notebook"
   */
  static <T> T call(String what, DatadogCall<T> call) {
    try {
      return call.run();
    } catch (ApiException e) {
      if (e.getCode() == 0) { // the client reports transport failures as code 0
        throw DatadogFailure.unreachable(what, e);
      }
      throw DatadogFailure.answered(what, e);
    } catch (RuntimeException e) {
      // Jersey's ProcessingException and friends: no HTTP answer reached us
      if (e instanceof DatadogFailure failure) {
        throw failure;
      }
      throw DatadogFailure.unreachable(what, e);
    }
  }
}
