package org.gio.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.gio.core.GioInputException;
import org.gio.core.select.GioConfig;
import org.gio.core.select.Selection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code --method} (which selector runs) and {@code --budget} (how many rows it returns): one flag,
 * one meaning for every method. A picocli mixin of {@code gio select}.
 */
final class MethodOptions {
  static final String GIO = "gio";
  static final String DSIR = "dsir";
  static final String RETRIEVAL = "retrieval";

  /** Flags that choose GIO's size; --budget replaces them. */
  private static final List<String> SIZE_FLAGS =
      List.of("--stop", "--max-iter", "--patience", "--max-data-size");

  @Option(names = "--method", paramLabel = "NAME", description = {
      "gio (default: GIO, the distribution match), dsir (hashed n-gram importance resampling,"
          + " text only, needs --budget) or retrieval (each target row's nearest pool rows, round"
          + " robin, needs --budget)."})
  String method = GIO;

  @Option(names = "--budget", paramLabel = "N|P%", description = {
      "Select exactly N rows, or P%% of the pool's rows (rounded down, at least 1): GIO then runs"
          + " without early stop (with or without --faithful). Fewer rows only when the default"
          + " runs out of candidates (stop pool_exhausted or table_exhausted, with a notice)."
          + " Not with --quantize."})
  String budget;

  private String kind;
  private int count; // N, or 0 for a percentage
  private double percent;

  /** Fails with a usage error on flags that do not fit together, before any file is read. */
  void validate(CommandSpec spec, boolean text, boolean faithful, boolean quantized,
      boolean plot, boolean init, boolean outRows) {
    ParseResult parsed = spec.commandLine().getParseResult();
    kind = method.toLowerCase(Locale.ROOT);
    if (!List.of(GIO, DSIR, RETRIEVAL).contains(kind)) {
      throw usage(spec, "--method must be gio, dsir or retrieval, was '" + method + "'");
    }
    if (budget != null) {
      parseBudget(spec);
      for (String flag : SIZE_FLAGS) {
        if (parsed.hasMatchedOption(flag)) {
          throw usage(spec, "--budget fixes the number of rows; drop " + flag);
        }
      }
      if (quantized) {
        throw usage(spec, "--budget cannot be met with quantization (whole clusters are taken);"
            + " drop --quantize/--quantization or --budget");
      }
    }
    if (kind.equals(GIO)) {
      return;
    }
    if (budget == null) {
      throw usage(spec, "--method " + kind + " needs --budget N or P% (it does not choose a size)");
    }
    if (kind.equals(DSIR) && !text) {
      throw usage(spec, "--method dsir works on text: give --pool-text and --target-text (vector"
          + " pools: --method gio or retrieval)");
    }
    if (faithful || init || plot) {
      throw usage(spec, (faithful ? "--faithful" : init ? "--init" : "--plot")
          + " belongs to GIO; drop it or use --method gio");
    }
    if (kind.equals(DSIR) && outRows) {
      throw usage(spec, "--method dsir selects text lines: write them with --out-lines, not --out-rows");
    }
    if (kind.equals(DSIR)) {
      for (String flag : List.of("--embedder", "--model", "--dim", "--char-trigrams")) {
        if (parsed.hasMatchedOption(flag)) {
          throw usage(spec, "--method dsir uses its own hashed n-grams; drop " + flag);
        }
      }
    }
  }

  private void parseBudget(CommandSpec spec) {
    String b = budget.trim();
    try {
      if (b.endsWith("%")) {
        percent = Double.parseDouble(b.substring(0, b.length() - 1).trim());
        if (percent > 0 && percent <= 100) {
          return;
        }
      } else {
        count = Integer.parseInt(b);
        if (count >= 1) {
          return;
        }
      }
    } catch (NumberFormatException e) {
      // the message below
    }
    throw usage(spec, "--budget must be a row count ≥ 1 or a share of the pool in (0, 100]%"
        + " such as 5%, was '" + budget + "'");
  }

  boolean dsir() {
    return DSIR.equals(kind);
  }

  boolean retrieval() {
    return RETRIEVAL.equals(kind);
  }

  boolean hasBudget() {
    return budget != null;
  }

  /**
   * The budget in rows for a pool of {@code poolRows}: N, or ⌊P/100 · rows⌋ but at least 1. More
   * rows than the pool has is bad input.
   */
  int rows(long poolRows, String pool) {
    long n = count > 0 ? count : Math.max(1, (long) Math.floor(percent / 100.0 * poolRows));
    if (n > poolRows) {
      throw new GioInputException(pool + ": --budget " + budget + " is more than the pool's "
          + poolRows + " rows; give at most " + poolRows + " or a percentage such as 10%");
    }
    return (int) n;
  }

  /** The same for a streamed pool (.npy, vecs), its row count read from the header or the length. */
  GioConfig apply(GioConfig config, java.nio.file.Path pool, org.gio.io.ReadOptions options) {
    if (budget == null) {
      return config;
    }
    try (org.gio.core.vectors.VectorSource source = org.gio.io.Embeddings.source(pool, options)) {
      return apply(config, source.rows(), pool.toString());
    }
  }

  /** {@code config} with the budget applied (GioConfig.budget), or as it is without one. */
  GioConfig apply(GioConfig config, long poolRows, String pool) {
    return budget == null ? config : config.toBuilder().budget(rows(poolRows, pool)).build();
  }

  /** One line on stderr when the budget was not reached (shown even with --quiet). */
  static void noticeShortfall(PrintWriter err, GioConfig config, Selection s) {
    if (config.budget() > 0 && s.size() < config.budget()) {
      String why = s.stopReason().equals(Selection.POOL_EXHAUSTED)
          ? "the density filter dropped the other pool rows; --density-weight 0 keeps every row a"
              + " candidate"
          : "every row of the neighbour table (each target row's 4 × --candidates nearest pool"
              + " rows) was taken or dropped; raise --candidates, add --density-weight 0, or use"
              + " --faithful";
      err.printf("gio: --budget %d not reached: %d rows (stop: %s: %s)%n",
          config.budget(), s.size(), s.stopReason(), why);
      err.flush();
    }
  }

  /** The report's {@code method}, {@code mode} and {@code budget} fields. */
  void describe(ObjectNode report, boolean faithful, int rows) {
    report.put("method", kind);
    if (kind.equals(GIO)) {
      report.put("mode", faithful ? "faithful" : "default");
    }
    if (budget == null) {
      report.putNull("budget");
    } else {
      ObjectNode b = report.putObject("budget");
      b.put("asked", budget.trim());
      b.put("rows", rows);
      b.put("reached", report.path("selectedCount").asInt() >= rows);
    }
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
