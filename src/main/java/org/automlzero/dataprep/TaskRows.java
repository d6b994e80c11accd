package org.automlzero.dataprep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.automlzero.core.task.ClassPair;

/**
 * Executor side of preparation: turns (pair, seed) work items into the rows of their tasks,
 * in storage order. Holds only the broadcast raw images and the recipe.
 */
final class TaskRows implements FlatMapFunction<Iterator<TaskRows.Item>, Row> {
  private static final long serialVersionUID = 1L;

  /** The row schema of data-prep/FORMAT.md, partition columns first. */
  static final StructType SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType, false)
      .add("positive_class", DataTypes.IntegerType, false)
      .add("negative_class", DataTypes.IntegerType, false)
      .add("seed", DataTypes.IntegerType, false)
      .add("split", DataTypes.StringType, false)
      .add("example", DataTypes.IntegerType, false)
      .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("label", DataTypes.FloatType, false);

  /** One task to prepare. */
  record Item(int positive, int negative, int seed) implements java.io.Serializable {}

  private final Broadcast<RawImages> raw;
  private final Recipe recipe;
  private final String dataset;
  private final LongAccumulator done;

  TaskRows(Broadcast<RawImages> raw, Recipe recipe, String dataset, LongAccumulator done) {
    this.raw = raw;
    this.recipe = recipe;
    this.dataset = dataset;
    this.done = done;
  }

  @Override
  public Iterator<Row> call(Iterator<Item> items) {
    List<Row> rows = new ArrayList<>();
    while (items.hasNext()) {
      Item item = items.next();
      PreparedTask task = TaskMaker.make(raw.value(), new ClassPair(item.positive(), item.negative()), item.seed(),
          recipe);
      int f = task.features();
      for (Split split : Split.STORAGE_ORDER) {
        float[] x = task.features(split);
        float[] y = task.labels(split);
        for (int i = 0; i < y.length; i++) {
          float[] row = new float[f];
          System.arraycopy(x, i * f, row, 0, f);
          rows.add(RowFactory.create(dataset, item.positive(), item.negative(), item.seed(), split.id(), i, row,
              y[i]));
        }
      }
      done.add(1);
    }
    return rows.iterator();
  }
}
