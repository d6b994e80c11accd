package org.automlzero.runs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automlzero.runs.report.ReportData.FinalResult;
import org.automlzero.runs.report.ReportData.GenerationRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @Test
  void pageHoldsSummaryAlgorithmExperimentsConfigAndCharts() {
    String html = HtmlReport.render(SampleReport.create(2, 300));

    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("<title>AutoML-Zero run demo-2026-11-27</title>")
        .contains("<h1>AutoML-Zero run: demo-2026-11-27</h1>")
        .contains("seed 42 · started 2026-11-27T22:15:00 UTC · 2 islands · 300 generations")
        .contains("<tr><th>Select fitness</th><td>0.893000</td></tr>")
        .contains("<tr><th>Final fitness</th><td>0.889000</td></tr>")
        .contains("<tr><th>Individuals</th><td>30,000</td></tr>")
        .contains("<tr><th>Elapsed</th><td>0:01:47 (h:mm:ss)</td></tr>")
        .contains("<tr><th>Experiments</th><td>2</td></tr>")
        .contains("<td>1</td><td class=\"num\">0.902000</td><td class=\"num\">0.893000</td><td class=\"num\">25,000</td>")
        .contains("<li>Synthetic sample data for tests.</li>")
        .contains("<h3>Simplified</h3>\n<pre>def Setup():\n  s3 = -0.5\ndef Predict():")
        .contains("<h3>Raw</h3>\n<pre>def Setup():\n  s3 = -0.5\n  v1 = gaussian(0.0, 0.1)")
        .contains("s4 = s1 &lt; s3")
        .contains("note = &quot;a &lt; b &amp;&amp; c &gt; d&quot;")
        .contains("id=\"chart-fitness-individuals\"", "id=\"chart-fitness-time\"", "id=\"chart-fec\"",
            "id=\"chart-throughput\"")
        .contains("\"colour\":\"#1f77b4\"", "\"colour\":\"#d62728\"")
        // The library is inlined, nothing is fetched when the page is viewed.
        .contains("Licensed to the Apache Software Foundation")
        .doesNotContain("<script src", "<link ", "http://cdn", "https://cdn");
    assertThat(html.indexOf("<h2>Summary</h2>")).isLessThan(html.indexOf("<h2>Progress</h2>"));
    assertThat(html.indexOf("<h2>Progress</h2>")).isLessThan(html.indexOf("<h2>Final algorithm</h2>"));
  }

  @Test
  void userTextCannotBreakOutOfTheMarkupOrTheDataScript() {
    String evil = "</script><script>alert(1)</script><b>";
    FinalResult result = new FinalResult(0.5, 0.5, 0.5, Optional.of(evil), Optional.empty());
    ReportData data = new ReportData("run " + evil, "key = \"" + evil + "\"", 7, Instant.EPOCH,
        List.of(new GenerationRow(0, 0, 10, 1, 0.5, 0.4, 0.1, 1, 9, 10)), List.of(), Optional.of(result),
        List.of(evil));

    String html = HtmlReport.render(data);

    assertThat(html).doesNotContain("<script>alert", "<b>")
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;")
        .contains("\"runName\":\"run \\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
        .doesNotContain("<h3>Simplified</h3>")
        .contains("<h3>Raw</h3>");
    // Exactly our three script elements, each closed once.
    assertThat(count(html, "<script")).isEqualTo(3);
    assertThat(count(html, "</script>")).isEqualTo(3);
  }

  @Test
  void unfinishedRunWithoutStatisticsStillRenders() {
    ReportData data = new ReportData("fresh", "", 1, Instant.EPOCH, List.of(), List.of(), Optional.empty(), List.of());

    assertThat(HtmlReport.render(data))
        .contains("<tr><th>Search fitness</th><td>— (run not finished)</td></tr>")
        .contains("<tr><th>Individuals</th><td>0</td></tr>")
        .contains("No final algorithm recorded.", "No experiment finished yet.", "\"islands\":[]}");
  }

  @Test
  void longRunsAreThinnedToAtMostTwoThousandPointsPerIslandKeepingTheLast() {
    ReportData data = SampleReport.create(3, 5_000);

    String json = HtmlReport.chartJson(data, List.of(0, 1, 2));

    Matcher generations = Pattern.compile("\"generation\":\\[([^\\]]*)\\]").matcher(json);
    int islands = 0;
    while (generations.find()) {
      String[] values = generations.group(1).split(",");
      assertThat(values).hasSize(HtmlReport.MAX_POINTS);
      assertThat(values[0]).isEqualTo("0");
      assertThat(values[values.length - 1]).isEqualTo("4999");
      islands++;
    }
    assertThat(islands).isEqualTo(3);
  }

  @Test
  void downsampleSpreadsIndicesEvenly() {
    assertThat(HtmlReport.downsample(5, 10)).containsExactly(0, 1, 2, 3, 4);
    assertThat(HtmlReport.downsample(9, 5)).containsExactly(0, 2, 4, 6, 8);
    assertThat(HtmlReport.downsample(10, 4)).containsExactly(0, 3, 6, 9);
    assertThat(HtmlReport.downsample(0, 4)).isEmpty();
    int[] many = HtmlReport.downsample(100_001, 2_000);
    assertThat(many).hasSize(2_000).startsWith(0).endsWith(100_000).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void jsonStringsEscapeQuotesControlsAndMarkup() {
    assertThat(HtmlReport.jsonString("a\"b\\c\nd\u0001<>&\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\\u003c\\u003e\\u0026\\u2028\"");
  }

  @Test
  void writeReplacesTheFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");
    Files.writeString(file, "old");

    HtmlReport.write(SampleReport.create(1, 10), file);

    assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("1 island · 10 generations");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
