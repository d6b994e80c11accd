import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
/** java PopAbEach A_CLASSES B_CLASSES HARNESS_A HARNESS_B RUN_DIR CHECKPOINT LIMIT REPS: per-member minima, interleaved. */
public class PopAbEach {
  public static void main(String[] args) throws Exception {
    List<URL> libs = new ArrayList<>();
    try (var s = Files.list(Path.of(System.getProperty("lib", "target/lib")))) { for (Path p : (Iterable<Path>) s::iterator) libs.add(p.toUri().toURL()); }
    int n = Integer.parseInt(args[6]), reps = Integer.parseInt(args[7]);
    Object[] ev = new Object[2]; Method[] one = new Method[2]; Method[] pass = new Method[2];
    for (int k = 0; k < 2; k++) {
      List<URL> urls = new ArrayList<>(); urls.add(Path.of(args[2 + k]).toUri().toURL()); urls.add(Path.of(args[k]).toUri().toURL()); urls.addAll(libs);
      ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(cl);
      Class<?> pe = cl.loadClass("org.automlzero.core.search.PopEval");
      ev[k] = pe.getConstructor(String.class, String.class, int.class).newInstance(args[4], args[5], n);
      one[k] = pe.getMethod("passMember", int.class); pass[k] = pe.getMethod("pass");
    }
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    for (int w = 0; w < 2; w++) for (int k = 0; k < 2; k++) pass[k].invoke(ev[k]);
    double[][] best = new double[2][n]; for (double[] b : best) Arrays.fill(b, 1e9);
    double[] sa = new double[n], sb = new double[n];
    for (int r = 0; r < reps; r++) for (int m = 0; m < n; m++) for (int j = 0; j < 2; j++) {
      int k = ((r + m) & 1) == 0 ? j : 1 - j;
      long c0 = tb.getCurrentThreadCpuTime(); double x = (double) one[k].invoke(ev[k], m); double t = (tb.getCurrentThreadCpuTime() - c0) / 1e6;
      best[k][m] = Math.min(best[k][m], t); (k == 0 ? sa : sb)[m] = x;
    }
    double ta = 0, tb2 = 0; int diff = 0;
    for (int m = 0; m < n; m++) { ta += best[0][m]; tb2 += best[1][m]; if (Double.doubleToRawLongBits(sa[m]) != Double.doubleToRawLongBits(sb[m])) diff++; }
    StringBuilder sbd = new StringBuilder();
    for (int m = 0; m < n; m++) sbd.append(String.format(Locale.ROOT, "%d:%.1f/%.1f ", m, best[0][m], best[1][m]));
    if (System.getProperty("detail") != null) System.out.println(sbd);
    System.out.printf(Locale.ROOT, "members %d, reps %d: sum of per-member minima A %.1f ms, B %.1f ms, A/B %.3fx; fitness sums differ for %d members%n", n, reps, ta, tb2, ta / tb2, diff);
  }
}
