package org.automlzero.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The commands the docs mark for CI: a fenced {@code bash} block whose opening line comes right
 * after a line {@code <!-- ci: run -->} (CONTRIBUTING.md, "Commands in the docs"). Each line of the
 * block is one command (a trailing backslash continues it on the next line); blank lines and
 * {@code #} comment lines are skipped.
 */
final class MarkedCommands {
  static final String MARKER = "<!-- ci: run -->";

  private MarkedCommands() {}

  /** One marked command: the page and line it starts on, and its text. */
  record Command(Path page, int line, String text) {
    @Override
    public String toString() {
      return page + ":" + line + ": " + text;
    }
  }

  /** README.md, CONTRIBUTING.md and docs/*.md, below {@code root}. */
  static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The marked commands of one page, in order; a marker not followed by a bash fence is an error. */
  static List<Command> of(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals(MARKER)) {
        continue;
      }
      if (i + 1 >= lines.size() || !lines.get(i + 1).strip().equals("```bash")) {
        throw new IllegalStateException(page + ":" + (i + 1) + ": " + MARKER + " must stand right before a ```bash fence");
      }
      StringBuilder command = new StringBuilder();
      int start = 0;
      for (int j = i + 2; ; j++) {
        if (j >= lines.size()) {
          throw new IllegalStateException(page + ":" + (i + 2) + ": the marked block is not closed");
        }
        String line = lines.get(j);
        if (line.strip().equals("```")) {
          if (!command.isEmpty()) {
            throw new IllegalStateException(page + ":" + start + ": the block ends inside a continued command");
          }
          i = j;
          break;
        }
        if (command.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
          continue;
        }
        if (command.isEmpty()) {
          start = j + 1;
        }
        String stripped = line.strip();
        if (stripped.endsWith("\\")) {
          command.append(stripped, 0, stripped.length() - 1).append(' ');
        } else {
          command.append(stripped);
          commands.add(new Command(page, start, command.toString()));
          command.setLength(0);
        }
      }
    }
    return commands;
  }
}
