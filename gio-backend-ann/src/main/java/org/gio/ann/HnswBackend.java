package org.gio.ann;

import com.google.inject.Module;
import org.gio.core.backend.GioBackend;

/** Registers the HNSW index under the name {@code hnsw} (ServiceLoader). */
public final class HnswBackend implements GioBackend {
  public static final String NAME = "hnsw";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Role role() {
    return Role.INDEX;
  }

  @Override
  public String description() {
    return "approximate search on a Lucene HNSW graph with exact re-ranking; for pools of 100k+ rows";
  }

  /** Usable, but below {@code exact}: approximate search is only used when asked for. */
  @Override
  public int priority() {
    return 0;
  }

  @Override
  public Module module() {
    return new HnswModule();
  }
}
