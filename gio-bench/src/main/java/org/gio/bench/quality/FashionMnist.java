package org.gio.bench.quality;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gio.core.vectors.VectorSet;

/**
 * Builds the FashionMNIST selection tasks of {@code shared/quality/prepare.py} from Debian's
 * {@code dataset-fashion-mnist} IDX files: the same recipe (class subsets, pool sizes, 30 % noise,
 * PCA to 50 dimensions fitted on the first 20,000 pool rows around the pool mean), with Java's
 * random numbers in place of numpy's, so the exact rows differ but the tasks are alike.
 */
public final class FashionMnist {
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  public static final int[] TARGET_CLASSES = {0, 2, 4, 6};
  static final int PIXELS = 784;
  static final int PCA_DIMS = 50;
  static final int PCA_FIT_ROWS = 20000;

  private final float[] train;
  private final int[] trainLabels;
  private final float[] test;
  private final int[] testLabels;

  private FashionMnist(float[] train, int[] trainLabels, float[] test, int[] testLabels) {
    this.train = train;
    this.trainLabels = trainLabels;
    this.test = test;
    this.testLabels = testLabels;
  }

  /** Reads the four IDX files from {@code dir}. */
  public static FashionMnist load(Path dir) throws IOException {
    return new FashionMnist(
        images(dir.resolve("train-images-idx3-ubyte.gz")),
        labels(dir.resolve("train-labels-idx1-ubyte.gz")),
        images(dir.resolve("t10k-images-idx3-ubyte.gz")),
        labels(dir.resolve("t10k-labels-idx1-ubyte.gz")));
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
  }

