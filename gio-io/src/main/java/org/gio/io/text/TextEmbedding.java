package org.gio.io.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/** Runs a {@link TextEmbedder} over a {@link TextSource}, in batches, in memory or to a .npy file. */
public final class TextEmbedding {
  /** Documents handed to the embedder at once: large enough to use every core. */
  static final int BATCH = 2048;

  /** Told how far an embedding run has got. */
  @FunctionalInterface
  public interface Progress {
    void update(long done, long total);

    Progress NONE = (done, total) -> {};
  }

  private TextEmbedding() {}

  /** Every document of {@code source} as one row, in file order. */
  public static VectorSet embed(TextEmbedder embedder, TextSource source) throws IOException {
    return embed(embedder, source, -1, Progress.NONE);
  }

  /**
   * The same, telling {@code progress} after each batch of {@value #BATCH} documents; {@code
   * total} is the number of documents if known, else -1 (then a counting pass runs first when
   * {@code progress} is not {@link Progress#NONE}).
   */
  public static VectorSet embed(TextEmbedder embedder, TextSource source, long total,
      Progress progress) throws IOException {
    long all = total >= 0 || progress == Progress.NONE ? total : source.forEach(r -> {});
    List<float[]> parts = new ArrayList<>();
    List<String> batch = new ArrayList<>(BATCH);
    long[] done = {0};
    long rows =
        source.forEach(
            r -> {
              batch.add(r.text());
              if (batch.size() == BATCH) {
                parts.add(embedder.embed(batch));
                done[0] += batch.size();
                progress.update(done[0], all);
                batch.clear();
              }
            });
    if (!batch.isEmpty()) {
      parts.add(embedder.embed(batch));
      done[0] += batch.size();
    }
    progress.update(done[0], Math.max(all, done[0]));
    long values = rows * embedder.dim();
    if (values > Integer.MAX_VALUE - 8) {
      throw new GioInputException(source + ": " + rows + " documents × " + embedder.dim()
          + " columns do not fit in one in-memory matrix; embed with 'gio embed' and quantize");
    }
    float[] data = new float[(int) values];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, data, at, p.length);
      at += p.length;
    }
    return VectorSet.wrap(data, (int) rows, embedder.dim());
  }

  /**
   * Embeds {@code source} straight into a .npy file at {@code out}, holding one batch in memory.
   * The rows are counted first ({@code rows} if already known, else a counting pass), and the file
   * appears only when complete.
   *
   * @return the number of rows written
   */
  public static long embedToNpy(
      TextEmbedder embedder, TextSource source, Path out, long rows, Progress progress)
      throws IOException {
    long total = rows >= 0 ? rows : source.forEach(r -> {});
    long[] done = {0};
    AtomicFiles.write(
        out,
        os -> {
          NpyRowStream npy = new NpyRowStream(os, total, embedder.dim());
          List<String> batch = new ArrayList<>(BATCH);
          source.forEach(
              r -> {
                batch.add(r.text());
                if (batch.size() == BATCH) {
                  flush(embedder, batch, npy);
                  done[0] += BATCH;
                  progress.update(done[0], total);
                }
              });
          if (!batch.isEmpty()) {
            done[0] += batch.size();
            flush(embedder, batch, npy);
          }
          progress.update(done[0], total);
          npy.finish();
        });
    return total;
  }

  private static void flush(TextEmbedder embedder, List<String> batch, NpyRowStream npy)
      throws IOException {
    npy.write(embedder.embed(batch), batch.size());
    batch.clear();
  }
}
