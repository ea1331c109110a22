package dev.lrcp.admission;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The virtual keys and application limits every call is checked against, held in memory and
 * reloaded from the database every {@code lrcp.admission.sync-interval}: a change made through this
 * replica's admin API applies here at once, and on other replicas at their next reload.
 */
@Component
public class KeyDirectory {

  private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);

  private final KeyStore store;
  private final Clock clock;
  private final Map<String, VirtualKey> keys = new ConcurrentHashMap<>();
  private volatile Map<String, Limits> applications = Map.of();

  KeyDirectory(KeyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What a presented virtual key turned out to be. */
  public sealed interface Authentication permits Valid, Rejected {}

  /**
   * @param id the key's id; {@code application} is its application label, or null
   */
  public record Valid(String id, String application) implements Authentication {}

  /** Why a key was refused, in words for the 401. */
  public record Rejected(String reason) implements Authentication {}

  /** True for a key in the virtual-key format, which only this directory can accept. */
  public static boolean isVirtual(String presented) {
    return KeySecrets.looksVirtual(presented);
  }

  public Authentication authenticate(String presented) {
    var parsed = KeySecrets.parse(presented);
    VirtualKey key = parsed.map(p -> keys.get(p.id())).orElse(null);
    if (key == null || !KeySecrets.matches(key, parsed.get().secret())) {
      return new Rejected("Invalid API key");
    }
    if (key.revoked()) {
      return new Rejected("API key '" + key.name() + "' has been revoked");
    }
    if (key.expired(clock.instant())) {
      return new Rejected("API key '" + key.name() + "' expired at " + key.expiresAt());
    }
    return new Valid(key.id(), key.application());
  }

  Optional<VirtualKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  List<VirtualKey> all() {
    return List.copyOf(keys.values());
  }

  Limits application(String application) {
    return application == null ? Limits.NONE : applications.getOrDefault(application, Limits.NONE);
  }

  Map<String, Limits> applications() {
    return applications;
  }

  void put(VirtualKey key) {
    keys.put(key.id(), key);
  }

  void applicationsChanged() {
    reload();
  }

  /** Takes the database's keys and limits; a failed read keeps the last ones. */
  void reload() {
    try {
      // keys are never deleted (revoking is an update), and a read that began before a local
      // change must not undo it: the newer version of each key wins
      // an unchanged key or limit keeps its instance, so what is built from it stays valid
      for (VirtualKey key : store.keys()) {
        keys.merge(
            key.id(),
            key,
            (held, read) ->
                read.updatedAt().isBefore(held.updatedAt()) || read.equals(held) ? held : read);
      }
      var fresh = new java.util.HashMap<String, Limits>();
      store
          .applications()
          .forEach(
              (app, limits) ->
                  fresh.put(
                      app, limits.equals(applications.get(app)) ? applications.get(app) : limits));
      applications = Map.copyOf(fresh);
    } catch (DataAccessException e) {
      log.warn("admission: could not reload keys, keeping the last ones: {}", e.getMessage());
    }
  }
}
