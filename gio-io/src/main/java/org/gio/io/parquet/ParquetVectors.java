package org.gio.io.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;
import org.gio.io.EmbeddingFormat;
import org.gio.io.EmbeddingTable;
import org.gio.io.ReadOptions;
import org.gio.io.internal.SourceFiles;

/**
 * Parquet through DuckDB's embedded engine (see gio-io/README.md for why DuckDB and not
 * parquet-java). Reads one vector column — {@code list<float>}, {@code list<double>}, a
 * fixed-size list, or a list of integers — streaming the result row group by row group; writes
 * vectors, and writes chosen rows back with every original column plus {@code gio_index}.
 */
public final class ParquetVectors {
  /** The column a written selection's pool index goes to. */
  public static final String INDEX_COLUMN = "gio_index";
  private static final List<String> PREFERRED =
      List.of("embedding", "embeddings", "vector", "vectors", "emb");

  private ParquetVectors() {}

  public static EmbeddingTable read(Path file, ReadOptions options) {
    SourceFiles.checkReadable(file);
    try (Connection db = open(); Statement st = db.createStatement()) {
      String source = "read_parquet(" + literal(file) + ")";
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source)) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString("column_name"), rs.getString("column_type")});
        }
      }
      String[] column = chooseColumn(file, columns, options.column());
      long total;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + source)) {
        rs.next();
        total = rs.getLong(1);
      }
      if (total == 0) {
        throw new GioInputException(file + ": no rows; the file holds no embeddings");
      }
      if (total > Integer.MAX_VALUE) {
        throw new GioInputException(file + ": " + total + " rows do not fit one array; split it");
      }
      float[] data = null;
      int dim = -1;
      int row = 0;
      try (ResultSet rs = st.executeQuery("SELECT CAST(" + identifier(column[0])
          + " AS DOUBLE[]) FROM " + source)) {
        while (rs.next()) {
          Array array = rs.getArray(1);
          if (array == null) {
            throw fail(file, row, "column '" + column[0] + "' is null; every row needs a vector");
          }
          Object[] values = (Object[]) array.getArray();
          if (dim < 0) {
            dim = values.length;
            if (dim == 0) {
              throw fail(file, row, "the vector is empty; embeddings need at least one dimension");
            }
            if (total * dim > Integer.MAX_VALUE - 8) {
              throw new GioInputException(file + ": " + total + " × " + dim
                  + " values do not fit one array; quantize or split the pool");
            }
            data = new float[(int) total * dim];
          } else if (values.length != dim) {
            throw fail(file, row, "the vector has " + values.length + " values but row 0 has "
                + dim + "; every row needs the same number of values (ragged rows)");
          }
          for (int c = 0; c < dim; c++) {
            if (values[c] == null) {
              throw fail(file, row, "value " + c + " of the vector is null");
            }
            data[row * dim + c] = ((Number) values[c]).floatValue();
          }
          row++;
          if ((row & 0xfff) == 0) {
            options.progress().update(row, total);
          }
        }
      }
      options.progress().update(row, total);
      return new EmbeddingTable(file, EmbeddingFormat.PARQUET, column[1] + " (column '"
          + column[0] + "')", VectorSet.wrap(data, row, dim),
          (out, rows) -> writeRows(file, out, rows));
    } catch (SQLException e) {
      throw failSql(file, e);
    }
  }

  private static String[] chooseColumn(Path file, List<String[]> columns, String wanted) {
    if (wanted != null) {
      String[] found = null;
      if (wanted.trim().matches("\\d+")) {
        int c = Integer.parseInt(wanted.trim());
        if (c < columns.size()) {
          found = columns.get(c);
        }
      } else {
        for (String[] col : columns) {
          if (col[0].equals(wanted)) {
            found = col;
          }
        }
      }
      if (found == null) {
        throw new GioInputException(file + ": no column '" + wanted + "'; the columns are "
            + names(columns));
      }
      if (!isVectorType(found[1])) {
        throw new GioInputException(file + ": column '" + found[0] + "' has type " + found[1]
            + ", not a list of numbers; choose a list<float> or list<double> column");
      }
      return found;
    }
    List<String[]> vectors = new ArrayList<>();
    for (String[] col : columns) {
      if (isVectorType(col[1])) {
        vectors.add(col);
      }
    }
    if (vectors.size() == 1) {
      return vectors.get(0);
    }
    for (String name : PREFERRED) {
      for (String[] col : vectors) {
        if (col[0].equalsIgnoreCase(name)) {
          return col;
        }
      }
    }
    throw new GioInputException(file + ": " + (vectors.isEmpty()
        ? "no column is a list of numbers (columns: " + names(columns) + "); embeddings must "
            + "be a list<float>, list<double> or fixed-size-list column"
        : "several list columns " + names(vectors) + "; choose one with --column"));
  }

  private static String names(List<String[]> columns) {
    List<String> out = new ArrayList<>();
    for (String[] c : columns) {
      out.add(c[0] + " " + c[1]);
    }
    return out.toString();
  }

  /** FLOAT[], DOUBLE[], FLOAT[768] (fixed size), INTEGER[], DECIMAL(9,3)[], ... */
  static boolean isVectorType(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.matches("(FLOAT|DOUBLE|REAL|HALF|DECIMAL\\(\\d+,\\d+\\)|U?TINYINT|U?SMALLINT"
        + "|U?INTEGER|U?BIGINT)\\[\\d*\\]");
  }

  /** Writes vectors as one {@code embedding} column of {@code list<float>}. */
  public static void write(Path file, VectorSet vectors) throws IOException {
    AtomicFiles.writePath(file, temp -> {
      try (Connection db = open(); Statement st = db.createStatement()) {
        // The appender takes float[] rows into a fixed-size ARRAY column (not into LIST).
        st.execute("CREATE TABLE v (i INTEGER, embedding FLOAT[" + vectors.dim() + "])");
        try (DuckDBAppender app = ((DuckDBConnection) db).createAppender(
            DuckDBConnection.DEFAULT_SCHEMA, "v")) {
          for (int r = 0; r < vectors.size(); r++) {
            app.beginRow();
            app.append(r);
            app.append(vectors.row(r));
            app.endRow();
          }
        }
        st.execute("COPY (SELECT CAST(embedding AS FLOAT[]) AS embedding FROM v ORDER BY i) TO "
            + literal(temp) + " (FORMAT parquet)");
      } catch (SQLException e) {
        throw new IOException(file + ": cannot write Parquet: " + firstLine(e), e);
      }
    });
  }

  /** Copies rows {@code rows} of {@code source}, in order, with {@value #INDEX_COLUMN} first. */
  static void writeRows(Path source, Path out, int[] rows) throws IOException {
    AtomicFiles.writePath(out, temp -> {
      try (Connection db = open(); Statement st = db.createStatement()) {
        st.execute("CREATE TABLE sel (gio_order INTEGER, " + INDEX_COLUMN + " BIGINT)");
        try (DuckDBAppender app = ((DuckDBConnection) db).createAppender(
            DuckDBConnection.DEFAULT_SCHEMA, "sel")) {
          for (int i = 0; i < rows.length; i++) {
            app.beginRow();
            app.append(i);
            app.append((long) rows[i]);
            app.endRow();
          }
        }
        // file_row_number is the row's position in the file, independent of scan parallelism.
        st.execute("COPY (SELECT s." + INDEX_COLUMN + ", t.* EXCLUDE (file_row_number) FROM "
            + "read_parquet(" + literal(source) + ", file_row_number = true) t JOIN sel s "
            + "ON t.file_row_number = s." + INDEX_COLUMN + " ORDER BY s.gio_order) TO "
            + literal(temp) + " (FORMAT parquet)");
      } catch (SQLException e) {
        throw new IOException(out + ": cannot write Parquet: " + firstLine(e), e);
      }
    });
  }

  private static Connection open() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new GioInputException("Parquet support needs org.duckdb:duckdb_jdbc on the class path");
    }
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true"); // row groups stream; the heap holds one batch
    return DriverManager.getConnection("jdbc:duckdb:", p);
  }

  private static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static GioInputException fail(Path file, int row, String problem) {
    return new GioInputException(file + ": row " + row + ": " + problem);
  }

  private static GioInputException failSql(Path file, SQLException e) {
    return new GioInputException(file + ": not a readable Parquet file (" + firstLine(e)
        + "); check it was written completely", e);
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
