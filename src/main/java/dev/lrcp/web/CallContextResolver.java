package dev.lrcp.web;

import dev.lrcp.completion.CallContext;
import dev.lrcp.flow.CacheDirective;
import dev.lrcp.llm.CallTags;
import dev.lrcp.routing.Applications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers a {@link CallContext} (the parsed toggles, the caller, the cache directive and
 * where stages put response headers), or just the caller as {@link CallTags}: who the access filter
 * let in (with a virtual key, its id and application; without one, the {@code X-LRCP-Application}
 * it names when that is a known application), so no controller parses query flags or reads the
 * filter's request attributes itself.
 */
final class CallContextResolver implements HandlerMethodArgumentResolver {

  static final String APPLICATION_HEADER = "X-LRCP-Application";

  /** The request header a caller opts into caching with ({@code exact} or {@code semantic}). */
  static final String CACHE_HEADER = "X-LRCP-Cache";

  /** Absent in MVC test slices without the routing module: the header then tags nothing. */
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
    var caller = caller(request);
    if (parameter.getParameterType() == CallTags.class) {
      return caller;
    }
    HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
    return new CallContext(
        Toggles.from(request),
        caller,
        response == null ? null : response::setHeader,
        CacheDirective.of(
            request.getHeader(HttpHeaders.CACHE_CONTROL), request.getHeader(CACHE_HEADER)));
  }

  /**
   * The caller: a virtual key's application wins over the header (an administrator set the key's,
   * anyone holding the key sets the header); a header value counts only for a known application
   * (one with a routing policy or on the gateway's allow-list).
   */
  private CallTags caller(HttpServletRequest request) {
    var allowed = ClientIdentity.of(request);
    Applications known = applications.getIfAvailable();
    String application =
        allowed.application() != null || known == null
            ? allowed.application()
            : known.accept(request.getHeader(APPLICATION_HEADER));
    return new CallTags(application, null, allowed.client(), allowed.key());
  }
}
