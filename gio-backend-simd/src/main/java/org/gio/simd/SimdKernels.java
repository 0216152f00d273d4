package org.gio.simd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;

/**
 * Chooses the kernels once per JVM, in the manner of Lucene's {@code VectorizationProvider}: the
 * Vector API implementation when {@code jdk.incubator.vector} is present and the CPU has vectors
 * of at least four floats, the scalar reference otherwise. Says which at start-up, and warns once,
 * naming the missing flag, when it has to fall back.
 */
public final class SimdKernels {
  /** The JVM flag without which the Vector API classes cannot be loaded. */
  public static final String FLAG = "--add-modules jdk.incubator.vector";
  /** System property overriding the number of kernel threads (default: available processors). */
  public static final String THREADS_PROPERTY = "gio.simd.threads";

  private static final System.Logger LOG = System.getLogger(SimdKernels.class.getName());
  private static final String MODULE = "jdk.incubator.vector";

  private SimdKernels() {}

  /** True when the Vector API can be used in this JVM. */
  public static boolean usable() {
    return Holder.USABLE;
  }

  /** The shared kernels chosen at start-up (Vector API or scalar fallback). */
  public static VectorOps get() {
    return Holder.DEFAULT;
  }

  /**
   * New kernels on a private pool of {@code threads} threads, or the scalar reference when the
   * Vector API is not usable. Results do not depend on {@code threads}.
   */
  public static VectorOps withThreads(int threads) {
    return Holder.USABLE ? panama(threads) : new ScalarVectorOps();
  }

  static int defaultThreads() {
    String property = System.getProperty(THREADS_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Math.max(1, Integer.parseInt(property.trim()));
    }
    return Runtime.getRuntime().availableProcessors();
  }

  private static boolean moduleResolved() {
    return ModuleLayer.boot().findModule(MODULE).isPresent();
  }

  /** Loads the Panama class by name so that nothing refers to it before the module check. */
  private static VectorOps panama(int threads) {
    try {
      Class<?> type = Class.forName("org.gio.simd.PanamaVectorOps");
      return (VectorOps)
          MethodHandles.lookup()
              .findConstructor(type, MethodType.methodType(void.class, int.class))
              .invoke(threads);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create the Vector API kernels", e);
    }
  }

  private static int lanes() {
    try {
      Class<?> type = Class.forName("org.gio.simd.PanamaVectorOps");
      return (int)
          MethodHandles.lookup()
              .findStatic(type, "lanes", MethodType.methodType(int.class))
              .invoke();
    } catch (Throwable e) {
      return 0;
    }
  }

  /** Decided on first use, once per JVM. */
  private static final class Holder {
    static final boolean USABLE;
    static final VectorOps DEFAULT;

    static {
      boolean usable = false;
      if (!moduleResolved()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "GIO simd backend: the Vector API is not available; using scalar kernels. Start the"
                + " JVM with " + FLAG + " to enable it.");
      } else if (lanes() < 4) {
        LOG.log(
            System.Logger.Level.WARNING,
            "GIO simd backend: this CPU has no float vectors of 4+ lanes; using scalar kernels.");
      } else {
        usable = true;
      }
      USABLE = usable;
      DEFAULT = usable ? panama(defaultThreads()) : new ScalarVectorOps();
      LOG.log(
          System.Logger.Level.DEBUG,
          "GIO kernels: " + DEFAULT.description() + (usable ? "" : " (scalar fallback)"));
    }
  }
}
