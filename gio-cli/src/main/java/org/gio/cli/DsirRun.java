package org.gio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.io.text.TextSource;
import org.gio.io.text.dsir.Dsir;

/** {@code gio select --method dsir}: DSIR on the pool and target text, then the usual outputs. */
final class DsirRun {
  private DsirRun() {}

  static int run(MethodOptions method, TextInputOptions text, long seed, Path out, Path report,
      PrintWriter err, boolean quiet) throws IOException {
    TextSource pool = text.embedder.source(text.poolText);
    TextSource target = text.embedder.source(text.targetText);
    long poolDocs = pool.forEach(r -> {});
    if (poolDocs == 0) {
      throw new GioInputException(text.poolText + ": no documents; give a pool with at least one line");
    }
    int budget = method.rows(poolDocs, text.poolText.toString());
    Dsir dsir = Dsir.withSeed(seed);
    Dsir.Result result = dsir.select(pool, target, budget);
    int[] rows = result.selected();
    if (!quiet) {
      err.printf("gio: dsir selected %d of %d documents (%d hashed uni+bigram buckets, seed %d)"
          + " in %.2f s%n", rows.length, poolDocs, dsir.buckets(), seed, result.millis() / 1e3);
      err.flush();
    }
    SelectionOutputs outputs = new SelectionOutputs();
    outputs.indices(out, rows);
    outputs.lines(text, rows);
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("stopReason", "budget");
    json.put("selectedCount", rows.length);
    ArrayNode selected = json.putArray("selected");
    for (int r : rows) {
      selected.add(r);
    }
    method.describe(json, false, budget);
    ObjectNode d = json.putObject("dsir");
    d.put("buckets", dsir.buckets());
    d.put("features", "lower-cased words (\\w+|[^\\w\\s]+), unigrams and bigrams, MurmurHash3-32");
    d.put("smoothing", "add-one");
    d.put("seed", seed);
    ObjectNode inputs = json.putObject("inputs");
    inputs.put("pool", text.poolText.toString());
    inputs.put("poolRows", poolDocs);
    inputs.put("poolFormat", "text");
    inputs.put("target", text.targetText.toString());
    inputs.put("targetFormat", "text");
    json.putObject("timingsMillis").put("total", result.millis());
    outputs.report(report, json);
    return ExitCodes.OK;
  }
}
