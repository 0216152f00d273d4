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
import org.gio.core.vectors.RowSample;
import org.gio.core.vectors.VectorSet;
import org.gio.io.EmbeddingTable;
import org.gio.io.plot.KlChart;
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
      "  gio select --pool-text pool.txt --target-text target.txt --embedder minilm \\",
      "             --budget 5%% --out chosen.txt           (exactly 5%% of the pool, rounded down)",
      "  gio select --method dsir --pool-text pool.txt --target-text target.txt --budget 1000 \\",
      "             --out chosen.txt --out-lines chosen-lines.txt",
      "  gio select --pool train.tsv --target wanted.tsv --out chosen.txt --out-rows chosen.tsv",
      "  gio select --pool docs.parquet --column embedding --target target.jsonl \\",
      "             --out chosen.txt --out-rows chosen.parquet --plot kl.png",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input,",
      "4 interrupted by SIGINT/SIGTERM with --checkpoint (the checkpoint is written; rerun with --resume)."
    })
final class SelectCommand implements Callable<Integer> {
  /** Pool rows drawn grey by --plot-scatter: enough to show the pool's shape, few enough to see. */
  static final int SCATTER_POOL_ROWS = 5_000;

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

  @Option(names = "--plot-scatter", paramLabel = "FILE.png", description = "PNG of pool (grey, a seeded sample), target and selected rows on the target's first two principal components, for any dimension.")
  Path plotScatter;

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

  @Mixin MethodOptions method;

  @Mixin CheckpointOptions checkpoint;

  @Override
  public Integer call() throws Exception {
    text.validate(spec, pool, target, init);
    method.validate(spec, text.active(), quality.faithful,
        quantize.clusters != null || quantize.saved != null, plot != null,
        init != null, outRows != null);
    GioConfig config = quality.apply(options.toConfig(), spec);
    if (index != null && !index.equals("exact") && config.shortlist() == org.gio.core.select.Shortlist.GAIN) {
      throw new ParameterException(spec.commandLine(), "--index " + index + " searches the pool in the "
          + "published loop only (--faithful, or --shortlist nearest); the default selection reads an "
          + "exact neighbour table built in one pass, so drop --index");
    }
    checkpoint.validate(spec, quantize.active(), method.dsir() || method.retrieval());
    OutputPaths.check(SelectionOutputs.paths(out, outRows, report, plot, plotScatter,
            text.outLines, checkpoint.file),
        pool, target, init, text.poolText, text.targetText, quantize.saved);
    if (method.dsir()) {
      return DsirRun.run(method, text, options.seed, out, report, spec.commandLine().getErr(), quiet);
    }
    if (!text.active()) {
      SelectionOutputs.checkRowsFormat(outRows, pool, inputOptions.toReadOptions());
    }
    Injector injector = injector();

    ProgressBar progress = ProgressBar.forTerminal(spec.commandLine().getErr(), quiet);
    InputFiles inputs = new InputFiles(inputOptions.toReadOptions(), progress);
    if (!method.retrieval()
        && StreamedSelection.applies(config, pool, inputOptions.toReadOptions(), text.active(), quantize.active())) {
      return streamed(injector.getInstance(GioSelector.class), inputs, progress,
          method.apply(config, pool, inputOptions.toReadOptions()));
    }
    TextInputOptions.Embedded embedded =
        text.active() ? text.embed(spec.commandLine().getErr(), quiet) : null;
    EmbeddingTable poolTable = embedded != null ? embedded.poolTable() : inputs.read(pool);
    EmbeddingTable targetTable = embedded != null ? embedded.targetTable() : inputs.read(target);
    EmbeddingTable initTable = inputs.read(init);
    InputFiles.sameDimension(poolTable, targetTable);
    InputFiles.sameDimension(poolTable, initTable);
    InputFiles.moreRowsThanK(targetTable, config.k());
    config = method.apply(config, poolTable.vectors().size(), poolTable.file().toString());

    GioSelector selector = injector.getInstance(GioSelector.class);
    // Quantization (ALGORITHM.md §5): select among centroids, then explode to pool rows.
    QuantizeOptions.Plan plan = quantize.plan(poolTable.vectors(), targetTable.vectors(),
        config.seed(), injector, spec.commandLine().getErr(), quiet);
    GioConfig chosen = config;
    CheckpointedSelection checkpointed = checkpoint.selection(spec, selector, chosen);
    CheckpointedSelection.Result run = null;
    Selection selection;
    if (checkpointed.active() && chosen.shortlist() == org.gio.core.select.Shortlist.GAIN) {
      // the default selection on the table of a pool in memory
      run = checkpointed.select(selector, () -> selector.table(
              org.gio.core.vectors.VectorSource.of(plan.pool), plan.target, chosen, 1),
          plan.target, initTable == null ? null : initTable.vectors(), chosen,
          Listeners.of(progress, new StatusLine(spec, quiet)));
      selection = run.selection();
    } else if (checkpointed.active()) { // the published loop (--faithful)
      run = checkpointed.selectPublished(selector, plan.pool, plan.target,
          initTable == null ? null : initTable.vectors(), chosen, Listeners.of(progress, new StatusLine(spec, quiet)));
      selection = run.selection();
    } else {
      selection = method.retrieval()
          ? RetrievalRun.select(plan.pool, plan.target, config.budget(), spec, quiet)
          : selector.select(plan.pool, plan.target,
              initTable == null ? null : initTable.vectors(), config,
              Listeners.of(progress, new StatusLine(spec, quiet)));
    }
    MethodOptions.noticeShortfall(spec.commandLine().getErr(), config, selection);
    int[] rows = plan.rows(selection);

    long writeStart = System.nanoTime();
    SelectionOutputs outputs = new SelectionOutputs();
    outputs.indices(out, rows);
    outputs.rows(outRows, poolTable, rows);
    outputs.lines(text, rows);
    String title = KlChart.title(rows.length, poolTable.vectors().size(), selection.stopReason());
    outputs.plot(plot, selection, plan.target, plan.pool, title);
    if (plotScatter != null) {
      VectorSet pool = poolTable.vectors();
      VectorSet poolSample = pool.select(RowSample.sorted(pool.size(), SCATTER_POOL_ROWS,
          config.seed() ^ 0x5CA77E4L)); // salted: independent of the selection's own draws
      outputs.scatter(plotScatter, poolSample, targetTable.vectors(), pool.select(rows), title);
    }
    Map<String, Double> ioMillis = new LinkedHashMap<>();
    ioMillis.put("read", inputs.nanos() / 1e6);
    ioMillis.put("write", (System.nanoTime() - writeStart) / 1e6); // outputs before the report
    if (run != null) {
      run.timings(ioMillis, true);
    }
    Map<String, Object> described = describe(poolTable, targetTable, initTable);
    if (embedded != null) {
      described.put("poolFormat", "text");
      described.put("targetFormat", "text");
      described.put("embedder", embedded.embedder());
      described.put("truncatedDocuments", embedded.truncated());
    }
    com.fasterxml.jackson.databind.node.ObjectNode json =
        plan.report(selection, config, backends(selector), described, ioMillis);
    method.describe(json, quality.faithful, config.budget());
    outputs.report(report, json);
    checkpointed.finished();
    return ExitCodes.OK;
  }

