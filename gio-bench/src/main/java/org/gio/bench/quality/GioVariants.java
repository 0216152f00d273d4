package org.gio.bench.quality;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gio.core.select.GioConfig;
import org.gio.core.select.ObjectiveKind;
import org.gio.core.select.Shortlist;
import org.gio.core.select.StartMode;
import org.gio.core.select.VInit;
import org.gio.core.stop.StopRule;

/**
 * The GIO configurations the quality run compares, and a small spec language for trying others:
 * {@code name=base:key=value,key=value} with base {@code faithful} or {@code recommended} and keys
 * objective, start, shortlist, outlier, density, tau, rel, q, sample, retrieval, orders, candidates, stop, patience, vinit, iters, lr, beta, maxiter, k
 * (tau or rel without q clears the preset's quantile, so a τ threshold means what it says).
 */
public final class GioVariants {
  private GioVariants() {}

  /** The ablation ladder: each step adds one of the new pieces to the faithful loop. */
  public static Map<String, GioConfig> ladder() {
    Map<String, GioConfig> m = new LinkedHashMap<>();
    m.put("faithful (own stop)", GioConfig.defaults());
    m.put("faithful+exact stop", parse("faithful:stop=exact_increase,patience=5,maxiter=0"));
    m.put("+empty start", parse("faithful:stop=exact_increase,patience=5,maxiter=0,start=empty"));
    m.put("+rerank c=32", parse("faithful:stop=exact_increase,patience=5,maxiter=0,start=empty,candidates=32"));
    m.put("+softmin", parse("faithful:stop=exact_increase,patience=5,maxiter=0,start=empty,candidates=32,objective=softmin"));
    m.put("previous default (worst start)", parse("recommended:shortlist=nearest,orders=1,outlier=0,density=0"));
    m.put("+gain shortlist", parse("recommended:orders=1,outlier=0,density=0"));
    m.put("+all orders", parse("recommended:outlier=0,density=0"));
    m.put("+outlier penalty (default to 2026-11-23)", parse(PREVIOUS_DEFAULT));
    m.put("gio default", GioConfig.recommended());
    return m;
  }

  /**
   * The preset of {@code gio select} until 2026-11-23 (outlier weight 1, no density filter), for
   * comparisons with the tables measured before the density filter became the default.
   */
  public static final String PREVIOUS_DEFAULT = "recommended:outlier=1,density=0";

  /** Faithful GIO run to a fixed budget: the published loop with a stop that never fires first. */
  public static GioConfig faithfulBudget(int size) {
    return GioConfig.builder().stop(StopRule.DATA_SIZE).maxDataSize(1.0).maxIter(size).build();
  }

  /** Parses {@code base:key=value,...}; maxiter=0 means no cap. */
  public static GioConfig parse(String spec) {
    String[] parts = spec.split(":", 2);
    GioConfig.Builder b =
        parts[0].trim().equalsIgnoreCase("recommended")
            ? GioConfig.recommendedBuilder()
            : GioConfig.builder();
    boolean quantileGiven = false;
    boolean tauGiven = false;
    if (parts.length > 1 && !parts[1].isBlank()) {
      for (String kv : parts[1].split(",")) {
        String[] p = kv.split("=", 2);
        String key = p[0].trim().toLowerCase(Locale.ROOT);
        String v = p[1].trim();
        quantileGiven |= key.equals("q");
        tauGiven |= key.equals("tau") || key.equals("rel");
        switch (key) {
          case "objective" -> b.objective(ObjectiveKind.parse(v));
          case "start" -> b.start(StartMode.parse(v));
          case "shortlist" -> b.shortlist(Shortlist.parse(v));
          case "outlier" -> b.outlierWeight(Double.parseDouble(v));
          case "density" -> b.densityWeight(Double.parseDouble(v));
          case "tau" -> b.densityThreshold(Double.parseDouble(v));
          case "rel" -> b.densityRelative(Boolean.parseBoolean(v));
          case "q" -> b.densityQuantile(Double.parseDouble(v));
          case "sample" -> b.densitySample(Integer.parseInt(v));
          case "retrieval" -> b.retrievalCandidates(Integer.parseInt(v));
          case "orders" -> b.gainOrders(Integer.parseInt(v));
          case "candidates", "c" -> b.candidates(Integer.parseInt(v));
          case "stop" -> b.stop(StopRule.parse(v));
          case "patience" -> b.patience(Integer.parseInt(v));
          case "vinit" -> b.vInit(VInit.parse(v));
          case "iters" -> b.gradDescIter(Integer.parseInt(v));
          case "lr" -> b.lr(Double.parseDouble(v));
          case "beta" -> b.softminBeta(Double.parseDouble(v));
          case "k" -> b.k(Integer.parseInt(v));
          case "randominit" -> b.randomInitPct(Double.parseDouble(v));
          case "maxiter" -> {
            int n = Integer.parseInt(v);
            b.maxIter(n == 0 ? Integer.MAX_VALUE : n);
          }
          default -> throw new IllegalArgumentException("unknown variant key '" + key + "' in " + spec);
        }
      }
    }
    if (tauGiven && !quantileGiven) {
      b.densityQuantile(Double.NaN); // a τ threshold asked for: not the preset's quantile
    }
    return b.build();
  }
}
