package dev.lrcp.quality;

/** The embedding model is still loading or failed to load. */
class EmbedderUnavailableException extends RuntimeException {

  EmbedderUnavailableException(Throwable cause) {
    super("embedding model unavailable", cause);
  }
}
