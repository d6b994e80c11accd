package org.automlzero.core.search;

/**
 * Bench harness (docs/benchmarks-engine.md, "JIT profile history"):
 * {@code PopTime RUN_DIR CHECKPOINT PASSES [CHECKPOINT PASSES]...} prints the seconds per pass
 * over each checkpoint's population in turn, in one JVM (PopEval.pass()).
 */
public final class PopTime {
  public static void main(String[] a) throws Exception {
    for (int i = 1; i + 1 < a.length; i += 2) {
      PopEval p = new PopEval(a[0], a[i], 100);
      int n = Integer.parseInt(a[i + 1]);
      StringBuilder sb = new StringBuilder(a[i].replaceAll(".*/", "") + ":");
      double chk = 0;
      for (int k = 0; k < n; k++) {
        long t = System.nanoTime();
        chk = p.pass();
        sb.append(String.format(" %.2f", (System.nanoTime() - t) / 1e9));
      }
      System.out.println(sb + "  (sum " + chk + ")");
    }
  }
}
