package org.gio.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gio.core.GioInputException;
import org.gio.core.backend.Backends;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.objective.Objective;
import org.gio.core.objective.Target;
import org.gio.core.vectors.VectorOps;
import org.gio.io.EmbeddingTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gio kl}: the k-NN KL divergence estimate between a target and a sample. */
@Command(
    name = "kl",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the k-NN estimate of KL(target || sample): how much information the sample",
      "misses about the target's distribution (lower is better)."
    },
    footer = {
      "",
      "Estimators:",
      "  exact     Wang, Kulkarni & Verdu (2009), k-th neighbour distances; needs >= k sample rows",
      "  averaged  GIO's relaxation, averaged over every neighbour order (what select minimises)",
      "",
      "Examples:",
      "  gio kl --target target.npy --sample pool.npy",
      "  gio kl --target target.npy --sample chosen.npy --k 10 --estimator averaged",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class KlCommand implements Callable<Integer> {
  /** The estimators {@code --estimator} accepts. */
  enum Estimator {
    EXACT,
    AVERAGED
  }

  @Spec CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "FILE", description = "Target sample X.")
  Path target;

  @Option(names = "--sample", required = true, paramLabel = "FILE", description = "Sample W to compare with X (e.g. the selected rows).")
  Path sample;

  @Option(names = "--k", paramLabel = "K", description = "Neighbour order (default: ${DEFAULT-VALUE}).")
  int k = 5;

  @Option(names = "--estimator", paramLabel = "NAME", description = "exact or averaged (default: ${DEFAULT-VALUE}).")
  Estimator estimator = Estimator.EXACT;

  @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend (default: the best available).")
  String backend;

  @Mixin InputOptions inputOptions;

  @Override
  public Integer call() {
    if (k < 1) {
      throw new ParameterException(spec.commandLine(), "--k must be at least 1, was " + k);
    }
    InputFiles inputs = new InputFiles(inputOptions.toReadOptions(),
        new ProgressBar(spec.commandLine().getErr(), false));
    EmbeddingTable x = inputs.read(target);
    EmbeddingTable w = inputs.read(sample);
    InputFiles.sameDimension(x, w);
    InputFiles.moreRowsThanK(x, k);
    if (estimator == Estimator.EXACT && w.vectors().size() < k) {
      throw new GioInputException(sample + ": the exact estimator needs at least k = " + k
          + " sample rows, got " + w.vectors().size() + "; lower --k or use --estimator averaged");
    }
    Injector injector;
    try {
      injector = Backends.injector(backend, null);
    } catch (GioInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    }
    VectorOps ops = injector.getInstance(VectorOps.class);
    Target t = Target.of(x.vectors(), k, injector.getInstance(KthNeighbourSearch.class));
    Objective objective = estimator == Estimator.EXACT ? new KnnKl(ops) : new AveragedKnnKl(ops);
    double value = objective.start(t, w.vectors()).value();
    spec.commandLine().getOut().println(String.format(Locale.ROOT, "%.6f", value));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
