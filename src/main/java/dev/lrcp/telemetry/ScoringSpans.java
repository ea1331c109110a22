package dev.lrcp.telemetry;

import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Child spans for quality and security scoring ({@code llm.quality_scoring}, {@code
 * llm.security_scan}) without the scoring packages knowing about tracing: the scorer and scanner
 * beans are wrapped in class-based proxies (so beans injected by their concrete class still work)
 * that time the port methods returning a result and tag it. Only when a tracer is registered, i.e.
 * the agent is attached; otherwise beans are left untouched.
 */
final class ScoringSpans implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!GlobalTracer.isRegistered()) {
      return bean;
    }
    if (bean instanceof AnswerScorer) {
      return proxy(bean, new Interceptor(AnswerScorer.class, "llm.quality_scoring"));
    }
    if (bean instanceof SecurityScanner) {
      return proxy(bean, new Interceptor(SecurityScanner.class, "llm.security_scan"));
    }
    return bean;
  }

  /** A bean that cannot be subclassed (final, a record) is left as it is: spans are optional. */
  private static Object proxy(Object bean, MethodInterceptor interceptor) {
    if (Modifier.isFinal(bean.getClass().getModifiers())) {
      return bean;
    }
    try {
      var factory = new ProxyFactory(bean);
      factory.setProxyTargetClass(true);
      factory.addAdvice(interceptor);
      return factory.getProxy(bean.getClass().getClassLoader());
    } catch (RuntimeException e) {
      return bean;
    }
  }

  private record Interceptor(Class<?> port, String operation, Map<Method, Boolean> ofPort)
      implements MethodInterceptor {

    Interceptor(Class<?> port, String operation) {
      this(port, operation, new ConcurrentHashMap<>());
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
      Method method = invocation.getMethod();
      if (!ofPort.computeIfAbsent(method, m -> traced(port, m))) {
        return invocation.proceed();
      }
      Tracer tracer = GlobalTracer.get();
      Span span =
          tracer
              .buildSpan(operation)
              .withTag("resource.name", port.getSimpleName() + "." + method.getName())
              .start();
      try (Scope scope = tracer.activateSpan(span)) {
        Object result = invocation.proceed();
        tag(span, result);
        return result;
      } catch (Throwable t) {
        span.setTag("error", true);
        span.setTag("error.type", t.getClass().getName());
        span.setTag("error.message", Redactor.redact(String.valueOf(t.getMessage())));
        throw t;
      } finally {
        span.finish();
      }
    }

    /**
     * The port's methods that return a result: a void one ({@code scoreLater}) only hands the work
     * to another thread, and a span per call for that hand-off would time a queue insertion.
     */
    private static boolean traced(Class<?> port, Method method) {
      return method.getReturnType() != void.class
          && Arrays.stream(port.getMethods())
              .anyMatch(
                  m ->
                      m.getName().equals(method.getName())
                          && Arrays.equals(m.getParameterTypes(), method.getParameterTypes()));
    }

    private static void tag(Span span, Object result) {
      try {
        if (result instanceof QualityScores q) {
          span.setTag("llm.semantic_similarity_score", q.semanticSimilarity());
          if (q.groundingScore() != null) {
            span.setTag("llm.grounding_score", q.groundingScore());
          }
          span.setTag("llm.ungrounded_answer_flag", q.ungrounded());
          span.setTag("llm.response.word_count", q.responseWords());
        } else if (result instanceof SecurityVerdict v) {
          span.setTag("security.prompt_injection_score", v.injectionScore());
          span.setTag("security.prompt_injection_flag", v.injectionFlag());
          span.setTag(
              "security.pii_types", String.join(",", v.piiTypes().stream().sorted().toList()));
          span.setTag("security.token_abuse_flag", v.tokenAbuse());
          span.setTag("security.blocked", v.blocked());
        }
      } catch (RuntimeException e) {
        // tagging is best effort; the scoring result still goes back to the caller
      }
    }
  }
}
