package dev.lrcp.quality;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads MiniLM once, on a background thread started with the application context, so neither
 * start-up nor the first request pays the one-to-five-second load. {@link #ready()} tells whether
 * it is usable; until then callers wait at most {@code lrcp.quality.model-wait}.
 */
@Component
class EmbeddingModelHolder implements SentenceEmbedder {

  private static final Logger log = LoggerFactory.getLogger(EmbeddingModelHolder.class);

  private final CompletableFuture<SentenceEmbedder> model = new CompletableFuture<>();
  private final QualityProperties properties;

  EmbeddingModelHolder(QualityProperties properties) {
    this.properties = properties;
    if (properties.embeddings()) {
      Thread.ofPlatform().name("minilm-loader").daemon().start(this::load);
    } else {
      model.completeExceptionally(new IllegalStateException("disabled by lrcp.quality.embeddings"));
    }
  }

  boolean ready() {
    return model.isDone() && !model.isCompletedExceptionally();
  }

  @Override
  public float[][] vectors(List<String> texts) {
    try {
      return model.get(properties.modelWait().toMillis(), TimeUnit.MILLISECONDS).vectors(texts);
    } catch (TimeoutException | ExecutionException e) {
      throw new EmbedderUnavailableException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbedderUnavailableException(e);
    }
  }

  private void load() {
    long start = System.nanoTime();
    try {
      model.complete(new BoundedEmbedder(MiniLmEmbedder.load()));
      log.info("MiniLM embedding model loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException | LinkageError e) {
      log.error("MiniLM embedding model failed to load; grounding uses lexical evidence only", e);
      model.completeExceptionally(e);
    }
  }
}
