/** Throughput benchmarks of the core engine (interpreter), run by the {@code bench} subcommand. */
package org.automlzero.core.bench;
