package dev.lrcp.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The application names calls may be tagged with ({@code X-LRCP-Application}): those with a routing
 * policy and those a transport accepts (the gateway's allow-list). A bounded, configured set, so
 * {@code application} stays a low-cardinality tag and every override scope can be checked.
 */
@Component
public class Applications {

  /** A module that accepts application names of its own. */
  public interface Source {
    Set<String> applications();
  }

  private final Set<String> known;

  Applications(RoutingProperties properties, List<Source> sources) {
    var all = new HashSet<>(properties.applications().keySet());
    sources.forEach(s -> all.addAll(s.applications()));
    this.known = Set.copyOf(all);
  }

  public boolean known(String application) {
    return application != null && known.contains(application);
  }

  /** The header's value when it names a known application, else null (the call is untagged). */
  public String accept(String header) {
    return known(header) ? header : null;
  }
}
