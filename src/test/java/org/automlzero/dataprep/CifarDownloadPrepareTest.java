package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlzero.cli.Main;
import org.automlzero.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole CIFAR-10 path of the command line: download of a small archive from a loopback server, then prepare. */
class CifarDownloadPrepareTest {
  @TempDir Path dir;

  private static int run(ByteArrayOutputStream err, String... args) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return Main.run(args);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void downloadsVerifiesAndPreparesCifar10() throws Exception {
    SharedSpark.session();
    byte[] archive = RawFixtures.gzip(RawFixtures.tar(RawFixtures.cifarEntries(40)));
    Path local = dir.resolve("a.tar.gz");
    Files.write(local, archive);
    String md5 = Downloader.md5(local);
    try (LoopbackServer server = new LoopbackServer()) {
      server.put("/~kriz/cifar-10-binary.tar.gz", archive);
      server.cutBody = n -> n == 1; // the first transfer breaks: the download resumes
      Path out = dir.resolve("cifar10");
      String[] args = {"prepare", "--dataset", "cifar10", "--source", server.url("/~kriz/cifar-10-binary.tar.gz"),
          "--cache", dir.resolve("cache").toString(), "--md5", "cifar-10-binary.tar.gz=" + md5, "--out",
          out.toString(), "--pairs", "(3,5)", "--seeds", "0-2", "--features", "8", "--train", "20", "--valid", "6",
          "--test", "4"};
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThat(run(err, args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
      String log = err.toString(StandardCharsets.UTF_8);
      assertThat(log).contains("resuming at byte").contains("complete, MD5 verified")
          .contains("read 200 cifar10 training images").contains("prepare: wrote 3 tasks");
      JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
      assertThat(m.get("source_location").asText()).isEqualTo(server.url("/~kriz/cifar-10-binary.tar.gz"));
      assertThat(m.get("pixels").asInt()).isEqualTo(3072);
      assertThat(m.get("source_files").get("cifar-10-binary.tar.gz").get("bytes").asLong())
          .isEqualTo(archive.length);
      assertThat(SharedSpark.session().read().parquet(out.toString()).count()).isEqualTo(3 * 30);

      // Again: the cached archive is used (no request) and the data set is already there.
      int requests = server.requests.size();
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      assertThat(run(again, args)).isZero();
      assertThat(server.requests).hasSize(requests);
      assertThat(again.toString(StandardCharsets.UTF_8)).contains("using cached").contains("nothing to do");

      // A wrong checksum: exit 1, the message, and no data set.
      ByteArrayOutputStream bad = new ByteArrayOutputStream();
      Path out2 = dir.resolve("other");
      args[6] = dir.resolve("cache2").toString();
      args[8] = "cifar-10-binary.tar.gz=" + "0".repeat(32);
      args[10] = out2.toString();
      assertThat(run(bad, args)).isEqualTo(1);
      assertThat(bad.toString(StandardCharsets.UTF_8)).contains("error: prepare: checksum mismatch for "
          + server.url("/~kriz/cifar-10-binary.tar.gz"));
      assertThat(out2).doesNotExist();
    }
  }
}
