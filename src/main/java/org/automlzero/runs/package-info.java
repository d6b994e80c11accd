/** The run directory of a search: config, statistics (Parquet), checkpoints (JSON), results and report. */
package org.automlzero.runs;
