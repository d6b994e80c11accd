package org.automlzero.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The front page stays short and every relative link in README.md, CONTRIBUTING.md and docs/ resolves. */
class DocsTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void readmeIsAFrontPageOfAtMost250Lines() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(lines.size()).as("README.md lines (move detail to docs/)").isLessThanOrEqualTo(250);
  }

  @Test
  void readmeLinksToEveryDocsPageAndEachExists() throws IOException {
    List<String> links = relativeLinks(Path.of("README.md"));
    assertThat(links).anyMatch(l -> l.startsWith("docs/"));
    for (String link : links) {
      assertThat(Path.of(link)).as("README.md links to " + link).exists();
    }
    try (Stream<Path> pages = Files.list(Path.of("docs"))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        assertThat(links).as("README.md links to " + page).contains("docs/" + page.getFileName());
      }
    }
  }

  @Test
  void everyRelativeLinkInTheDocsResolves() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
    }
    for (Path page : pages) {
      for (String link : relativeLinks(page)) {
        Path target = page.toAbsolutePath().getParent().resolve(link).normalize();
        assertThat(target).as(page + " links to " + link).exists();
      }
    }
  }

  @Test
  void commandsInTheDocsNameRealSubcommandsAndFiles() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
    }
    List<String> subcommands = List.of("demo", "search", "search-local", "prepare", "evaluate", "export", "report",
        "bench", "reproduce", "completion", "help");
    Pattern submit = Pattern.compile("\\./submit\\.sh ([a-z][a-z-]*)");
    Pattern file = Pattern.compile("(?<![\\w/.-])((?:conf|scripts|data-prep)/[\\w.-]+\\.(?:conf|sh|md))");
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Matcher m = submit.matcher(text);
      while (m.find()) {
        assertThat(subcommands).as(page + ": ./submit.sh " + m.group(1)).contains(m.group(1));
      }
      Matcher f = file.matcher(text);
      while (f.find()) {
        if (!f.group(1).equals(f.group(1).toLowerCase(java.util.Locale.ROOT))) {
          continue; // a placeholder such as conf/NAME.spark.conf
        }
        assertThat(Path.of(f.group(1))).as(page + " names " + f.group(1)).exists();
      }
    }
    for (String sub : subcommands) {
      assertThat(org.automlzero.cli.Main.run(new String[] {sub, "--help"})).as(sub + " --help").isZero();
    }
  }

  @Test
  void theReadmeMarksCheapCommandsForCiAndEachMarkedBlockParses() throws IOException {
    List<MarkedCommands.Command> commands = new ArrayList<>();
    for (Path page : MarkedCommands.pages(Path.of("."))) {
      commands.addAll(MarkedCommands.of(page)); // a misplaced marker or an unclosed block throws
    }
    assertThat(commands).anyMatch(c -> c.page().endsWith("README.md") && c.text().equals("./submit.sh --help"));
    assertThat(commands).allMatch(c -> !c.text().isBlank() && !c.text().endsWith("\\"));
  }

  private static List<String> relativeLinks(Path page) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String link = m.group(1);
      if (!link.contains("://") && !link.startsWith("mailto:")) {
        links.add(link);
      }
    }
    return links;
  }
}
