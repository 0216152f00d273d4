package org.gio.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gio.core.GioInputException;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.gio.io.IndexFile;
import org.gio.io.npy.NpyReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gio select}: choose pool rows whose distribution matches the target's. */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Select rows of a candidate pool whose distribution best matches a target sample,",
      "by minimising a k-NN estimate of KL(target || selected) with GIO."
    },
    footer = {
      "",
      "Examples:",
      "  gio select --pool pool.npy --target target.npy --out chosen.txt",
      "  gio select --pool pool.npy --target target.npy --init seed.npy --max-iter 500 \\",
      "             --stop min_difference --min-difference 0.001 --out chosen.txt --report run.json",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class SelectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pool", required = true, paramLabel = "FILE", description = "Candidate pool G (.npy, rows × dimensions).")
  Path pool;

  @Option(names = "--target", required = true, paramLabel = "FILE", description = "Target sample X (.npy).")
  Path target;

  @Option(names = "--init", paramLabel = "FILE", description = "Initial set D (.npy); default: the uniform start, or --random-init-pct.")
  Path init;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Chosen pool row indices, one per line, in selection order.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report: configuration, KL traces, stop reason, timings.")
  Path report;

  @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend (default: the best available; see 'gio backends').")
  String backend;

  @Option(names = "--index", paramLabel = "NAME", description = "Pool search backend (default: exact; see 'gio backends').")
  String index;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Mixin GioOptions options;

  @Mixin QuantizeOptions quantize;

  @Override
  public Integer call() throws Exception {
    GioConfig config = options.toConfig();
    OutputPaths.check(java.util.Arrays.asList(out, report), pool, target, init, quantize.saved);
    Injector injector = injector();

    VectorSet poolSet = NpyReader.read(pool);
    VectorSet targetSet = NpyReader.read(target);
    VectorSet initSet = init == null ? null : NpyReader.read(init);

    // Quantization (ALGORITHM.md §5): select among centroids, then explode to pool rows.
    QuantizeOptions.Plan plan =
        quantize.plan(poolSet, targetSet, config.seed(), injector, spec.commandLine().getErr(), quiet);

    GioSelector selector = injector.getInstance(GioSelector.class);
    Selection selection =
        selector.select(plan.pool, plan.target, initSet, config, new StatusLine(spec, quiet));

    IndexFile.write(out, plan.rows(selection));
    if (report != null) {
      Map<String, String> backends = new LinkedHashMap<>();
      backends.put("compute", selector.ops().name());
      backends.put("index", selector.indexFactory().name());
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("pool", pool.toString());
      inputs.put("poolRows", poolSet.size());
      inputs.put("target", target.toString());
      inputs.put("targetRows", targetSet.size());
      inputs.put("dimension", poolSet.dim());
      if (init != null) {
        inputs.put("init", init.toString());
        inputs.put("initRows", initSet.size());
      }
      plan.writeReport(report, selection, config, backends, inputs);
    }
    return ExitCodes.OK;
  }

  private Injector injector() {
    try {
      return Backends.injector(backend, index);
    } catch (GioInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    }
  }
}
