package org.gio.io.quantize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.gio.core.GioInputException;
import org.gio.core.quantize.Quantization;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyInts;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpyWriter;

/**
 * A {@link Quantization} saved as a folder, so a long K-means is paid once:
 *
 * <ul>
 *   <li>{@code centroids.npy} — K × d float32
 *   <li>{@code assignment.npy} — one int32 centroid index per pool row
 *   <li>{@code quantization.json} — format, shape, cluster sizes and how it was made
 * </ul>
 *
 * The folder is written complete under a temporary name beside the target and then renamed into
 * place, so a reader never sees a half-written quantization.
 */
public final class QuantizationStore {
  static final String CENTROIDS = "centroids.npy";
  static final String ASSIGNMENT = "assignment.npy";
  static final String METADATA = "quantization.json";
  static final String FORMAT = "gio-quantization";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private QuantizationStore() {}

  /**
   * Saves {@code q} into folder {@code dir} (created; an earlier quantization there is replaced).
   *
   * @param info extra metadata (pool path, K-means options, inertia…), stored under "fit"
   */
  public static void save(Path dir, Quantization q, Map<String, Object> info) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new GioInputException(dir + ": folder " + parent + " does not exist; create it first");
    }
    if (Files.exists(target) && !isReplaceable(target)) {
      throw new GioInputException(dir + ": exists and is not a quantization folder; "
          + "choose a new or empty folder");
    }
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    try {
      NpyWriter.write(temp.resolve(CENTROIDS), q.centroids());
      writeFile(temp.resolve(ASSIGNMENT), out -> NpyInts.write(out, q.assignment()));
      ObjectNode meta = JSON.createObjectNode();
      meta.put("format", FORMAT);
      meta.put("version", 1);
      meta.put("clusters", q.clusters());
      meta.put("dimension", q.centroids().dim());
      meta.put("poolRows", q.poolRows());
      meta.set("sizes", JSON.valueToTree(q.sizes()));
      meta.set("fit", JSON.valueToTree(info == null ? Map.of() : info));
      writeFile(temp.resolve(METADATA), out -> JSON.writeValue(out, meta));
      Path old = null;
      if (Files.exists(target)) {
        old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old.");
        Files.delete(old);
        Files.move(target, old);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
      if (old != null) {
        deleteTree(old);
      }
    } finally {
      if (Files.exists(temp)) {
        deleteTree(temp);
      }
    }
  }

  /** Loads a folder written by {@link #save}, checking that its parts agree. */
  public static Quantization load(Path dir) {
    Path meta = dir.resolve(METADATA);
    if (!Files.isRegularFile(meta)) {
      throw new GioInputException(dir + ": not a quantization folder (no " + METADATA
          + "); make one with 'gio quantize'");
    }
    try {
      JsonNode m = JSON.readTree(meta.toFile());
      if (!FORMAT.equals(m.path("format").asText())) {
        throw new GioInputException(meta + ": not a " + FORMAT + " file");
      }
      VectorSet centroids = NpyReader.read(dir.resolve(CENTROIDS));
      int[] assignment = NpyInts.read(dir.resolve(ASSIGNMENT));
      if (centroids.size() != m.path("clusters").asInt()
          || assignment.length != m.path("poolRows").asInt()) {
        throw new GioInputException(dir + ": files disagree with " + METADATA + " ("
            + centroids.size() + " centroids, " + assignment.length + " assigned rows)");
      }
      return Quantization.of(centroids, assignment);
    } catch (IOException e) {
      throw new GioInputException(dir + ": cannot be read: " + e.getMessage(), e);
    } catch (GioInputException e) {
      throw e.getMessage().startsWith(dir.toString()) ? e
          : new GioInputException(dir + ": " + e.getMessage(), e);
    }
  }

  /** The stored metadata (for reports). */
  public static JsonNode metadata(Path dir) throws IOException {
    return JSON.readTree(dir.resolve(METADATA).toFile());
  }

  private static boolean isReplaceable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.isRegularFile(dir.resolve(METADATA))) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static void writeFile(Path file, Body body) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      body.write(out);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
