package org.gio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gio.io.Embeddings;
import org.gio.io.FileInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gio info}: what an embeddings file holds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print rows, dimension, element type and NaN/Inf counts of embeddings files.",
    footer = {
      "",
      "Examples:",
      "  gio info pool.npy",
      "  gio info --column embedding docs.parquet",
      "  gio info /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to describe.")
  List<Path> files;

  @Mixin InputOptions inputOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean first = true;
    for (Path file : files) {
      FileInfo info = Embeddings.info(file, inputOptions.toReadOptions());
      if (!first) {
        out.println();
      }
      first = false;
      out.printf("file:      %s%n", info.file());
      out.printf("format:    %s%n", info.format().id());
      out.printf("rows:      %d%n", info.rows());
      out.printf("dimension: %d%n", info.dim());
      out.printf("dtype:     %s%n", info.dtype());
      out.printf("nan:       %d%n", info.nan());
      out.printf("inf:       %d%n", info.infinite());
      out.flush();
    }
    return ExitCodes.OK;
  }
}
