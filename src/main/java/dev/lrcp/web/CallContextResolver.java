package dev.lrcp.web;

import dev.lrcp.completion.CallContext;
import dev.lrcp.llm.CallTags;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers a {@link CallContext} (the parsed toggles and the caller), or just the caller
 * as {@link CallTags}: who the access filter let in, so no controller parses query flags or reads
 * the filter's request attributes itself.
 */
final class CallContextResolver implements HandlerMethodArgumentResolver {

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
    var caller = new CallTags(null, null, ClientIdentity.of(request));
    return parameter.getParameterType() == CallTags.class
        ? caller
        : new CallContext(Toggles.from(request), caller);
  }
}
