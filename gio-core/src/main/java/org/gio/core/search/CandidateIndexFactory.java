package org.gio.core.search;

import org.gio.core.vectors.VectorSet;

/** Builds the {@link CandidateIndex} for one run's pool. Bound by the chosen index backend. */
public interface CandidateIndexFactory {

  /** Short name for logs and reports, e.g. {@code exact} or {@code hnsw}. */
  String name();

  CandidateIndex build(VectorSet pool);
}
