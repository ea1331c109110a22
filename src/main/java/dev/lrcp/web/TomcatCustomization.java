package dev.lrcp.web;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The main port's Tomcat: {@link HeadDeadlineProtocol} with {@code lrcp.request-head-timeout}, and
 * {@link ProblemReportValve} as the host's only error report valve. Runs after Boot's own
 * customizer, which adds a plain {@link ErrorReportValve} that this one replaces.
 */
@Component
class TomcatCustomization
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final AccessProperties properties;

  TomcatCustomization(AccessProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.setProtocol(HeadDeadlineProtocol.class.getName());
    factory.addConnectorCustomizers(
        connector -> {
          if (connector.getProtocolHandler() instanceof HeadDeadlineProtocol protocol) {
            protocol.setHeadTimeout(properties.requestHeadTimeout());
          }
        });
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof Host host) {
            useProblemReports(host);
          }
        });
  }

  private static void useProblemReports(Host host) {
    Pipeline pipeline = host.getPipeline();
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ErrorReportValve) {
        pipeline.removeValve(valve);
      }
    }
    pipeline.addValve(new ProblemReportValve());
    // the host adds a valve of this class at start unless one is already there
    if (host instanceof org.apache.catalina.core.StandardHost standard) {
      standard.setErrorReportValveClass(ProblemReportValve.class.getName());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
