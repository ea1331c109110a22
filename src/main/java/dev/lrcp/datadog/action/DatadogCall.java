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
        Holder.log.warn("cannot {}: no answer from Datadog: {}", what, e.toString());
        throw DatadogFailure.unreachable(what, e);
      }
      throw DatadogFailure.answered(what, e);
    } catch (RuntimeException e) {
      // Jersey's ProcessingException and friends: no HTTP answer reached us
      if (e instanceof DatadogFailure failure) {
        throw failure;
      }
      Holder.log.warn("cannot {}: no answer from Datadog: {}", what, e.toString());
      throw DatadogFailure.unreachable(what, e);
    }
  }

  /** Interfaces cannot hold a private logger field. */
  final class Holder {
    private static final org.slf4j.Logger log =
        org.slf4j.LoggerFactory.getLogger(DatadogCall.class);

    private Holder() {}
  }
}
