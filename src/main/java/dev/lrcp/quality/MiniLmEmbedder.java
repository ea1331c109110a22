package dev.lrcp.quality;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The quantized all-MiniLM-L6-v2 model, in process and offline, with one ONNX Runtime thread per
 * session: the default pool spins two threads per call and has bad tails on a shared 2-core host,
 * so parallelism comes from our executors instead. Its tokenizer silently truncates at 128
 * wordpieces, so callers pass sentences or chunks, never whole documents.
 */
final class MiniLmEmbedder extends AbstractInProcessEmbeddingModel implements SentenceEmbedder {

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  static {
    // DJL (the tokenizer) phones home to the EC2 metadata address on first use unless opted out.
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.offline", "true");
  }

  private final OnnxBertBiEncoder encoder;

  private MiniLmEmbedder(OnnxBertBiEncoder encoder) {
    super(Runnable::run);
    this.encoder = encoder;
  }

  /** Loads the model from the class path (about a second; call once, off the request path). */
  static MiniLmEmbedder load() {
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      // ONNX Runtime's CPU arena keeps its high-water mark for the life of the process; inputs of
      // at most 128 wordpieces are cheap to malloc per call (docs/adr/0021-memory.md)
      options.setCPUArenaAllocator(false);
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session = env.createSession(model.readAllBytes(), options);
      return new MiniLmEmbedder(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the MiniLM model", e);
    }
  }

  /** Unit-length vectors, one per text, on the caller's thread. */
  @Override
  public float[][] vectors(List<String> texts) {
    List<Embedding> embeddings = embedAll(texts.stream().map(TextSegment::from).toList()).content();
    float[][] out = new float[embeddings.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = unit(embeddings.get(i).vector());
    }
    return out;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }

  private static float[] unit(float[] v) {
    double norm = Math.sqrt(cosine(v, v));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  private static InputStream resource(String name) {
    InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing class-path resource " + name);
    }
    return in;
  }
}
