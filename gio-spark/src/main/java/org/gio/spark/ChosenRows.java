package org.gio.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * The chosen pool rows with all their columns, in selection order: one pass keeps the rows whose
 * id is chosen (ids found as in the scan, so added ids need no join key), adds {@code gio_rank}
 * (0 for the first row chosen) and, for added ids, {@code gio_id}, and sorts by rank.
 */
final class ChosenRows {
  static final String RANK = "gio_rank";
  static final String ID = "gio_id";

  private ChosenRows() {}

  static Dataset<Row> of(SparkSession spark, PreparedRows rows, long[] chosen) {
    StructType schema = rows.source.schema();
    Column[] all = Arrays.stream(schema.fieldNames()).map(n -> rows.source.col(VectorColumn.quoted(n))).toArray(Column[]::new);
    List<Column> columns = new ArrayList<>();
    columns.add(VectorColumn.asFloats(rows.source, rows.column, rows.what));
    if (rows.addedIds()) {
      columns.add(functions.col(PreparedRows.FILE_PATH));
      columns.add(functions.col(PreparedRows.SPLIT_START));
    } else {
      columns.add(rows.source.col(VectorColumn.quoted(rows.idColumn)).cast(DataTypes.LongType));
    }
    columns.add(functions.struct(all));
    Dataset<Row> withRecord = rows.source.select(columns.toArray(Column[]::new));
    int recordAt = columns.size() - 1;
    StructType out = rows.addedIds() ? schema.add(ID, DataTypes.LongType, false) : schema;
    StructType ranked = out.add(RANK, DataTypes.IntegerType, false);
    long[] sorted = chosen.clone();
    Arrays.sort(sorted);
    int[] rank = new int[sorted.length];
    for (int i = 0; i < chosen.length; i++) {
      rank[Arrays.binarySearch(sorted, chosen[i])] = i;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<long[]> ids = jsc.broadcast(sorted);
    Broadcast<int[]> ranks = jsc.broadcast(rank);
    JavaRDD<Row> picked = withRecord.queryExecution().toRdd().toJavaRDD()
        .mapPartitions(new Pick(rows.reader, ids, ranks, schema, recordAt, rows.addedIds()));
    return spark.createDataFrame(picked, ranked).orderBy(RANK);
  }

  /** The task: rows whose id is chosen, as external rows with the added columns. */
  static final class Pick implements FlatMapFunction<Iterator<InternalRow>, Row> {
    private static final long serialVersionUID = 1L;
    private final PoolRows reader;
    private final Broadcast<long[]> ids;
    private final Broadcast<int[]> ranks;
    private final StructType schema;
    private final int recordAt;
    private final boolean addId;

    Pick(PoolRows reader, Broadcast<long[]> ids, Broadcast<int[]> ranks, StructType schema, int recordAt, boolean addId) {
      this.reader = reader;
      this.ids = ids;
      this.ranks = ranks;
      this.schema = schema;
      this.recordAt = recordAt;
      this.addId = addId;
    }

    @Override
    public Iterator<Row> call(Iterator<InternalRow> partition) {
      long[] wanted = ids.value();
      int[] rank = ranks.value();
      Function1<Object, Object> toRow = CatalystTypeConverters.createToScalaConverter(schema);
      List<Row> out = new ArrayList<>();
      InternalRow[] current = new InternalRow[1];
      Iterator<InternalRow> seen = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return partition.hasNext();
        }

        @Override
        public InternalRow next() {
          current[0] = partition.next();
          return current[0];
        }
      };
      reader.forEach(seen, (id, vector) -> {
        int at = Arrays.binarySearch(wanted, id);
        if (at < 0) {
          return;
        }
        Row record = (Row) toRow.apply(current[0].getStruct(recordAt, schema.size()));
        Object[] values = new Object[schema.size() + (addId ? 2 : 1)];
        for (int c = 0; c < schema.size(); c++) {
          values[c] = record.get(c);
        }
        if (addId) {
          values[schema.size()] = id;
        }
        values[values.length - 1] = rank[at];
        out.add(RowFactory.create(values));
      });
      return out.iterator();
    }
  }
}
