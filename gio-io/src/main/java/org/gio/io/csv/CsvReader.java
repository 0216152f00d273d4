package org.gio.io.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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
 * Reads embeddings from CSV or TSV in one of two layouts, told apart by the first data row:
 *
 * <ul>
 *   <li>one column holds the whole vector as bracketed text, {@code [0.1, 0.2, …]} — the
 *       reference implementation's {@code id⇥text⇥[v1, v2, …]} file without a header; the column
 *       is the one chosen with {@code column} (name or 0-based position), else the last bracketed
 *       one;
 *   <li>every column is a number (a plain numeric matrix), with or without a header.
 * </ul>
 *
 * A header is detected when the first line has no bracketed field and some field that is not a
 * number; {@link ReadOptions.Header} overrides that guess. Quoting follows RFC 4180, so text with
 * tabs, commas or quotes round-trips.
 */
public final class CsvReader {
  private final Path file;
  private final boolean tsv;
  private final ReadOptions options;

  private CsvReader(Path file, boolean tsv, ReadOptions options) {
    this.file = file;
    this.tsv = tsv;
    this.options = options;
  }

  /** Reads {@code file}; {@code tsv} selects the tab delimiter. */
  public static EmbeddingTable read(Path file, boolean tsv, ReadOptions options) {
    return new CsvReader(file, tsv, options).read();
  }

  static CSVFormat format(boolean tsv) {
    return CSVFormat.DEFAULT.builder().setDelimiter(tsv ? '\t' : ',').setIgnoreEmptyLines(true)
        .setRecordSeparator('\n').get();
  }

  /** Layout of one file, fixed by its first lines. */
  private static final class Layout {
    boolean header;
    List<String> names = List.of();
    int vectorColumn = -1; // -1: every column is a number
  }

  private EmbeddingTable read() {
    Layout layout = new Layout();
    Floats.Buffer values = new Floats.Buffer();
    int[] dim = {-1};
    int rows = parse(layout, (record, row, line) -> {
      int before = values.size();
      if (layout.vectorColumn >= 0) {
        if (layout.vectorColumn >= record.size()) {
          throw fail(line, "has " + record.size() + " fields, so no column " + layout.vectorColumn
              + "; every row needs the same fields");
        }
        parseVector(record.get(layout.vectorColumn), values, line, layout.vectorColumn);
      } else {
        for (int c = 0; c < record.size(); c++) {
          String text = record.get(c);
          try {
            values.add(Floats.parse(text));
          } catch (NumberFormatException e) {
            throw fail(line, "column " + c + ": '" + abbreviate(text) + "' is not a number; a "
                + "numeric CSV needs numbers only (or put the vector in one bracketed column and "
                + "pick it with --column)");
          }
        }
      }
      int d = values.size() - before;
      if (dim[0] < 0) {
        dim[0] = d;
        if (d == 0) {
          throw fail(line, "has an empty vector; embeddings need at least one dimension");
        }
      } else if (d != dim[0]) {
        throw fail(line, "has " + d + " values but the first row has " + dim[0]
            + "; every row needs the same number of values (ragged rows)");
      }
    });
    if (rows == 0) {
      throw new GioInputException(file + ": no data rows" + (layout.header ? " after the header" : "")
          + "; the file holds no embeddings");
    }
    String dtype = layout.vectorColumn >= 0 ? "text (bracketed vectors in column "
        + describeColumn(layout) + ")" : "text (numeric columns)";
    return new EmbeddingTable(file, tsv ? EmbeddingFormat.TSV : EmbeddingFormat.CSV, dtype,
        VectorSet.wrap(values.toArray(), rows, dim[0]), this::writeRows);
  }

  private static String describeColumn(Layout layout) {
    return layout.header && layout.vectorColumn < layout.names.size()
        ? "'" + abbreviate(layout.names.get(layout.vectorColumn)) + "'"
        : String.valueOf(layout.vectorColumn);
  }

  @FunctionalInterface
  private interface RecordVisitor {
    void accept(CSVRecord record, int row, long line);
  }

