package org.automlzero.runs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renders the report in a real browser (Debian's headless Chromium) and checks the screenshot shows the charts. */
class HtmlReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 1600;
  /** The .chart height in report.css; the first chart is the left one of the first chart row. */
  private static final int CHART_HEIGHT = 340;

  @ParameterizedTest(name = "{0} islands, {1} generations")
  @CsvSource({"2, 300", "1, 40", "12, 5000"})
  void chromiumDrawsTheFitnessChart(int islands, int generations, @TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM),
        "Skipped: no Chromium at " + CHROMIUM + " (install Debian's 'chromium' package; .ci/run does)");
    Path page = dir.resolve("report.html");
    Path screenshot = dir.resolve("screenshot.png");
    Path log = dir.resolve("chromium.log");
    HtmlReport.write(SampleReport.create(islands, generations), page);

    screenshot(page, screenshot, dir.resolve("profile"), log);

    assertThat(screenshot).as("screenshot; Chromium said:%n%s", Files.readString(log)).isNotEmptyFile();
    keepForHumans(screenshot, islands, generations);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);

    List<String> colours = HtmlReport.ISLAND_COLOURS.subList(0, Math.min(islands, 2));
    // Nothing above the charts uses the island colours, so the topmost such pixel is the first chart's legend.
    int top = -1;
    for (int y = 0; y < HEIGHT && top < 0; y++) {
      for (int x = 0; x < WIDTH / 2 && top < 0; x++) {
        if (matchesAny(image.getRGB(x, y), colours)) {
          top = y;
        }
      }
    }
    assertThat(top).as("row of the first island-coloured pixel").isBetween(200, HEIGHT - CHART_HEIGHT);
    for (String colour : colours) {
      int count = 0;
      int minX = WIDTH;
      int maxX = 0;
      int minY = HEIGHT;
      int maxY = 0;
      for (int y = top; y < top + CHART_HEIGHT; y++) {
        for (int x = 0; x < WIDTH / 2; x++) {
          if (matchesAny(image.getRGB(x, y), List.of(colour))) {
            count++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      // Lines, not just legend icons: many pixels spread across most of the plot, rising over it.
      assertThat(count).as("pixels of %s in the first chart", colour).isGreaterThan(600);
      assertThat(maxX - minX).as("horizontal extent of %s", colour).isGreaterThan(300);
      assertThat(maxY - minY).as("vertical extent of %s", colour).isGreaterThan(100);
    }
  }

  private static void screenshot(Path page, Path screenshot, Path profile, Path log) throws Exception {
    Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + screenshot,
        "--window-size=" + WIDTH + "," + HEIGHT, "--virtual-time-budget=5000", page.toUri().toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      boolean finished = chromium.waitFor(120, TimeUnit.SECONDS);
      assertThat(finished).as("Chromium finished within 120 s; it said:%n%s", Files.readString(log)).isTrue();
      assertThat(chromium.exitValue()).as("Chromium's exit code; it said:%n%s", Files.readString(log)).isZero();
    } finally {
      chromium.descendants().forEach(ProcessHandle::destroyForcibly);
      chromium.destroyForcibly();
    }
  }

  private static boolean matchesAny(int rgb, List<String> colours) {
    for (String colour : colours) {
      int expected = Integer.parseInt(colour.substring(1), 16);
      if (Math.abs(((rgb >> 16) & 0xff) - ((expected >> 16) & 0xff)) <= 24
          && Math.abs(((rgb >> 8) & 0xff) - ((expected >> 8) & 0xff)) <= 24
          && Math.abs((rgb & 0xff) - (expected & 0xff)) <= 24) {
        return true;
      }
    }
    return false;
  }

  /** A copy under target/ so a person can look at what the browser drew. */
  private static void keepForHumans(Path screenshot, int islands, int generations) throws Exception {
    String basedir = System.getProperty("project.basedir");
    if (basedir != null) {
      Path target = Path.of(basedir, "target", "report-screenshots");
      Files.createDirectories(target);
      Files.copy(screenshot, target.resolve("report-" + islands + "-islands-" + generations + "-generations.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
