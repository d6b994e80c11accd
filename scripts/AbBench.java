import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * A/B of two engine builds in one JVM: each build's classes in its own class loader, alternated
 * pass by pass over the bench corpus (org.automlzero.core.bench.Corpus, which both builds need);
 * prints both rates and the median of the paired ratios. From the project root, after
 * mvn -DskipTests package:
 * java --add-modules=jdk.incubator.vector scripts/AbBench.java A_CLASSES B_CLASSES PASSES [corpus|nn|linear]
 * (-Dlib=DIR for the jars). A and B must not use different Vector API species (shapes): a JVM
 * that mixes them runs both far slower.
 */
public class AbBench {
  public static void main(String[] args) throws Exception {
    String a = args[0], b = args[1]; int rounds = Integer.parseInt(args[2]); String what = args.length > 3 ? args[3] : "corpus";
    List<URL> libs = new ArrayList<>();
    try (var s = Files.list(Path.of(System.getProperty("lib", "target/lib")))) { for (Path p : (Iterable<Path>) s::iterator) libs.add(p.toUri().toURL()); }
    Object[] corpora = new Object[2]; Object[] interps = new Object[2]; Method[] fit = new Method[2]; int n = 0;
    String[] dirs = {a, b};
    for (int k = 0; k < 2; k++) {
      List<URL> urls = new ArrayList<>(); urls.add(Path.of(dirs[k]).toUri().toURL()); urls.addAll(libs);
      ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Class<?> corpus = cl.loadClass("org.automlzero.core.bench.Corpus");
      corpora[k] = corpus.getMethod("load").invoke(null);
      Class<?> shape = cl.loadClass("org.automlzero.core.algorithm.MemoryShape");
      Class<?> interp = cl.loadClass("org.automlzero.core.interpreter.Interpreter");
      interps[k] = interp.getConstructor(shape, double.class).newInstance(corpus.getField("SHAPE").get(null), 100.0);
      fit[k] = corpus.getMethod("fitnesses", int.class, interp, boolean.class, long[].class);
      n = ((List<?>) corpus.getMethod("entries").invoke(corpora[k])).size();
    }
    int from = what.equals("nn") ? 1 : what.equals("linear") ? 0 : 2, to = what.equals("nn") ? 2 : what.equals("linear") ? 1 : n;
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    double[][] sec = new double[2][rounds]; double sink = 0;
    for (int r = -2; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        long c0 = tb.getCurrentThreadCpuTime();
        for (int i = from; i < to; i++) sink += ((double[]) fit[k].invoke(corpora[k], i, interps[k], true, null))[0];
        if (r >= 0) sec[k][r] = (tb.getCurrentThreadCpuTime() - c0) / 1e9;
      }
    }
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) ratio[r] = sec[0][r] / sec[1][r];
    int count = to - from;
    System.out.printf(Locale.ROOT, "%s: A %.2f algorithms/s, B %.2f algorithms/s (medians of %d alternated passes of %d algorithms), B/A median of paired ratios %.2fx (min %.2f, max %.2f) sink %.3f%n",
        what, count / med(sec[0]), count / med(sec[1]), rounds, count, med(ratio), Arrays.stream(ratio).min().getAsDouble(), Arrays.stream(ratio).max().getAsDouble(), sink);
  }
  static double med(double[] x) { double[] s = x.clone(); Arrays.sort(s); return s[s.length / 2]; }
}
