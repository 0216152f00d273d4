package org.gio.core.select;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.gio.core.GioInputException;

/**
 * The published loop's {@link SplittableRandom}, with a position that can be saved. The JDK's
 * generator cannot be serialised, and switching generators would change the parity fixtures'
 * sequence, so this one logs what it was asked for instead: a fresh generator with the same seed
 * asked the same things ({@link #replay}) is at the same position, whatever each draw consumed
 * inside ({@code nextInt(bound)} rejects and redraws). The log is run-length encoded, pairs of
 * (what, how many times): {@link #DOUBLE} for {@code nextDouble()}, a positive bound for {@code
 * nextInt(bound)}, {@link #LONG} for {@code nextLong()} (which every other draw of {@link
 * RandomGenerator} goes through); the uniform start's thousands of doubles are one pair.
 */
final class ReplayableRandom implements RandomGenerator {
  /** The log's code for {@code nextDouble()}. */
  static final int DOUBLE = 0;
  /** The log's code for {@code nextLong()}. */
  static final int LONG = -1;

  private final SplittableRandom random;
  /** Pairs (code, count), the last one still growing. */
  private int[] log = new int[16];
  private int length;

  ReplayableRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public double nextDouble() {
    logged(DOUBLE);
    return random.nextDouble();
  }

  @Override
  public long nextLong() {
    logged(LONG);
    return random.nextLong();
  }

  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound " + bound + " must be positive");
    }
    logged(bound);
    return random.nextInt(bound);
  }

  private void logged(int code) {
    if (length > 0 && log[length - 2] == code && log[length - 1] < Integer.MAX_VALUE) {
      log[length - 1]++;
      return;
    }
    if (length == log.length) {
      log = Arrays.copyOf(log, 2 * log.length);
    }
    log[length++] = code;
    log[length++] = 1;
  }

  /** The draws so far, as (code, count) pairs: this generator's position. */
  int[] draws() {
    return Arrays.copyOf(log, length);
  }

  /**
   * Moves this generator to the position {@code saved} describes. Its own draws so far (those of
   * the run's set-up, made again on resume) must be where {@code saved} begins.
   *
   * @throws GioInputException when they are not, or {@code saved} is not a log
   */
  void replay(int[] saved) {
    if (saved.length % 2 != 0) {
      throw mismatch();
    }
    int at = 0;
    // the set-up's draws: the same pairs, the last one possibly continued in saved
    for (; at < length; at += 2) {
      boolean last = at == length - 2;
      if (at >= saved.length || saved[at] != log[at]
          || (last ? saved[at + 1] < log[at + 1] : saved[at + 1] != log[at + 1])) {
        throw mismatch();
      }
    }
    if (length > 0) {
      draw(saved[length - 2], saved[length - 1] - log[length - 1]);
    }
    for (; at < saved.length; at += 2) {
      if (saved[at] < LONG || saved[at + 1] <= 0) {
        throw mismatch();
      }
      draw(saved[at], saved[at + 1]);
    }
  }

  private void draw(int code, int times) {
    for (int i = 0; i < times; i++) {
      if (code == DOUBLE) {
        nextDouble();
      } else if (code == LONG) {
        nextLong();
      } else {
        nextInt(code);
      }
    }
  }

  private static GioInputException mismatch() {
    return new GioInputException("checkpoint: its random draws do not continue this run's start; "
        + "start the run again without resuming");
  }
}
