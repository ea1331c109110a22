package dev.lrcp.flow;

/**
 * Where stages tell the caller about the call in response headers (its quotas, whether the answer
 * came from the cache). Stages set them before the answer's first byte, so every transport can send
 * them with a whole answer, an event stream or an error alike.
 */
@FunctionalInterface
public interface ReplyHeaders {

  ReplyHeaders NONE = (name, value) -> {};

  void set(String name, String value);
}
