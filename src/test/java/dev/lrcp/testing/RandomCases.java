package dev.lrcp.testing;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reproducible random inputs for {@code @ParameterizedTest @MethodSource}: every case of a run is
 * drawn from one seed, fixed so that a build is repeatable and printed with the cases; {@code
 * -Dlrcp.test.seed=<n>} draws others. Each case has its own generator derived from the seed and its
 * index, and names both, so a failing case is replayed by running with its seed. There is no
 * shrinking: a failure reports the case as drawn.
 *
 * <p>The value helpers mix in the edge cases random draws rarely hit (empty and maximal lengths,
 * zero, the bounds of a range, the extremes of a type).
 */
public final class RandomCases {

  private static final String SEED_PROPERTY = "lrcp.test.seed";
  private static final long DEFAULT_SEED = 42L;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private RandomCases() {}

  /** One drawn case; its name is what a report and an assertion message show. */
  public record Case<T>(long seed, int index, T value) {
    @Override
    public String toString() {
      return "case " + index + " of seed " + seed;
    }
  }

  /** {@code count} cases, each drawn by {@code draw} from its own generator. */
  public static <T> Stream<Case<T>> cases(int count, Function<RandomGenerator, T> draw) {
    long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    System.out.printf(
        "%d random cases from seed %d (-D%s=<n> draws others)%n", count, seed, SEED_PROPERTY);
    // numbered from 1, as JUnit numbers the invocations in its report
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i -> new Case<>(seed, i, draw.apply(new SplittableRandom(seed + i * GOLDEN_GAMMA))));
  }

  /** The index of the option chosen, each option as likely as its weight. */
  public static int weighted(RandomGenerator r, int... weights) {
    int pick = r.nextInt(IntStream.of(weights).sum());
    int option = 0;
    while (pick >= weights[option]) {
      pick -= weights[option++];
    }
    return option;
  }

  /** One of the options, each equally likely; null is a valid option. */
  @SafeVarargs
  public static <T> T oneOf(RandomGenerator r, T... options) {
    return options[r.nextInt(options.length)];
  }

  /** Any UTF-16 text: controls, unpaired surrogates and noncharacters included. */
  public static String anyString(RandomGenerator r, int maxLength) {
    return string(r, 0, maxLength, Character.MIN_VALUE, Character.MAX_VALUE);
  }

  public static String string(RandomGenerator r, int minLength, int maxLength, char from, char to) {
    char[] text = new char[length(r, minLength, maxLength)];
    for (int i = 0; i < text.length; i++) {
      text[i] = (char) r.nextInt(from, to + 1);
    }
    return new String(text);
  }

  /**
   * Text of the given chars, each taken alone (so a surrogate pair among them also comes apart).
   */
  public static String string(RandomGenerator r, int maxLength, String chars) {
    char[] text = new char[length(r, 0, maxLength)];
    for (int i = 0; i < text.length; i++) {
      text[i] = chars.charAt(r.nextInt(chars.length()));
    }
    return new String(text);
  }

  private static int length(RandomGenerator r, int min, int max) {
    return switch (weighted(r, 1, 1, 18)) {
      case 0 -> min;
      case 1 -> max;
      default -> r.nextInt(min, max + 1);
    };
  }

  public static int anyInt(RandomGenerator r) {
    return r.nextInt(10) == 0
        ? oneOf(r, 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE)
        : r.nextInt();
  }

  public static long anyLong(RandomGenerator r) {
    return r.nextInt(10) == 0
        ? oneOf(r, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)
        : r.nextLong();
  }

  /** Small, fractional, huge and non-finite doubles of either sign. */
  public static double anyDouble(RandomGenerator r) {
    return switch (weighted(r, 1, 3, 3, 3)) {
      case 0 ->
          oneOf(
              r,
              0.0,
              -0.0,
              Double.MIN_VALUE,
              Double.MAX_VALUE,
              -Double.MAX_VALUE,
              Double.NaN,
              Double.POSITIVE_INFINITY,
              Double.NEGATIVE_INFINITY);
      case 1 -> r.nextDouble(-100, 100);
      case 2 -> r.nextDouble(-1e12, 1e12);
      default -> Double.longBitsToDouble(r.nextLong());
    };
  }

  /**
   * A double in [min, max]: the bounds themselves, values crowded toward the lower bound (where
   * most real latencies and costs lie), and uniform ones.
   */
  public static double between(RandomGenerator r, double min, double max) {
    return switch (weighted(r, 1, 1, 4, 14)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> min + (max - min) * Math.pow(r.nextDouble(), 4);
      default -> r.nextDouble(min, Math.nextUp(max));
    };
  }
}
