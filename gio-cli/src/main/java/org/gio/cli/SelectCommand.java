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
import org.gio.io.EmbeddingTable;
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
      "by minimising a k-NN estimate of KL(target || selected) with GIO.",
      "Inputs may be .npy, .fvecs/.bvecs/.ivecs, CSV/TSV, JSONL, IDX (MNIST) or Parquet;",
      "the format comes from the extension unless --format is given."
    },
    footer = {
      "",
      "Examples:",
      "  gio select --pool pool.npy --target target.npy --out chosen.txt      (GIO sizes the selection)",
      "  gio select --faithful --pool pool.npy --target target.npy --out chosen.txt   (published algorithm)",
      "  gio select --pool-text pool.txt --target-text target.txt \\",
      "             --out chosen.txt --out-lines chosen-lines.txt",
      "  gio select --pool pool.npy --target target.npy --init seed.npy --max-iter 500 \\",
      "             --stop min_difference --min-difference 0.001 --out chosen.txt --report run.json",
      "  gio select --pool train.tsv --target wanted.tsv --out chosen.txt --out-rows chosen.tsv",
      "  gio select --pool docs.parquet --column embedding --target target.jsonl \\",
      "             --out chosen.txt --out-rows chosen.parquet --plot kl.png",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class SelectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pool", paramLabel = "FILE", description = "Candidate pool G (rows × dimensions); or --pool-text.")
  Path pool;

  @Option(names = "--target", paramLabel = "FILE", description = "Target sample X; or --target-text.")
  Path target;

  @Option(names = "--init", paramLabel = "FILE", description = "Initial set D; default: the uniform start, or --random-init-pct.")
  Path init;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Chosen pool row indices (0-based), one per line, in selection order.")
  Path out;

  @Option(names = "--out-rows", paramLabel = "FILE", description = "The chosen pool rows, in selection order: the original records for CSV/TSV/JSONL/Parquet pools (Parquet adds gio_index), else the vectors in the format of FILE's extension (.npy, .fvecs, .csv, .tsv, .jsonl, .parquet; default .npy).")
  Path outRows;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report: configuration, KL traces, stop reason, timings, backends.")
  Path report;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "PNG chart of KL per selected row; for 2-D data also target vs selected.")
  Path plot;

  @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend (default: the best available; see 'gio backends').")
  String backend;

  @Option(names = "--index", paramLabel = "NAME", description = "Pool search backend (default: exact; see 'gio backends').")
  String index;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (no progress bar, no summary).")
  boolean quiet;

  @Mixin InputOptions inputOptions;

  @Mixin GioOptions options;

  @Mixin TextInputOptions text;

  @Mixin QualityOptions quality;

  @Mixin QuantizeOptions quantize;

  @Override
  public Integer call() throws Exception {
    text.validate(spec, pool, target, init);
    GioConfig config = quality.apply(options.toConfig(), spec);
    if (index != null && !index.equals("exact") && config.shortlist() == org.gio.core.select.Shortlist.GAIN) {
      throw new ParameterException(spec.commandLine(), "--index " + index + " searches the pool in the "
          + "published loop only (--faithful, or --shortlist nearest); the default selection reads an "
          + "exact neighbour table built in one pass, so drop --index");
    }
    OutputPaths.check(SelectionOutputs.paths(out, outRows, report, plot, text.outLines),
        pool, target, init, text.poolText, text.targetText, quantize.saved);
    if (!text.active()) {
      SelectionOutputs.checkRowsFormat(outRows, pool, inputOptions.toReadOptions());
    }
    Injector injector = injector();

    ProgressBar progress = ProgressBar.forTerminal(spec.commandLine().getErr(), quiet);
    InputFiles inputs = new InputFiles(inputOptions.toReadOptions(), progress);
    if (StreamedSelection.applies(config, pool, inputOptions.toReadOptions(), text.active(), quantize.active())) {
      return streamed(injector.getInstance(GioSelector.class), inputs, progress, config);
    }
    TextInputOptions.Embedded embedded =
        text.active() ? text.embed(spec.commandLine().getErr(), quiet) : null;
    EmbeddingTable poolTable = embedded != null ? embedded.poolTable() : inputs.read(pool);
    EmbeddingTable targetTable = embedded != null ? embedded.targetTable() : inputs.read(target);
    EmbeddingTable initTable = inputs.read(init);
    InputFiles.sameDimension(poolTable, targetTable);
    InputFiles.sameDimension(poolTable, initTable);
    InputFiles.moreRowsThanK(targetTable, config.k());

    GioSelector selector = injector.getInstance(GioSelector.class);
    // Quantization (ALGORITHM.md §5): select among centroids, then explode to pool rows.
    QuantizeOptions.Plan plan = quantize.plan(poolTable.vectors(), targetTable.vectors(),
        config.seed(), injector, spec.commandLine().getErr(), quiet);
    Selection selection = selector.select(plan.pool, plan.target,
        initTable == null ? null : initTable.vectors(), config,
        Listeners.of(progress, new StatusLine(spec, quiet)));
    int[] rows = plan.rows(selection);

    long writeStart = System.nanoTime();
    SelectionOutputs outputs = new SelectionOutputs();
    outputs.indices(out, rows);
    outputs.rows(outRows, poolTable, rows);
    outputs.lines(text, rows);
    outputs.plot(plot, selection, plan.target, plan.pool);
    Map<String, Double> ioMillis = new LinkedHashMap<>();
    ioMillis.put("read", inputs.nanos() / 1e6);
    ioMillis.put("write", (System.nanoTime() - writeStart) / 1e6); // outputs before the report
    Map<String, Object> described = describe(poolTable, targetTable, initTable);
    if (embedded != null) {
      described.put("poolFormat", "text");
      described.put("targetFormat", "text");
      described.put("embedder", embedded.embedder());
    }
    outputs.report(report, plan.report(selection, config, backends(selector), described, ioMillis));
    return ExitCodes.OK;
  }

  /** The default selection on a .npy pool read once into a neighbour table (never loaded). */
  private Integer streamed(GioSelector selector, InputFiles inputs, ProgressBar progress, GioConfig config)
      throws java.io.IOException {
    EmbeddingTable targetTable = inputs.read(target);
    EmbeddingTable initTable = inputs.read(init);
    InputFiles.sameDimension(targetTable, initTable);
    InputFiles.moreRowsThanK(targetTable, config.k());
    StreamedSelection.Result r = StreamedSelection.run(selector, pool, targetTable, initTable, config,
        Listeners.of(progress, new StatusLine(spec, quiet)));
    long writeStart = System.nanoTime();
    SelectionOutputs outputs = new SelectionOutputs();
    outputs.indices(out, r.selection().selected());
    outputs.vectors(outRows, r.chosenVectors());
    outputs.chosenPlot(plot, r.selection(), targetTable.vectors(), r.chosenVectors());
    Map<String, Double> ioMillis = new LinkedHashMap<>();
    ioMillis.put("read", inputs.nanos() / 1e6);
    ioMillis.put("write", (System.nanoTime() - writeStart) / 1e6);
    outputs.report(report, org.gio.io.report.SelectionReport.toJson(r.selection(), config,
        backends(selector), StreamedSelection.describe(pool, r, targetTable, initTable), ioMillis));
    return ExitCodes.OK;
  }

  private static Map<String, String> backends(GioSelector selector) {
    Map<String, String> backends = new LinkedHashMap<>();
    backends.put("compute", selector.ops().name());
    backends.put("index", selector.indexFactory().name());
    backends.put("table", selector.tableBuilder().name());
    return backends;
  }

  private static Map<String, Object> describe(
      EmbeddingTable pool, EmbeddingTable target, EmbeddingTable init) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "pool", pool);
    put(m, "target", target);
    if (init != null) {
      put(m, "init", init);
    }
    m.put("dimension", pool.vectors().dim());
    return m;
  }

  private static void put(Map<String, Object> m, String name, EmbeddingTable t) {
    m.put(name, t.file().toString());
    m.put(name + "Rows", t.vectors().size());
    m.put(name + "Format", t.format().id());
    m.put(name + "Dtype", t.dtype());
  }

  private Injector injector() {
    try {
      return Backends.injector(backend, index);
    } catch (GioInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
