package org.gio.io.text.dsir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gio.core.GioInputException;
import org.gio.io.text.TextSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DsirTest {

  @Test
  void tokenizesLowerCasedWordsAndPunctuationRunsAsWordPunct() {
    assertEquals(List.of("don", "'", "t", "panic", "!!", "v2", ".", "0"),
        NgramBuckets.words("Don't PANIC!! v2.0"));
  }

  @Test
  void weightsMatchAHandComputation() {
    int buckets = 10_000;
    NgramBuckets f = new NgramBuckets(buckets);
    Set<Integer> distinct = new HashSet<>();
    for (String g : List.of("a", "b", "c", "a b", "a a")) {
      distinct.add(f.bucket(g));
    }
    assertEquals(5, distinct.size(), "no collisions among the tiny corpus' n-grams");
    List<String> pool = List.of("a b", "c", "A a", "");
    List<String> target = List.of("a");
    // target counts: a 1 (total 1); pool counts: a 3, b 1, c 1, "a b" 1, "a a" 1 (total 7)
    double b = buckets;
    double ra = Math.log(2 / (1 + b)) - Math.log(4 / (7 + b));
    double rOnce = Math.log(1 / (1 + b)) - Math.log(2 / (7 + b)); // b, c, "a b", "a a"
    Dsir.Result r = new Dsir(buckets, 1).select(pool, target, 2);
    assertEquals(ra + 2 * rOnce, r.logWeights()[0], 1e-12); // a, b, "a b"
    assertEquals(rOnce, r.logWeights()[1], 1e-12); // c
    assertEquals(2 * ra + rOnce, r.logWeights()[2], 1e-12); // a, a, "a a"
    assertEquals(0, r.logWeights()[3], 0); // no words
    assertEquals(2, r.selected().length);
  }

  @Test
  void gumbelTopKFollowsTheWeights() {
    // Two documents with log weights 0 and log 9: the heavier one comes first in about 90 % of
    // seeds, as sampling with probabilities ∝ w says.
    Dsir d = new Dsir(10, 0);
    int heavierFirst = 0;
    for (long seed = 0; seed < 2000; seed++) {
      int[] top = new Dsir(10, seed).topK(new double[] {0, Math.log(9)}, 1);
      heavierFirst += top[0] == 1 ? 1 : 0;
    }
    assertEquals(0.9, heavierFirst / 2000.0, 0.025);
    assertArrayEquals(new int[] {1, 0}, d.topK(new double[] {0, 1e6}, 2));
  }

  @Test
  void seededResamplingIsReproducibleAndPicksTheTargetDomain() throws IOException {
    List<String> pool = new ArrayList<>();
    List<Boolean> games = new ArrayList<>();
    List<String> target = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("..", "examples", "text", "debian-synopses.tsv"),
        StandardCharsets.UTF_8)) {
      String section = line.substring(0, line.indexOf('\t'));
      String text = line.substring(line.indexOf('\t') + 1);
      if (section.equals("games") && target.size() < 150) {
        target.add(text);
      } else {
        pool.add(text);
        games.add(section.equals("games"));
      }
    }
    Dsir.Result a = Dsir.withSeed(3).select(pool, target, 200);
    Dsir.Result b = Dsir.withSeed(3).select(pool, target, 200);
    Dsir.Result c = Dsir.withSeed(4).select(pool, target, 200);
    assertArrayEquals(a.selected(), b.selected());
    assertFalse(java.util.Arrays.equals(a.selected(), c.selected()));
    assertEquals(200, java.util.Arrays.stream(a.selected()).distinct().count());
    long hits = java.util.Arrays.stream(a.selected()).filter(games::get).count();
    double base = games.stream().filter(g -> g).count() / (double) games.size();
    assertTrue(hits / 200.0 > 5 * base, "precision " + hits / 200.0 + " vs base rate " + base);
  }

  @Test
  void aBudgetLargerThanThePoolIsAClearError(@TempDir Path dir) throws IOException {
    Path pool = Files.writeString(dir.resolve("pool.txt"), "one\ntwo\nthree\n");
    Path target = Files.writeString(dir.resolve("target.txt"), "two\n");
    GioInputException e = assertThrows(GioInputException.class,
        () -> Dsir.withSeed(0).select(TextSource.lines(pool), TextSource.lines(target), 4));
    assertEquals(pool + ": --budget 4 is more than the pool's 3 documents; DSIR samples without"
        + " replacement, so give 1 to 3 (or a percentage)", e.getMessage());
    Dsir.Result r = Dsir.withSeed(0).select(TextSource.lines(pool), TextSource.lines(target), 3);
    assertEquals(Set.of(0, 1, 2), Set.of(r.selected()[0], r.selected()[1], r.selected()[2]));
  }
}
