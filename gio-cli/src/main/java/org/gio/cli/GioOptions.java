package org.gio.cli;

import org.gio.core.select.GioConfig;
import org.gio.core.select.VInit;
import org.gio.core.stop.StopRule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * One flag per option of ALGORITHM.md §4, in kebab case, defaulting to {@link GioConfig}'s
 * defaults. A picocli mixin, so every command that runs GIO shares the same spelling.
 */
final class GioOptions {
  private static final GioConfig D = GioConfig.defaults();

  @Option(names = "--k", paramLabel = "K", description = "Neighbour order of the estimators (default: ${DEFAULT-VALUE}).")
  int k = D.k();

  @Option(names = "--max-iter", paramLabel = "N", description = "Accept at most N rows (default: no cap, GIO stops itself; --faithful: ${DEFAULT-VALUE}).")
  int maxIter = D.maxIter();

  @Option(names = "--stop", paramLabel = "RULE", converter = StopRuleConverter.class,
      description = "Stop criterion: increase, min_difference, min_kl, data_size, sequential_increase_tolerance, max_resets, exact_increase (default: exact_increase; --faithful: ${DEFAULT-VALUE}).")
  StopRule stop = D.stop();

  @Option(names = "--min-difference", paramLabel = "X", description = "min_difference: stop when the KL falls by less than X (default: ${DEFAULT-VALUE}).")
  double minDifference = D.minDifference();

  @Option(names = "--max-data-size", paramLabel = "FRACTION", description = "data_size: stop when more than this fraction of the pool is accepted (default: ${DEFAULT-VALUE}).")
  double maxDataSize = D.maxDataSize();

  @Option(names = "--min-kl", paramLabel = "X", description = "min_kl: stop once the KL drops below X (default: ${DEFAULT-VALUE}).")
  double minKl = D.minKl();

  @Option(names = "--max-sequential-increases", paramLabel = "T", description = "sequential_increase_tolerance: accept T rises in a row, stop at the next (default: ${DEFAULT-VALUE}).")
  int maxSequentialIncreases = D.maxSequentialIncreases();

  @Option(names = "--resets-allowed", description = "When the criterion fires, refill the pool instead of stopping, up to --max-resets times.")
  boolean resetsAllowed = D.resetsAllowed();

  @Option(names = "--max-resets", paramLabel = "N", description = "Resets allowed (default: ${DEFAULT-VALUE}).")
  int maxResets = D.maxResets();

  @Option(names = "--random-init-pct", paramLabel = "FRACTION", description = "Start from this fraction of the pool, sampled with --seed (default: ${DEFAULT-VALUE}: the uniform start).")
  double randomInitPct = D.randomInitPct();

  @Option(names = "--random-restart-prob", paramLabel = "P", description = "Chance of a 3x-long descent on any iteration (default: ${DEFAULT-VALUE}).")
  double randomRestartProb = D.randomRestartProb();

  @Option(names = "--scale-factor", paramLabel = "auto|X", description = "Gradient scale: auto (|v|/|grad| at the first point) or a positive number (default: ${DEFAULT-VALUE}).")
  String scaleFactor = "auto";

  @Option(names = "--v-init", paramLabel = "MODE", converter = VInitConverter.class, description = "Candidate start: mean, prev_opt, jump, worst (the target row least covered so far) (default: worst; --faithful: ${DEFAULT-VALUE}).")
  VInit vInit = D.vInit();

  @Option(names = "--grad-desc-iter", paramLabel = "N", description = "Descent steps per iteration (default: 0; --faithful: ${DEFAULT-VALUE}).")
  int gradDescIter = D.gradDescIter();

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double lr = D.lr();

  @Option(names = "--discard-nearest-for-xy", description = "For target = pool: drop each target row's nearest selected point from the estimate.")
  boolean discardNearestForXY = D.discardNearestForXY();

  @Option(names = "--normalize", negatable = true, description = "Scale the uniform start's points to unit norm (default: on; --no-normalize to turn off).")
  boolean normalize = D.normalize();

  @Option(names = "--uniform-start-size", paramLabel = "N", description = "Points in the uniform start (default: ${DEFAULT-VALUE}).")
  int uniformStartSize = D.uniformStartSize();

  @Option(names = "--uniform-low", paramLabel = "X", description = "Lower bound of the uniform start (default: ${DEFAULT-VALUE}).")
  double uniformLow = D.uniformLow();

  @Option(names = "--uniform-high", paramLabel = "X", description = "Upper bound of the uniform start (default: ${DEFAULT-VALUE}).")
  double uniformHigh = D.uniformHigh();

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice; same inputs and seed give the same output (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--no-exact-kl", description = "Do not track the exact KL estimator alongside (saves O(n·d) per accepted row).")
  boolean noExactKl;

  /** The configuration these flags describe; out-of-range values fail naming the field. */
  GioConfig toConfig() {
    GioConfig.Builder b =
        GioConfig.builder()
            .k(k)
            .maxIter(maxIter)
            .stop(stop)
            .minDifference(minDifference)
            .maxDataSize(maxDataSize)
            .minKl(minKl)
            .maxSequentialIncreases(maxSequentialIncreases)
            .resetsAllowed(resetsAllowed)
            .maxResets(maxResets)
            .randomInitPct(randomInitPct)
            .randomRestartProb(randomRestartProb)
            .vInit(vInit)
            .gradDescIter(gradDescIter)
            .lr(lr)
            .discardNearestForXY(discardNearestForXY)
            .normalize(normalize)
            .uniformStartSize(uniformStartSize)
            .uniformLow(uniformLow)
            .uniformHigh(uniformHigh)
            .seed(seed)
            .trackExactKl(!noExactKl);
    if (!"auto".equalsIgnoreCase(scaleFactor.trim())) {
      try {
        b.scaleFactor(Double.parseDouble(scaleFactor.trim()));
      } catch (NumberFormatException e) {
        throw new org.gio.core.select.InvalidConfigException(
            "--scale-factor must be auto or a positive number, was '" + scaleFactor + "'");
      }
    }
    return b.build();
  }

  static final class StopRuleConverter implements ITypeConverter<StopRule> {
    @Override
    public StopRule convert(String value) {
      return Converters.parse(value, StopRule::parse);
    }
  }

  static final class VInitConverter implements ITypeConverter<VInit> {
    @Override
    public VInit convert(String value) {
      return Converters.parse(value, VInit::parse);
    }
  }
}