  /** Parses the file, fixing the layout on the first record, and visits each data row. */
  private int parse(Layout layout, RecordVisitor visitor) {
    try (Reader reader = new InputStreamReader(SourceFiles.open(file, options.progress()),
            StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format(tsv)).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new GioInputException(file + ": no rows (only blank lines); the file holds no "
            + "embeddings");
      }
      CSVRecord first = it.next();
      layout.header = hasHeader(first);
      if (layout.header) {
        layout.names = first.toList();
      }
      int row = 0;
      CSVRecord record = layout.header ? (it.hasNext() ? it.next() : null) : first;
      if (record != null) {
        layout.vectorColumn = vectorColumn(layout, record);
      }
      while (record != null) {
        visitor.accept(record, row++, parser.getCurrentLineNumber());
        record = it.hasNext() ? it.next() : null;
      }
      return row;
    } catch (UncheckedIOException e) {
      throw malformed(e.getCause());
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private GioInputException malformed(IOException e) {
    if (e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated")) {
      return new GioInputException(file + ": unterminated quoted field (" + e.getMessage()
          + "); close the quote or re-export the file");
    }
    return SourceFiles.cannotRead(file, e);
  }

  private boolean hasHeader(CSVRecord first) {
    switch (options.header()) {
      case YES:
        return true;
      case NO:
        return false;
      default:
        boolean nonNumeric = false;
        for (String f : first) {
          if (isBracketed(f)) {
            return false;
          }
          nonNumeric |= !Floats.isNumber(f);
        }
        return nonNumeric;
    }
  }

  private int vectorColumn(Layout layout, CSVRecord firstData) {
    String column = options.column();
    if (column != null) {
      if (column.trim().matches("\\d+")) {
        int c = Integer.parseInt(column.trim());
        if (c >= firstData.size()) {
          throw new GioInputException(file + ": --column " + c + " is out of range; rows have "
              + firstData.size() + " columns (0-based positions 0.." + (firstData.size() - 1) + ")");
        }
        return c;
      }
      int c = layout.names.indexOf(column);
      if (c < 0) {
        throw new GioInputException(file + ": no column named '" + abbreviate(column) + "'"
            + (layout.header ? "; the header has " + Shown.text(
                layout.names.toString(), 200)
                : "; the file has no header, so give the 0-based position instead"));
      }
      return c;
    }
    int found = -1;
    for (int c = 0; c < firstData.size(); c++) {
      if (isBracketed(firstData.get(c))) {
        found = c;
      }
    }
    return found;
  }

  private static boolean isBracketed(String field) {
    String t = field.trim();
    return t.startsWith("[") && t.endsWith("]");
  }

  /** Parses {@code [v1, v2, …]} (commas and/or spaces, as Python and numpy print lists). */
  private void parseVector(String text, Floats.Buffer out, long line, int column) {
    String t = text.trim();
    if (t.startsWith("[")) {
      if (!t.endsWith("]")) {
        throw fail(line, "column " + column + ": vector '" + abbreviate(t) + "' has no closing ]");
      }
      t = t.substring(1, t.length() - 1);
    }
    int i = 0;
    int n = t.length();
    while (i < n) {
      while (i < n && (t.charAt(i) == ',' || Character.isWhitespace(t.charAt(i)))) {
        i++;
      }
      int start = i;
      while (i < n && t.charAt(i) != ',' && !Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (start < i) {
        String v = t.substring(start, i);
        try {
          out.add(Floats.parse(v));
        } catch (NumberFormatException e) {
          throw fail(line, "column " + column + ": '" + abbreviate(v) + "' in the vector is not a "
              + "number");
        }
      }
    }
  }

  /** Copies the chosen records (header first, if any) to {@code out}, in the given order. */
  private void writeRows(Path out, int[] rows) throws IOException {
    Set<Integer> wanted = new HashSet<>();
    for (int r : rows) {
      wanted.add(r);
    }
    Map<Integer, List<String>> records = new HashMap<>();
    Layout layout = new Layout();
    parse(layout, (record, row, line) -> {
      if (wanted.contains(row)) {
        records.put(row, new ArrayList<>(record.toList()));
      }
    });
    AtomicFiles.write(out, stream -> {
      OutputStreamWriter w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(w, format(tsv));
      if (layout.header) {
        printer.printRecord(layout.names);
      }
      for (int r : rows) {
        List<String> record = records.get(r);
        if (record == null) {
          throw new GioInputException(file + ": row " + r + " does not exist (the file has "
              + records.size() + " chosen rows); was the file changed during the run?");
        }
        printer.printRecord(record);
      }
      printer.flush();
    });
  }

  private GioInputException fail(long line, String problem) {
    return new GioInputException(file + ": line " + line + ": " + problem);
  }

  private static String abbreviate(String s) {
    return Shown.text(s, 40);
  }
}
