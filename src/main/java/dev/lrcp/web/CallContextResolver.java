package dev.lrcp.web;

import dev.lrcp.completion.CallContext;
import dev.lrcp.flow.CacheDirective;
import dev.lrcp.llm.CallTags;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers a {@link CallContext} (the parsed toggles, the caller, the cache directive and
 * where stages put response headers), or just the caller as {@link CallTags}: who the access filter
 * let in (with a virtual key, its id and application), so no controller parses query flags or reads
 * the filter's request attributes itself.
 */
final class CallContextResolver implements HandlerMethodArgumentResolver {

  /** The request header a caller opts into caching with ({@code exact} or {@code semantic}). */
  static final String CACHE_HEADER = "X-LRCP-Cache";

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

  static CallTags caller(HttpServletRequest request) {
    var allowed = ClientIdentity.of(request);
    return new CallTags(allowed.application(), null, allowed.client(), allowed.key());
  }
}
