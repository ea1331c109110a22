package dev.lrcp.llm;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.IntConsumer;

/**
 * The byte-pair ranks of a tiktoken vocabulary in flat arrays: every token's bytes back to back,
 * their offsets, and an open-addressing table from bytes to rank. About 4 MB for {@code o200k_base}
 * where maps of boxed entries take ~35 MB, and this vocabulary stays live for the life of the
 * service. Merging follows tiktoken: the adjacent pair of lowest rank, leftmost on ties, until no
 * pair is a token.
 */
final class BytePairEncoder {

  private final byte[] bytes;
  private final int[] offsets;
  private final int[] slots;

  private BytePairEncoder(byte[] bytes, int[] offsets) {
    this.bytes = bytes;
    this.offsets = offsets;
    int tokens = offsets.length - 1;
    this.slots = new int[Integer.highestOneBit(tokens * 2) << 1];
    Arrays.fill(slots, -1);
    for (int rank = 0; rank < tokens; rank++) {
      int at = hash(bytes, offsets[rank], offsets[rank + 1]) & (slots.length - 1);
      while (slots[at] >= 0) {
        at = (at + 1) & (slots.length - 1);
      }
      slots[at] = rank;
    }
  }

  /** Reads a {@code .tiktoken} file: one token a line, its bytes in base64 and its rank. */
  static BytePairEncoder load(InputStream in) {
    var decoder = Base64.getDecoder();
    var data = new ByteArrayOutputStream(1 << 21);
    var ends = new int[1 << 18];
    int tokens = 0;
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int space = line.indexOf(' ');
        if (Integer.parseInt(line, space + 1, line.length(), 10) != tokens) {
          throw new IllegalStateException("ranks are not consecutive at line " + (tokens + 1));
        }
        data.writeBytes(decoder.decode(line.substring(0, space)));
        if (++tokens == ends.length) {
          ends = Arrays.copyOf(ends, tokens * 2);
        }
        ends[tokens] = data.size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BytePairEncoder(data.toByteArray(), Arrays.copyOf(ends, tokens + 1));
  }

  int size() {
    return offsets.length - 1;
  }

  /** Heap held by the vocabulary's arrays, in bytes. */
  long footprint() {
    return bytes.length + 4L * offsets.length + 4L * slots.length;
  }

  /** The rank of {@code piece[from, to)} as one token, or -1. */
  int rank(byte[] piece, int from, int to) {
    int mask = slots.length - 1;
    for (int at = hash(piece, from, to) & mask; slots[at] >= 0; at = (at + 1) & mask) {
      int rank = slots[at];
      int start = offsets[rank];
      if (Arrays.equals(bytes, start, offsets[rank + 1], piece, from, to)) {
        return rank;
      }
    }
    return -1;
  }

  /** Hands the ranks of {@code piece}'s tokens to {@code out} in order; returns their number. */
  int encode(byte[] piece, IntConsumer out) {
    int whole = rank(piece, 0, piece.length);
    if (whole >= 0) {
      out.accept(whole);
      return 1;
    }
    return new Merge(this, piece).run(out);
  }

  /** Appends the bytes of token {@code rank} to {@code sink}. */
  void appendBytes(int rank, ByteArrayOutputStream sink) {
    sink.write(bytes, offsets[rank], offsets[rank + 1] - offsets[rank]);
  }

  private static int hash(byte[] data, int from, int to) {
    int h = 0x811c9dc5;
    for (int i = from; i < to; i++) {
      h = (h ^ data[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
