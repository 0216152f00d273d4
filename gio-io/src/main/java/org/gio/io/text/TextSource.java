package org.gio.io.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gio.core.GioInputException;
import org.gio.io.internal.Shown;

/**
 * A file of documents, read as a stream so it may be larger than memory, and readable any number
 * of times (TF-IDF needs two passes). Two layouts:
 *
 * <ul>
 *   <li>lines: one document per line; every line is a row, an empty line an empty document, so
 *       row {@code i} is line {@code i + 1};
 *   <li>JSONL: one JSON object per line, the document in a string field; blank lines are skipped,
 *       so rows count records.
 * </ul>
 *
 * Every read is strict UTF-8 and every failure names the file and line.
 */
public final class TextSource {
  /** The JSONL field read when none is named. */
  public static final String DEFAULT_FIELD = "text";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String field; // null for plain lines

  private TextSource(Path file, String field) {
    this.file = file;
    this.field = field;
  }

  /** One document per line. */
  public static TextSource lines(Path file) {
    return new TextSource(file, null);
  }

  /** One JSON object per line; the document is its string field {@code field}. */
  public static TextSource jsonl(Path file, String field) {
    if (field == null || field.isEmpty()) {
      throw new IllegalArgumentException("JSONL needs a field name");
    }
    return new TextSource(file, field);
  }

  /**
   * JSONL when a field is named or the name ends in .jsonl / .ndjson (reading field {@value
   * #DEFAULT_FIELD} then), plain lines otherwise.
   */
  public static TextSource of(Path file, String field) {
    if (field != null) {
      return jsonl(file, field);
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    name = name.toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson")
        ? jsonl(file, DEFAULT_FIELD)
        : lines(file);
  }

  public Path file() {
    return file;
  }

  public boolean isJsonl() {
    return field != null;
  }

  /** Receives the documents of one pass, in order. */
  @FunctionalInterface
  public interface Visitor {
    void visit(TextRecord record) throws IOException;
  }

  /**
   * Reads the whole file once, in order, and returns the number of documents. A file without
   * documents is bad input: there is nothing to select from or to match.
   */
  public long forEach(Visitor visitor) throws IOException {
    long row = 0;
    try (Utf8LineReader reader =
        new Utf8LineReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), file.toString())) {
      String raw;
      while ((raw = reader.next()) != null) {
        String text;
        if (field == null) {
          text = raw;
        } else {
          if (raw.isBlank()) {
            continue;
          }
          text = fieldOf(raw, reader.lineNumber());
        }
        visitor.visit(new TextRecord(row++, reader.lineNumber(), text, raw));
      }
    }
    if (row == 0) {
      throw new GioInputException(
          file + ": no documents (the file is empty); give a file with one document per line");
    }
    return row;
  }

  private String fieldOf(String raw, long line) {
    JsonNode node;
    try {
      node = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new GioInputException(
          file + ": line " + line + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new GioInputException(file + ": line " + line + ": expected a JSON object");
    }
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new GioInputException(
          file + ": line " + line + ": no field \"" + Shown.text(field, 40)
              + "\"; name the text field with --text-field");
    }
    if (!value.isTextual()) {
      throw new GioInputException(
          file + ": line " + line + ": field \"" + Shown.text(field, 40) + "\" is " + value.getNodeType()
              .toString().toLowerCase(Locale.ROOT) + ", expected a string");
    }
    return value.textValue();
  }

  @Override
  public String toString() {
    return field == null ? file.toString() : file + " (JSONL field " + field + ")";
  }
}