  /** The default selection on a streamed pool (.npy, vecs) read once into a neighbour table (never loaded). */
  private Integer streamed(GioSelector selector, InputFiles inputs, ProgressBar progress, GioConfig config)
      throws java.io.IOException {
    EmbeddingTable targetTable = inputs.read(target);
    EmbeddingTable initTable = inputs.read(init);
    InputFiles.sameDimension(targetTable, initTable);
    InputFiles.moreRowsThanK(targetTable, config.k());
    CheckpointedSelection checkpointed = checkpoint.selection(spec, selector, config);
    StreamedSelection.Result r = StreamedSelection.run(selector, pool, inputOptions.toReadOptions(), targetTable,
        initTable, config,
        Listeners.of(progress, new StatusLine(spec, quiet)), checkpointed);
    MethodOptions.noticeShortfall(spec.commandLine().getErr(), config, r.selection());
    long writeStart = System.nanoTime();
    SelectionOutputs outputs = new SelectionOutputs();
    outputs.indices(out, r.selection().selected());
    outputs.vectors(outRows, r.chosenVectors());
    String title = KlChart.title(r.selection().size(), r.poolRows(), r.selection().stopReason());
    outputs.chosenPlot(plot, r.selection(), targetTable.vectors(), r.chosenVectors(), title);
    outputs.scatter(plotScatter, r.table().sample(), targetTable.vectors(), r.chosenVectors(),
        title); // the density filter's seeded pool sample: grey points without a second pass
    Map<String, Double> ioMillis = new LinkedHashMap<>();
    ioMillis.put("read", inputs.nanos() / 1e6);
    ioMillis.put("write", (System.nanoTime() - writeStart) / 1e6);
    r.run().timings(ioMillis, checkpointed.active());
    com.fasterxml.jackson.databind.node.ObjectNode json = org.gio.io.report.SelectionReport.toJson(
        r.selection(), config, backends(selector), StreamedSelection.describe(pool, r, targetTable,
        initTable), ioMillis);
    method.describe(json, quality.faithful, config.budget());
    outputs.report(report, json);
    checkpointed.finished();
    return ExitCodes.OK;
  }

  private static Map<String, String> backends(GioSelector selector) {
    Map<String, String> backends = new LinkedHashMap<>();
    backends.put("compute", selector.ops().name());
    backends.put("index", selector.indexFactory().name());
    backends.put("table", selector.tableBuilder().name());
    backends.put("kernels", selector.ops().description());
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
