package org.gio.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and Workers as separate JVMs started from
 * Spark's jars on the Maven class path (SPARK.md), with a SPARK_HOME whose jars/ links those jars,
 * since Workers launch executors from it. Every wait is bounded; every process is stopped by its
 * own pid.
 */
final class StandaloneCluster implements AutoCloseable {
  static final long START_SECONDS = 90;

  final Path home;
  final String classpath;
  final List<String> opens;
  final int port;
  final Process master;
  final List<Process> workers = new ArrayList<>();

  StandaloneCluster(Path dir, int workerCount) throws IOException, InterruptedException {
    this.home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    this.classpath = Files.readString(Path.of(System.getProperty("gio.spark.classpath"))).trim();
    for (String jar : classpath.split(java.io.File.pathSeparator)) {
      Path p = Path.of(jar);
      Files.createSymbolicLink(home.resolve("jars").resolve(p.getFileName()), p);
    }
    this.opens = List.of(System.getProperty("gio.spark.opens").trim().split("\\s+"));
    this.port = freePort();
    // a lowered worker timeout (default 60 s) so a killed Worker is dropped quickly; not lower,
    // since on a loaded 2-core machine live Workers miss heartbeats
    this.master = start(dir.resolve("master.log"), List.of("-Dspark.worker.timeout=20"),
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--webui-port", Integer.toString(freePort()));
    try {
      awaitLog(dir.resolve("master.log"), "I have been elected leader", master);
      for (int w = 0; w < workerCount; w++) {
        Path log = dir.resolve("worker-" + w + ".log");
        Path work = Files.createDirectories(dir.resolve("work-" + w));
        workers.add(start(log, List.of(), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
            "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
            "--work-dir", work.toString(), url()));
      }
      for (int w = 0; w < workerCount; w++) {
        awaitLog(dir.resolve("worker-" + w + ".log"), "Successfully registered with master", workers.get(w));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  String url() {
    return "spark://127.0.0.1:" + port;
  }

  private Process start(Path log, List<String> props, String main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(opens);
    command.add("-Xmx512m");
    command.addAll(props);
    command.add("-cp");
    command.add(classpath);
    command.add(main);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private static void awaitLog(Path log, String line, Process process) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("process " + process.pid() + " exited; its log:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no '" + line + "' within " + START_SECONDS + " s in " + log + ":\n" + Files.readString(log));
  }

  /** SIGKILLs worker {@code w} and every process it started (its executors), captured first. */
  List<Long> kill(int w) {
    Process worker = workers.get(w);
    List<ProcessHandle> family = new ArrayList<>(worker.toHandle().descendants().toList());
    family.add(worker.toHandle());
    List<Long> pids = new ArrayList<>();
    for (ProcessHandle p : family) {
      pids.add(p.pid());
      p.destroyForcibly();
    }
    return pids;
  }

  @Override
  public void close() {
    List<Process> all = new ArrayList<>(workers);
    all.add(master);
    for (Process p : all) {
      List<ProcessHandle> family = new ArrayList<>(p.toHandle().descendants().toList());
      family.add(p.toHandle());
      for (ProcessHandle h : family) {
        h.destroy();
      }
      for (ProcessHandle h : family) {
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      }
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
