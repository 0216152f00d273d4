package org.gio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gio.core.GioInputException;
import org.gio.core.backend.Backends;
import org.gio.core.quantize.KMeans;
import org.gio.core.quantize.KMeansInit;
import org.gio.core.quantize.KMeansResult;
import org.gio.core.quantize.Quantization;
import org.gio.core.quantize.StreamingQuantizer;
import org.gio.core.vectors.VectorOps;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpySource;
import org.gio.io.quantize.QuantizationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gio quantize}: K-means centroids and the assignment of every pool row, saved once. */
@Command(
    name = "quantize",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cluster a pool into K K-means centroids and save the centroids and the assignment of every",
      "row, for 'gio select --quantization DIR' (ALGORITHM.md §5)."
    },
    footer = {
      "",
      "Examples:",
      "  gio quantize --pool pool.npy --clusters 1500 --out q/",
      "  gio quantize --pool big.npy --clusters 1500 --sample 200000 --init 'k-means||' --out q/",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class QuantizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pool", required = true, paramLabel = "FILE", description = "Pool to cluster (.npy, rows × dimensions).")
  Path pool;

  @Option(names = "--clusters", required = true, paramLabel = "K", description = "Number of centroids.")
  int clusters;

  @Option(names = "--max-iter", paramLabel = "N", description = "Lloyd iterations at most (default: ${DEFAULT-VALUE}).")
  int maxIter = 300;

  @Option(names = "--tol", paramLabel = "T", description = "Stop when the centroids' summed squared movement is at most T × the mean column variance (default: ${DEFAULT-VALUE}).")
  double tol = 1e-4;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for initialisation and sampling (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Option(names = "--init", paramLabel = "METHOD", converter = InitConverter.class, description = "k-means++ or k-means|| (default: ${DEFAULT-VALUE}).")
  KMeansInit init = KMeansInit.KMEANS_PLUS_PLUS;

  @Option(names = "--sample", paramLabel = "N", description = "Fit on N seeded sample rows, then assign the whole pool streamed from disk (for pools larger than memory).")
  Integer sample;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors; results do not depend on it).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend (default: the best available; see 'gio backends').")
  String backend;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (centroids.npy, assignment.npy, quantization.json).")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (out.toAbsolutePath().normalize().equals(pool.toAbsolutePath().normalize())) {
      throw new GioInputException(out + ": is also the pool; choose another output folder");
    }
    VectorOps ops = ops();
    PrintWriter err = spec.commandLine().getErr();
    KMeans kmeans =
        KMeans.builder(clusters).maxIter(maxIter).tol(tol).seed(seed).init(init).threads(threads)
            .ops(ops)
            .listener((it, inertia, moved, nanos) -> {
              if (!quiet && (nanos > 1_000_000_000L || (it + 1) % 10 == 0)) {
                err.printf("gio: k-means iteration %d: inertia %.6g, %d rows moved, %.2f s%n",
                    it + 1, inertia, moved, nanos / 1e9);
                err.flush();
              }
            })
            .build();
    long start = System.nanoTime();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("pool", pool.toString());
    info.put("init", init.label());
    info.put("seed", seed);
    info.put("maxIter", maxIter);
    info.put("tol", tol);
    Quantization q;
    if (sample != null) {
      try (NpySource source = NpySource.open(pool)) {
        q = new StreamingQuantizer(kmeans, sample, threads).quantize(source);
      }
      info.put("sample", sample);
    } else {
      KMeansResult r = kmeans.fit(NpyReader.read(pool));
      q = r.quantization();
      info.put("iterations", r.iterations());
      info.put("converged", r.converged());
      info.put("inertia", r.finalInertia());
      info.put("inertiaTrace", r.inertia());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    info.put("seconds", seconds);
    QuantizationStore.save(out, q, info);
    if (!quiet) {
      int[] sizes = q.sizes();
      err.printf("gio: %d rows -> %d centroids (cluster sizes %d..%d) in %.2f s; wrote %s%n",
          q.poolRows(), q.clusters(), Arrays.stream(sizes).min().orElse(0),
          Arrays.stream(sizes).max().orElse(0), seconds, out);
      err.flush();
    }
    return ExitCodes.OK;
  }

  private VectorOps ops() {
    try {
      return Backends.injector(backend, null).getInstance(VectorOps.class);
    } catch (GioInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
    }
  }

  static final class InitConverter implements ITypeConverter<KMeansInit> {
    @Override
    public KMeansInit convert(String value) {
      return Converters.parse(value, KMeansInit::parse);
    }
  }
}
