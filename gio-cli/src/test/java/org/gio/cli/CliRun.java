package org.gio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code gio} in-process, capturing stdout, stderr and the exit status. */
record CliRun(int exit, String out, String err) {
  static CliRun of(Object... args) {
    String[] a = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = String.valueOf(args[i]);
    }
    CommandLine cl = Gio.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(a);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** The first line gio wrote itself (skipping a --verbose backends line). */
  String errorLine() {
    for (String line : err.split("\n")) {
      if (line.startsWith("gio: ") && !line.startsWith("gio: GIO backends")) {
        return line;
      }
    }
    return "";
  }
}
