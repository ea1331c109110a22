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
 * Gives controllers a {@link CallContext}: the parsed toggles and the caller identity the access
 * filter established, so no controller parses query flags or headers itself.
 */
final class CallContextResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CallContext.class;
  }

  @Override
  public CallContext resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    return new CallContext(
        Toggles.from(request), new CallTags(null, null, ClientIdentity.of(request)));
  }
}
