package org.gio.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Shortlist;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --checkpoint FILE}, {@code --checkpoint-every SECONDS}, {@code --resume} of {@code gio select}. */
final class CheckpointOptions {
  @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save the run's state to FILE (atomically, with a checksum) every --checkpoint-every seconds and on SIGINT/SIGTERM, which then end the run with exit status 4; removed when the run succeeds. The default selection and --faithful.")
  Path file;

  @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "30", description = "Seconds between checkpoints (default: ${DEFAULT-VALUE}; fractions allowed).")
  double everySeconds;

  @Option(names = "--resume", description = "Continue from the --checkpoint FILE written by the same command (same inputs and options); the outputs are those of an uninterrupted run.")
  boolean resume;

  /** Usage errors before any work. */
  void validate(CommandSpec spec, boolean quantized, boolean otherMethod) {
    if (resume && file == null) {
      throw new ParameterException(spec.commandLine(), "--resume continues from a checkpoint; give its --checkpoint FILE");
    }
    if (!(everySeconds > 0) || Double.isInfinite(everySeconds)) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-every " + everySeconds
          + ": give a positive number of seconds");
    }
    if (file == null) {
      return;
    }
    if (otherMethod) {
      throw new ParameterException(spec.commandLine(), "--checkpoint saves a GIO selection (the default or "
          + "--faithful); drop --method dsir|retrieval, or run without --checkpoint");
    }
    if (quantized) {
      throw new ParameterException(spec.commandLine(), "--checkpoint does not save a quantized run; "
          + "drop --quantize/--quantization, or run without --checkpoint");
    }
  }

  /** The selection run with these options (a plain one without --checkpoint). */
  CheckpointedSelection selection(CommandSpec spec, GioSelector selector, GioConfig config) throws IOException {
    if (file == null) {
      return CheckpointedSelection.none();
    }
    CheckpointFile.Loop loop = config.shortlist() == Shortlist.GAIN
        ? CheckpointFile.Loop.DEFAULT : CheckpointFile.Loop.PUBLISHED;
    List<String> fingerprint = Fingerprint.of(spec.commandLine().getParseResult(), loop,
        loop == CheckpointFile.Loop.DEFAULT
            ? List.of("config=" + config.asMap(), "compute=" + selector.ops().name())
            : List.of("config=" + config.asMap(), "compute=" + selector.ops().name(),
                "index=" + selector.indexFactory().name()));
    return new CheckpointedSelection(file, everySeconds, resume, fingerprint);
  }
}
