package dev.plumbline.core.engine;

/** Where an audit reports how long each phase took, for the benchmark; {@link #NONE} ignores them. */
@FunctionalInterface
public interface Timings {

  Timings NONE = (phase, nanos) -> { };

  /** @param phase e.g. {@code load}, {@code relations}, {@code pack:posit-connect-ha} */
  void record(String phase, long nanos);
}
