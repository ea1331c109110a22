package dev.lrcp.security;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Logistic regression over {@link HashedNgrams}, trained by {@code
 * scripts/train-injection-model.sh} and shipped as {@code security/injection-model.bin.gz}.
 */
record InjectionModel(double bias, float[] weights) {

  static final String RESOURCE = "/security/injection-model.bin.gz";
  private static final int MAGIC = 0x4C524350;

  double probability(String text) {
    return probability(HashedNgrams.of(text));
  }

  double probability(HashedNgrams.Sparse features) {
    return 1 / (1 + Math.exp(-(bias + features.dot(weights))));
  }

  static InjectionModel load() {
    try (InputStream in = InjectionModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InjectionModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
    if (in.readInt() != MAGIC || in.readInt() != HashedNgrams.BUCKETS) {
      throw new IOException("injection model does not match the feature hashing in this build");
    }
    double bias = in.readDouble();
    float[] w = new float[HashedNgrams.BUCKETS];
    for (int i = 0; i < w.length; i++) {
      w[i] = in.readFloat();
    }
    return new InjectionModel(bias, w);
  }

  void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw);
    DataOutputStream out = new DataOutputStream(gz);
    out.writeInt(MAGIC);
    out.writeInt(weights.length);
    out.writeDouble(bias);
    for (float v : weights) {
      out.writeFloat(v);
    }
    out.flush();
    gz.finish();
  }
}
