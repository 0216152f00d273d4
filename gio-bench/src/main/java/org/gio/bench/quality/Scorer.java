package org.gio.bench.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.ObjectiveState;
import org.gio.core.objective.Target;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The scores of {@code shared/quality/score.py}: precision (share of selected rows in the target's
 * classes) or corrupted share, accuracy on the task's test set of a multinomial logistic regression
 * trained on the selected rows (Tribuo, PCA-50 features), and KL(target ‖ selected) by the exact
 * Wang–Kulkarni–Verdú estimator with k = 5. Repeated rows count once, as in score.py.
 */
public final class Scorer {
  /** Scores of one selection. NaN where a score does not apply. */
  public record Scores(int size, double precision, double corrupt, double accuracy, double kl) {}

  private static final LabelFactory LABELS = new LabelFactory();
  private final VectorOps ops = new ScalarVectorOps();
  private final int epochs;
  private final long seed;
  private final int seeds;

  public Scorer(int epochs, long seed) {
    this(epochs, seed, 1);
  }

  /**
   * @param seeds how many training seeds (seed, seed + 1, …) the accuracy is averaged over: SGD's
   *     shuffling alone moves one model's accuracy by about ±0.01, as much as the gaps between
   *     selectors of the same size, so comparisons use the mean of several
   */
  public Scorer(int epochs, long seed, int seeds) {
    this.epochs = epochs;
    this.seed = seed;
    this.seeds = seeds;
  }

  public Scores score(QualityTask task, int[] selected) {
    int[] rows = unique(selected);
    double precision = Double.NaN;
    if (task.targetClasses() != null) {
      int hit = 0;
      for (int r : selected) {
        hit += task.inTargetClasses(r) ? 1 : 0;
      }
      precision = selected.length == 0 ? Double.NaN : (double) hit / selected.length;
    }
    double corrupt = Double.NaN;
    if (task.corrupt() != null) {
      int bad = 0;
      for (int r : selected) {
        bad += task.corrupt()[r] ? 1 : 0;
      }
      corrupt = selected.length == 0 ? Double.NaN : (double) bad / selected.length;
    }
    return new Scores(selected.length, precision, corrupt, accuracy(task, rows), kl(task, rows));
  }

  static int[] unique(int[] selected) {
    BitSet seen = new BitSet();
    for (int r : selected) {
      seen.set(r);
    }
    return seen.stream().toArray();
  }

  /** KL_exact(target ‖ pool rows), k = 5. */
  public double kl(QualityTask task, int[] rows) {
    if (rows.length < 5) {
      return Double.NaN;
    }
    Target t = Target.of(task.target(), 5, new ExactKthNeighbourSearch(ops));
    ObjectiveState s = new KnnKl(ops).start(t, task.pool().select(rows));
    return s.value();
  }

  /** Test accuracy of multinomial logistic regression trained on the given pool rows. */
  public double accuracy(QualityTask task, int[] rows) {
    if (Arrays.stream(rows).map(r -> task.poolLabels()[r]).distinct().count() < 2) {
      return Double.NaN;
    }
    String[] names = featureNames(task.pool().dim());
    VectorSet test = task.test();
    double sum = 0;
    for (Model<Label> model : trainModels(task, rows, names)) {
      int right = 0;
      for (int r = 0; r < test.size(); r++) {
        if (predictsRight(model, task, r, names)) {
          right++;
        }
      }
      sum += (double) right / test.size();
    }
    return sum / seeds;
  }

  /**
   * Recall on the test rows of each target class (in {@code task.targetClasses()} order) of the
   * same classifier as {@link #accuracy}, averaged over the training seeds: says which class a
   * selection's accuracy is lost on. Trains the models again, so the runner asks for it only with
   * {@code --per-class}. Null when the task has no target classes or the rows hold one label.
   */
  public double[] recallByClass(QualityTask task, int[] rows) {
    int[] classes = task.targetClasses();
    if (classes == null || Arrays.stream(rows).map(r -> task.poolLabels()[r]).distinct().count() < 2) {
      return null;
    }
    String[] names = featureNames(task.pool().dim());
    VectorSet test = task.test();
    double[] recall = new double[classes.length];
    for (Model<Label> model : trainModels(task, unique(rows), names)) {
      int[] right = new int[classes.length];
      int[] total = new int[classes.length];
      for (int r = 0; r < test.size(); r++) {
        int j = indexOf(classes, task.testLabels()[r]);
        if (j < 0) {
          continue;
        }
        total[j]++;
        if (predictsRight(model, task, r, names)) {
          right[j]++;
        }
      }
      for (int j = 0; j < classes.length; j++) {
        recall[j] += total[j] == 0 ? Double.NaN : (double) right[j] / total[j] / seeds;
      }
    }
    return recall;
  }

  /** One model per training seed (seed, seed + 1, …) on the given pool rows and their labels. */
  private List<Model<Label>> trainModels(QualityTask task, int[] rows, String[] names) {
    MutableDataset<Label> train =
        new MutableDataset<>(new SimpleDataSourceProvenance("selection", LABELS), LABELS);
    for (int r : rows) {
      train.add(example(task.pool(), r, names, new Label(Integer.toString(task.poolLabels()[r]))));
    }
    List<Model<Label>> models = new ArrayList<>(seeds);
    for (int s = 0; s < seeds; s++) {
      LinearSGDTrainer trainer =
          new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, -1, 1, seed + s);
      models.add(trainer.train(train));
    }
    return models;
  }

  private static boolean predictsRight(Model<Label> model, QualityTask task, int testRow, String[] names) {
    Example<Label> e = example(task.test(), testRow, names, LABELS.getUnknownOutput());
    return model.predict(e).getOutput().getLabel().equals(Integer.toString(task.testLabels()[testRow]));
  }

  private static String[] featureNames(int d) {
    String[] names = new String[d];
    for (int c = 0; c < d; c++) {
      names[c] = String.format("f%02d", c);
    }
    return names;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static Example<Label> example(VectorSet set, int row, String[] names, Label label) {
    double[] values = new double[names.length];
    for (int c = 0; c < names.length; c++) {
      values[c] = set.get(row, c);
    }
    return new ArrayExample<>(label, names, values);
  }
}
