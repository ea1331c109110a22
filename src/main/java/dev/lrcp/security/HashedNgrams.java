package dev.lrcp.security;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sparse features of a text: character 3- to 5-grams and word uni- and bigrams, hashed into a fixed
 * number of buckets and L2-normalised. Character n-grams cope with German, misspellings and
 * obfuscated spacing; word pairs carry phrases like "ignore previous".
 */
final class HashedNgrams {

  static final int BITS = 15;
  static final int BUCKETS = 1 << BITS;

  /** Texts are cut to their first characters: long jailbreaks announce themselves early. */
  static final int MAX_CHARS = 4_000;

  /** Distinct buckets in ascending order and their normalised weights. */
  record Sparse(int[] buckets, double[] values) {

    double dot(float[] weights) {
      double z = 0;
      for (int i = 0; i < buckets.length; i++) {
        z += weights[buckets[i]] * values[i];
      }
      return z;
    }
  }

  private HashedNgrams() {}

  static Sparse of(String text) {
    String t = normalise(text);
    String padded = " " + t + " ";
    String[] words = t.split(" ");
    int[] hashes = new int[Math.max(0, 3 * padded.length()) + 2 * words.length];
    int n = 0;
    for (int len = 3; len <= 5; len++) {
      for (int i = 0; i + len <= padded.length(); i++) {
        hashes[n++] = bucket(padded.substring(i, i + len), 'c');
      }
    }
    for (int i = 0; i < words.length; i++) {
      hashes[n++] = bucket(words[i], 'w');
      if (i + 1 < words.length) {
        hashes[n++] = bucket(words[i] + ' ' + words[i + 1], 'b');
      }
    }
    return collapse(Arrays.copyOf(hashes, n));
  }

  static String normalise(String text) {
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    t = Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return t.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static Sparse collapse(int[] hashes) {
    Arrays.sort(hashes);
    int[] buckets = new int[hashes.length];
    double[] values = new double[hashes.length];
    int m = -1;
    for (int h : hashes) {
      if (m < 0 || buckets[m] != h) {
        buckets[++m] = h;
      }
      values[m]++;
    }
    int size = m + 1;
    double norm = 0;
    for (int i = 0; i < size; i++) {
      norm += values[i] * values[i];
    }
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    for (int i = 0; i < size; i++) {
      values[i] *= scale;
    }
    return new Sparse(Arrays.copyOf(buckets, size), Arrays.copyOf(values, size));
  }

  private static int bucket(String gram, char kind) {
    int h = (kind * 31 + gram.hashCode()) * 0x9E3779B1;
    return h >>> (32 - BITS);
  }
}
