package org.gio.io.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;
import org.gio.io.EmbeddingFormat;
import org.gio.io.EmbeddingTable;
import org.gio.io.ReadOptions;
import org.gio.io.internal.Floats;
import org.gio.io.internal.Shown;
import org.gio.io.internal.SourceFiles;

/**
 * Reads JSON Lines: one object per line with the vector in a field ({@code --field}, default
 * {@code embedding}, else the only field holding an array of numbers), or one bare array per line.
 * The other fields pass through: chosen rows are written back as the original lines, untouched.
 */
public final class JsonlReader {
  /** The field tried first when none is named. */
  public static final String DEFAULT_FIELD = "embedding";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ReadOptions options;
  private String field;

  private JsonlReader(Path file, ReadOptions options) {
    this.file = file;
    this.options = options;
    this.field = options.field();
  }

  public static EmbeddingTable read(Path file, ReadOptions options) {
    return new JsonlReader(file, options).read();
  }

  @FunctionalInterface
  private interface LineVisitor {
    void accept(String line, int row, long lineNumber);
  }

  private int lines(LineVisitor visitor) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        SourceFiles.open(file, options.progress()), StandardCharsets.UTF_8), 1 << 16)) {
      int row = 0;
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (!line.isBlank()) {
          visitor.accept(line, row++, number);
        }
      }
      return row;
    } catch (IOException e) {
      throw SourceFiles.cannotRead(file, e);
    }
  }

  private EmbeddingTable read() {
    Floats.Buffer values = new Floats.Buffer();
    int[] dim = {-1};
    int rows = lines((line, row, number) -> {
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw fail(number, "not valid JSON (" + e.getOriginalMessage() + "); each line must be "
            + "one JSON object");
      }
      JsonNode vector = vectorOf(node, number);
      if (dim[0] < 0) {
        dim[0] = vector.size();
        if (dim[0] == 0) {
          throw fail(number, "the vector is empty; embeddings need at least one dimension");
        }
      } else if (vector.size() != dim[0]) {
        throw fail(number, "the vector has " + vector.size() + " values but the first has "
            + dim[0] + "; every row needs the same number of values (ragged rows)");
      }
      for (int c = 0; c < vector.size(); c++) {
        JsonNode v = vector.get(c);
        if (v.isNumber()) {
          values.add(v.floatValue());
        } else if (v.isTextual() && Floats.isNumber(v.asText())) {
          values.add(Floats.parse(v.asText())); // "NaN", "Infinity" as Python's json writes them
        } else {
          throw fail(number, "value " + c + " of the vector is " + v + ", not a number");
        }
      }
    });
    if (rows == 0) {
      throw new GioInputException(file + ": no JSON lines; the file holds no embeddings");
    }
    return new EmbeddingTable(file, EmbeddingFormat.JSONL, "json numbers",
        VectorSet.wrap(values.toArray(), rows, dim[0]), this::writeRows);
  }

  private JsonNode vectorOf(JsonNode node, long number) {
    if (node.isArray()) {
      return node;
    }
    if (!node.isObject()) {
      throw fail(number, "expected a JSON object or array, got " + node.getNodeType());
    }
    if (field == null) {
      field = detectField(node, number);
    }
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw fail(number, "no field '" + Shown.text(field, 40) + "'; every line needs it (choose "
          + "another with --field)");
    }
    if (!v.isArray()) {
      throw fail(number, "field '" + Shown.text(field, 40) + "' is " + v.getNodeType()
          + ", not an array of numbers");
    }
    return v;
  }

  private String detectField(JsonNode object, long number) {
    if (object.has(DEFAULT_FIELD)) {
      return DEFAULT_FIELD;
    }
    List<String> arrays = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isNumber()) {
        arrays.add(e.getKey());
      }
    }
    if (arrays.size() == 1) {
      return arrays.get(0);
    }
    throw fail(number, arrays.isEmpty()
        ? "no field holds an array of numbers; name the vector field with --field"
        : "several fields hold number arrays " + Shown.text(arrays.toString(), 200)
            + "; choose one with --field");
  }

  /** Writes the chosen original lines, in the given order. */
  private void writeRows(Path out, int[] rows) throws IOException {
    Set<Integer> wanted = new HashSet<>();
    for (int r : rows) {
      wanted.add(r);
    }
    Map<Integer, String> chosen = new HashMap<>();
    lines((line, row, number) -> {
      if (wanted.contains(row)) {
        chosen.put(row, line);
      }
    });
    AtomicFiles.write(out, stream -> {
      for (int r : rows) {
        String line = chosen.get(r);
        if (line == null) {
          throw new GioInputException(file + ": row " + r + " does not exist; was the file "
              + "changed during the run?");
        }
        stream.write(line.getBytes(StandardCharsets.UTF_8));
        stream.write('\n');
      }
    });
  }

  private GioInputException fail(long line, String problem) {
    return new GioInputException(file + ": line " + line + ": " + problem);
  }
}
