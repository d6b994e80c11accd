package org.automlzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How the entry point reports what it did not expect. */
class MainTest {
  @Test
  void anUnexpectedExceptionIsOneLineNamingItsTypeNotAUserError() {
    String line = Main.describe(new IllegalStateException("island 3 has 0 members\nmore detail"));
    assertThat(line).isEqualTo("java.lang.IllegalStateException: island 3 has 0 members");
    assertThat(Main.describe(new org.apache.spark.SparkException("Job aborted due to stage failure\n\tat x")))
        .isEqualTo("a Spark job failed: Job aborted due to stage failure");
    assertThat(Main.describe(new RuntimeException("x".repeat(1000)))).hasSizeLessThan(400);
  }

  @Test
  void usageNamesTheExitCodes() {
    assertThat(Main.usage()).contains("exit codes: 0 done, 2 bad input, 1 failed while running, 143/130");
  }

  private record Run(int code, String out, String err) {}

  private static Run main(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "search", "search-local", "prepare", "evaluate", "report", "export", "bench",
      "completion"})
  void everySubcommandsHelpGoesToStandardOutputWithExitCode0(String sub) {
    for (String flag : new String[] {"--help", "-h"}) {
      Run r = main(sub, flag);
      assertThat(r.code()).as(sub + " " + flag).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).startsWith("usage: submit.sh " + sub).contains("--help").contains("exit codes: 0 done");
    }
    Run help = main("help", sub);
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("usage: submit.sh " + sub);
  }

  @Test
  void theSubcommandListIsGeneratedAndGoesToStandardOutput() {
    Run r = main("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("usage: submit.sh <subcommand>").contains("search-local", "export", "completion");
    Run none = main();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).startsWith("error: no subcommand given\n");
    Run unknown = main("serch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("error: unknown subcommand 'serch' (did you mean search");
  }

  @Test
  void usageErrorsAreOneLineNamingTheOptionThenTheSynopsisWithExitCode2() {
    Run unknown = main("evaluate", "--fast");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err().lines().findFirst()).hasValue("error: evaluate: unknown option '--fast'");
    assertThat(unknown.err()).contains("usage: submit.sh evaluate", "run 'submit.sh evaluate --help' for the options");
    Run missing = main("export", "--algorithm");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines().findFirst()).hasValue("error: export: option --algorithm needs a value");
    Run typed = main("bench", "--spark", "--batch", "many");
    assertThat(typed.code()).isEqualTo(2);
    assertThat(typed.err().trim()).isEqualTo("error: --batch is 'many', but must be an integer >= 0");
    Run rounds = main("bench", "demo", "--rounds", "0");
    assertThat(rounds.code()).isEqualTo(2);
    assertThat(rounds.err().trim()).isEqualTo("error: --rounds is '0', but must be a number in (0, 1e6]");
    Run workload = main("bench", "dmeo");
    assertThat(workload.code()).isEqualTo(2);
    assertThat(workload.err().trim()).startsWith("error: bench: workload 'dmeo' is unknown: use one of demo,");
    Run extra = main("search-local", "--config", "conf/demo.conf", "leftover");
    assertThat(extra.code()).isEqualTo(2);
    assertThat(extra.err().lines().findFirst()).hasValue("error: search-local: unexpected argument 'leftover'");
  }

  @Test
  void completionIsABashScriptForSubmitSh() {
    Run r = main("completion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("search-local", "--overwrite").endsWith("complete -F _complete_submit -o default "
        + "./submit.sh\n");
  }
}
