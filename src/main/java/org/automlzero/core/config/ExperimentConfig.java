package org.automlzero.core.config;

import java.util.Map;
import org.automlzero.core.search.spec.RunSpec;

/**
 * A loaded, validated experiment config: the run it describes, the in-process thread count,
 * the Parquet data path, and every key's effective value (defaults included) in key order, for
 * writing out "the config actually used".
 */
public record ExperimentConfig(RunSpec run, int threads, String dataPath, long progressEvery,
    Map<String, String> effective, OutputSpec outputs) {
  public ExperimentConfig {
    effective = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effective));
  }

  /** The effective config as a config file (loads back to the same config). */
  public String toConfigText() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : effective.entrySet()) {
      sb.append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
    }
    return sb.toString();
  }
}