  static float[] images(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      int magic = in.readInt();
      if (magic != 0x803) {
        throw new IOException(file + ": not an IDX image file (magic " + magic + ")");
      }
      int n = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      byte[] raw = new byte[n * rows * cols];
      in.readFully(raw);
      float[] out = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        out[i] = (raw[i] & 0xff) / 255.0f;
      }
      return out;
    }
  }

  static int[] labels(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      int magic = in.readInt();
      if (magic != 0x801) {
        throw new IOException(file + ": not an IDX label file (magic " + magic + ")");
      }
      int n = in.readInt();
      byte[] raw = new byte[n];
      in.readFully(raw);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = raw[i] & 0xff;
      }
      return out;
    }
  }

  /** shift (60,000-row pool) or small (6,000): a target of 500 test images of classes 0, 2, 4, 6. */
  public QualityTask classShift(String name, int poolSize, long seed) {
    return classShift(name, poolSize, seed, TARGET_CLASSES);
  }

  /**
   * shift or small with another target class set (prepare.py's {@code TARGET_CLASSES}): the target
   * is 500 test images of {@code classes}, the test set the other test images of those classes, the
   * pool keeps every class. As in prepare.py, small's 6,000 pool rows are drawn after the target from
   * the same random stream, so they change with the class set as well as with the seed.
   */
  public QualityTask classShift(String name, int poolSize, long seed, int[] classes) {
    checkClasses(classes);
    Random random = new Random(seed);
    int[] inTarget = rowsOfClasses(testLabels, classes);
    if (inTarget.length <= 500) {
      throw new IllegalArgumentException("target classes " + Arrays.toString(classes) + " have only "
          + inTarget.length + " test images; the target needs 500 and a test set besides: add classes");
    }
    shuffle(inTarget, random);
    int[] targetRows = Arrays.copyOf(inTarget, 500);
    int[] testRows = Arrays.copyOfRange(inTarget, 500, inTarget.length);
    int[] poolRows = poolSize >= trainLabels.length ? range(trainLabels.length) : sample(trainLabels.length, poolSize, random);
    return build(name, rows(train, poolRows), pick(trainLabels, poolRows), rows(test, targetRows),
        rows(test, testRows), pick(testLabels, testRows), classes.clone(), null);
  }

  /**
   * Parses a class list such as {@code 5,7,9} (the {@code --target-classes} option): distinct
   * FashionMNIST labels 0–9, at least one, at most nine (a target of every class is not a shift).
   */
  public static int[] parseClasses(String list) {
    int[] classes;
    try {
      classes = Arrays.stream(list.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--target-classes '" + list + "': expected labels 0-9 separated by commas, e.g. 5,7,9");
    }
    checkClasses(classes);
    return classes;
  }

  private static void checkClasses(int[] classes) {
    boolean[] seen = new boolean[10];
    for (int c : classes) {
      if (c < 0 || c > 9) {
        throw new IllegalArgumentException("target class " + c + " in " + Arrays.toString(classes)
            + ": FashionMNIST labels are 0-9");
      }
      if (seen[c]) {
        throw new IllegalArgumentException("target class " + c + " repeated in " + Arrays.toString(classes));
      }
      seen[c] = true;
    }
    if (classes.length == 0 || classes.length > 9) {
      throw new IllegalArgumentException("target classes " + Arrays.toString(classes)
          + ": give 1 to 9 distinct labels (all 10 is not a class shift)");
    }
  }

  /** noisy: the whole training set with 30 % of rows corrupted; target 1,000 test images of all classes. */
  public QualityTask noisy(long seed) {
    Random random = new Random(seed);
    float[] pool = train.clone();
    boolean[] corrupt = new boolean[trainLabels.length];
    for (int r = 0; r < corrupt.length; r++) {
      corrupt[r] = random.nextDouble() < 0.3;
      if (corrupt[r]) {
        for (int c = r * PIXELS; c < (r + 1) * PIXELS; c++) {
          pool[c] = (float) Math.min(1, Math.max(0, pool[c] + 0.5 * random.nextGaussian()));
        }
      }
    }
    int[] perm = range(testLabels.length);
    shuffle(perm, random);
    int[] targetRows = Arrays.copyOf(perm, 1000);
    int[] testRows = Arrays.copyOfRange(perm, 1000, perm.length);
    return build("noisy", pool, trainLabels.clone(), rows(test, targetRows), rows(test, testRows),
        pick(testLabels, testRows), null, corrupt);
  }

  private static QualityTask build(String name, float[] pool, int[] poolLabels, float[] target,
      float[] test, int[] testLabels, int[] classes, boolean[] corrupt) {
    Pca pca = Pca.fit(pool, Math.min(PCA_FIT_ROWS, pool.length / PIXELS), PIXELS, PCA_DIMS);
    return new QualityTask(name, pca.project(pool), poolLabels, pca.project(target),
        pca.project(test), testLabels, classes, corrupt);
  }

  /** PCA by the eigenvectors of the covariance of the fit rows around the pool mean (EJML). */
  static final class Pca {
    final double[] mean;
    final DMatrixRMaj components; // dims × k

    private Pca(double[] mean, DMatrixRMaj components) {
      this.mean = mean;
      this.components = components;
    }

    static Pca fit(float[] data, int fitRows, int dims, int k) {
      int n = data.length / dims;
      double[] mean = new double[dims];
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < dims; c++) {
          mean[c] += data[r * dims + c];
        }
      }
      for (int c = 0; c < dims; c++) {
        mean[c] /= n;
      }
      DMatrixRMaj a = new DMatrixRMaj(fitRows, dims);
      for (int r = 0; r < fitRows; r++) {
        for (int c = 0; c < dims; c++) {
          a.data[r * dims + c] = data[r * dims + c] - mean[c];
        }
      }
      DMatrixRMaj cov = new DMatrixRMaj(dims, dims);
      CommonOps_DDRM.multTransA(a, a, cov);
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dims, true, true);
      if (!eig.decompose(cov)) {
        throw new IllegalStateException("PCA: eigen decomposition failed");
      }
      Integer[] order = new Integer[dims];
      for (int i = 0; i < dims; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Double.compare(eig.getEigenvalue(y).real, eig.getEigenvalue(x).real));
      DMatrixRMaj comps = new DMatrixRMaj(dims, k);
      for (int j = 0; j < k; j++) {
        DMatrixRMaj v = eig.getEigenVector(order[j]);
        for (int c = 0; c < dims; c++) {
          comps.set(c, j, v.get(c, 0));
        }
      }
      return new Pca(mean, comps);
    }

    VectorSet project(float[] data) {
      int dims = mean.length;
      int k = components.numCols;
      int n = data.length / dims;
      float[] out = new float[n * k];
      double[] row = new double[dims];
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < dims; c++) {
          row[c] = data[r * dims + c] - mean[c];
        }
        for (int j = 0; j < k; j++) {
          double s = 0;
          for (int c = 0; c < dims; c++) {
            s += row[c] * components.data[c * k + j];
          }
          out[r * k + j] = (float) s;
        }
      }
      return VectorSet.wrap(out, n, k);
    }
  }

  static int[] rowsOfClasses(int[] labels, int[] classes) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      for (int c : classes) {
        if (labels[i] == c) {
          out.add(i);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static int[] range(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  static void shuffle(int[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code count} distinct rows of [0, n), sorted (as numpy's choice then sort). */
  static int[] sample(int n, int count, Random random) {
    int[] all = range(n);
    shuffle(all, random);
    int[] out = Arrays.copyOf(all, count);
    Arrays.sort(out);
    return out;
  }

  static float[] rows(float[] data, int[] rows) {
    float[] out = new float[rows.length * PIXELS];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(data, rows[i] * PIXELS, out, i * PIXELS, PIXELS);
    }
    return out;
  }

  static int[] pick(int[] labels, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }
}
