package org.gio.cli;

import org.gio.core.select.GioConfig;
import org.gio.core.select.ObjectiveKind;
import org.gio.core.select.Shortlist;
import org.gio.core.select.StartMode;
import org.gio.core.stop.StopRule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of issue 7 and the choice of preset. Without {@code --faithful}, every option the
 * user does not give takes {@link GioConfig#recommended()}'s value (GIO sizes its own selection);
 * with it, the reference's defaults (ALGORITHM.md §4), so the published behaviour is one flag away.
 */
final class QualityOptions {
  private static final GioConfig R = GioConfig.recommended();

  @Option(names = "--faithful", description = "The published algorithm: every option not given takes the reference's default (averaged objective, uniform start, nearest row, stop increase, at most 100 rows).")
  boolean faithful;

  @Option(names = "--objective", paramLabel = "NAME", converter = ObjectiveConverter.class, description = "Relaxation the candidate descends: softmin (W-aware) or averaged (the published one) (default: softmin; --faithful: averaged).")
  ObjectiveKind objective;

  @Option(names = "--candidates", paramLabel = "C", description = "Shortlist C pool rows, score them by exact KL decrease and take the best; 1 takes the single row (default: " + 32 + "; --faithful: 1).")
  Integer candidates;

  @Option(names = "--patience", paramLabel = "P", description = "Candidates the stop criterion may reject in a row (each dropped) before the run stops (default: 5; --faithful: 0).")
  Integer patience;

  @Option(names = "--start", paramLabel = "MODE", converter = StartConverter.class, description = "Initial selection when no --init or --random-init-pct: empty or uniform (default: empty; --faithful: uniform).")
  StartMode start;

  @Option(names = "--shortlist", paramLabel = "FROM", converter = ShortlistConverter.class, description = "Where the C candidates come from: gain (the rows with the largest estimated KL decrease, from each target row's nearest pool rows; no descent) or nearest (the rows nearest the optimised point) (default: gain; --faithful: nearest).")
  Shortlist shortlist;

  @Option(names = "--gain-orders", paramLabel = "G", description = "With --shortlist gain: rank and stop by the k-NN estimator averaged over the G highest neighbour orders (1: order k alone; k: all) (default: 5; --faithful: 1).")
  Integer gainOrders;

  @Option(names = "--outlier-weight", paramLabel = "L", description = "Weight of the penalty on candidates outside the target cloud, in ranking and in the exact stop; 0 turns it off (default: 0.5; --faithful: 0).")
  Double outlierWeight;

  @Option(names = "--density-weight", paramLabel = "L", description = "Weight of the penalty on candidates where the pool is denser than the target (k-NN log density ratio below --density-threshold), in ranking and in the exact stop; 0 turns it off, Infinity drops such candidates instead (default: Infinity, the filter, with --density-quantile 0.375 --density-sample 6000; --faithful: 0, off; see gio-bench/docs/quality.md).")
  Double densityWeight;

  @Option(names = "--density-threshold", paramLabel = "T", description = "Log density ratio log p_target/p_pool below which --density-weight penalises (or drops) a candidate (default: 0; the estimate's bias depends on d and the sample sizes, so tune it per feature space). Given without --density-quantile, it replaces the default quantile threshold.")
  Double densityThreshold;

  @Option(names = "--density-relative", description = "Measure --density-threshold from the median log density ratio at the target's own rows (removes the estimate's dimension- and size-dependent bias).")
  Boolean densityRelative;

  @Option(names = "--density-quantile", paramLabel = "Q", description = "Compare the density ratio with its Q-quantile at the target's own rows (0 < Q < 1, e.g. 0.05: drop pool rows less target-like than the 5th-percentile target row) instead of with --density-threshold; unitless, so it carries across dimensions. Needs --density-weight (Infinity: the filter) (default: 0.375; --faithful: unset).")
  Double densityQuantile;

  @Option(names = "--density-sample", paramLabel = "S", description = "Measure the pool side of the density ratio against a fixed random sample of S pool rows (drawn from --seed) instead of the whole pool, so each scored row costs S instead of M distances; 0 or S >= M: the whole pool (default: 6000; --faithful: 0).")
  Integer densitySample;

  @Option(names = "--retrieval-candidates", paramLabel = "R", description = "With --shortlist gain: try the nearest available pool row of each of the R worst-covered target rows first, and take the first that lowers the penalised estimator (default: 0, none).")
  Integer retrievalCandidates;

  @Option(names = "--softmin-beta", paramLabel = "B", description = "Sharpness of the softmin objective (default: the dimension d).")
  Double softminBeta;

  /**
   * The run's configuration: {@code fromFlags} (GioOptions, reference defaults plus the flags given)
   * with, unless {@code --faithful}, the recommended values for the options not given.
   */
  GioConfig apply(GioConfig fromFlags, CommandSpec command) {
    ParseResult parsed = command.commandLine().getParseResult();
    GioConfig.Builder b = fromFlags.toBuilder();
    if (!faithful) {
      if (!given(parsed, "--stop")) {
        b.stop(R.stop());
      }
      if (!given(parsed, "--max-iter")) {
        b.maxIter(R.maxIter());
      }
      if (!given(parsed, "--v-init")) {
        b.vInit(R.vInit());
      }
      if (!given(parsed, "--grad-desc-iter")) {
        b.gradDescIter(R.gradDescIter());
      }
      b.objective(R.objective()).candidates(R.candidates()).patience(R.patience()).start(R.start());
      b.shortlist(R.shortlist()).gainOrders(R.gainOrders()).outlierWeight(R.outlierWeight());
      b.densityWeight(R.densityWeight()).densityThreshold(R.densityThreshold());
      b.densityRelative(R.densityRelative()).densityQuantile(R.densityQuantile());
      b.densitySample(R.densitySample());
      b.retrievalCandidates(R.retrievalCandidates());
      if (fromFlags.stop() == StopRule.EXACT_INCREASE || !given(parsed, "--stop")) {
        b.trackExactKl(true);
      }
    }
    if (objective != null) {
      b.objective(objective);
    }
    if (candidates != null) {
      b.candidates(candidates);
    }
    if (patience != null) {
      b.patience(patience);
    }
    if (start != null) {
      b.start(start);
    }
    if (shortlist != null) {
      b.shortlist(shortlist);
    }
    if (gainOrders != null) {
      b.gainOrders(gainOrders);
    }
    if (outlierWeight != null) {
      b.outlierWeight(outlierWeight);
    }
    if (densityWeight != null) {
      b.densityWeight(densityWeight);
    }
    if (densityThreshold != null) {
      b.densityThreshold(densityThreshold);
    }
    if (densityRelative != null) {
      b.densityRelative(densityRelative);
    }
    if (densityQuantile != null) {
      b.densityQuantile(densityQuantile);
    } else if (densityThreshold != null || densityRelative != null) {
      b.densityQuantile(Double.NaN); // a τ threshold asked for: not the preset's quantile
    }
    if (densitySample != null) {
      b.densitySample(densitySample);
    }
    if (retrievalCandidates != null) {
      b.retrievalCandidates(retrievalCandidates);
    }
    if (softminBeta != null) {
      b.softminBeta(softminBeta);
    }
    return b.build();
  }

  private static boolean given(ParseResult parsed, String option) {
    return parsed != null && parsed.hasMatchedOption(option);
  }

  static final class ObjectiveConverter implements ITypeConverter<ObjectiveKind> {
    @Override
    public ObjectiveKind convert(String value) {
      return Converters.parse(value, ObjectiveKind::parse);
    }
  }

  static final class ShortlistConverter implements ITypeConverter<Shortlist> {
    @Override
    public Shortlist convert(String value) {
      return Converters.parse(value, Shortlist::parse);
    }
  }

  static final class StartConverter implements ITypeConverter<StartMode> {
    @Override
    public StartMode convert(String value) {
      return Converters.parse(value, StartMode::parse);
    }
  }
}
