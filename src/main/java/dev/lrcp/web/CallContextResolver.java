package dev.lrcp.web;

import dev.lrcp.completion.CallContext;
import dev.lrcp.llm.CallTags;
import dev.lrcp.routing.Applications;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers a {@link CallContext} (the parsed toggles and the caller), or just the caller
 * as {@link CallTags}: who the access filter let in, and the {@code X-LRCP-Application} it names
 * when that is a known application (one with a routing policy or on the gateway's allow-list), so
 * no controller parses query flags or reads the filter's request attributes itself.
 */
final class CallContextResolver implements HandlerMethodArgumentResolver {

  static final String APPLICATION_HEADER = "X-LRCP-Application";

  /** Absent in MVC test slices without the routing module: calls are then untagged. */
  private final ObjectProvider<Applications> applications;

  CallContextResolver(ObjectProvider<Applications> applications) {
    this.applications = applications;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CallContext.class
        || parameter.getParameterType() == CallTags.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    Applications known = applications.getIfAvailable();
    String application = known == null ? null : known.accept(request.getHeader(APPLICATION_HEADER));
    var caller = new CallTags(application, null, ClientIdentity.of(request));
    return parameter.getParameterType() == CallTags.class
        ? caller
        : new CallContext(Toggles.from(request), caller);
  }
}
