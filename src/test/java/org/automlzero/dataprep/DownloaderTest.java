package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
  @TempDir Path cache;
  private LoopbackServer server;
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
  private final byte[] content = RawFixtures.cifarBatch(40, 1); // 122,920 bytes
  private String md5;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.put("/data/file.bin", content);
    md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Downloader downloader(int attempts) {
    return new Downloader(cache, log, attempts, 0, 0);
  }

  private String logText() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void downloadsVerifiesAndReusesTheCache() throws IOException {
    Path p = downloader(1).fetch(server.url("/data/file.bin"), "file.bin", md5);
    assertThat(p).isEqualTo(cache.resolve("file.bin"));
    assertThat(Files.readAllBytes(p)).isEqualTo(content);
    assertThat(logText()).contains("download: file.bin 0.1 / 0.1 MiB (100%)").contains("complete, MD5 verified");
    assertThat(cache.resolve("file.bin.part")).doesNotExist();
    downloader(1).fetch(server.url("/data/file.bin"), "file.bin", md5.toUpperCase());
    assertThat(server.requests).hasSize(1);
    assertThat(logText()).contains("using cached " + p + " (MD5 verified)");
  }

  @Test
  void interruptedDownloadResumesWithRange() throws IOException {
    server.cutBody = n -> n == 1;
    Path p = downloader(3).fetch(server.url("/data/file.bin"), "file.bin", md5);
    assertThat(Files.readAllBytes(p)).isEqualTo(content);
    assertThat(server.requests).containsExactly("/data/file.bin -", "/data/file.bin bytes=61460-");
    assertThat(logText()).contains("retrying (attempt 2 of 3, resuming at byte 61460)")
        .contains("resuming file.bin.part at byte 61460");
  }

  @Test
  void partialFileFromAnEarlierRunIsResumedOrRestarted() throws IOException {
    server.cutBody = n -> true;
    assertThatThrownBy(() -> downloader(2).fetch(server.url("/data/file.bin"), "file.bin", md5))
        .isInstanceOf(DataPrepException.class)
        .hasMessageContaining("download of " + server.url("/data/file.bin") + " failed after 2 attempts")
        .hasMessageContaining("is kept and the next run resumes it");
    assertThat(cache.resolve("file.bin")).doesNotExist();
    long partial = Files.size(cache.resolve("file.bin.part"));
    assertThat(partial).isGreaterThan(0).isLessThan(content.length);

    // Next run: the server now works but ignores Range: the partial file is restarted, not appended to.
    server.cutBody = n -> false;
    server.honourRange = false;
    Path p = downloader(1).fetch(server.url("/data/file.bin"), "file.bin", md5);
    assertThat(Files.readAllBytes(p)).isEqualTo(content);
    assertThat(logText()).contains("the server cannot resume");
    assertThat(server.requests.get(server.requests.size() - 1)).endsWith("bytes=" + partial + "-");
  }

  @Test
  void checksumMismatchDeletesTheFile() {
    String wrong = "0".repeat(32);
    assertThatThrownBy(() -> downloader(3).fetch(server.url("/data/file.bin"), "file.bin", wrong))
        .isInstanceOf(DataPrepException.class)
        .hasMessageStartingWith("checksum mismatch for " + server.url("/data/file.bin") + ": MD5 " + md5
            + ", expected " + wrong + " (the published checksum); the downloaded file was deleted");
    assertThat(cache.resolve("file.bin")).doesNotExist();
    assertThat(cache.resolve("file.bin.part")).doesNotExist();
  }

  @Test
  void truncatedFileOnTheServerFailsTheChecksum() {
    server.put("/data/short.bin", Arrays.copyOf(content, content.length - 3073));
    assertThatThrownBy(() -> downloader(2).fetch(server.url("/data/short.bin"), "file.bin", md5))
        .hasMessageStartingWith("checksum mismatch for " + server.url("/data/short.bin"));
    assertThat(cache.resolve("file.bin")).doesNotExist();
  }

  @Test
  void serverErrorsAreRetriedThenReported() throws IOException {
    server.fail = n -> true;
    assertThatThrownBy(() -> downloader(2).fetch(server.url("/data/file.bin"), "file.bin", md5))
        .hasMessage("download of " + server.url("/data/file.bin") + " failed after 2 attempts: HTTP 500 "
            + "Internal Server Error from " + server.url("/data/file.bin"));
    assertThat(server.requests).hasSize(2);

    server.fail = n -> n == 3;
    assertThat(downloader(2).fetch(server.url("/data/file.bin"), "file.bin", md5)).exists();

    assertThatThrownBy(() -> downloader(3).fetch(server.url("/nope.bin"), "nope.bin", md5))
        .hasMessage("download of " + server.url("/nope.bin") + " failed: HTTP 404 Not Found from "
            + server.url("/nope.bin"));
  }

  @Test
  void unknownChecksumIsRefused() {
    assertThatThrownBy(() -> downloader(1).fetch(server.url("/data/file.bin"), "file.bin", null))
        .hasMessageContaining("no published MD5 checksum is known for file.bin")
        .hasMessageContaining("pass --md5 file.bin=<32 hex digits>");
    assertThat(server.requests).isEmpty();
  }

  @Test
  void sourcesDownloadTheDatasetFilesFromABaseUrl() throws IOException {
    Path raw = cache.resolve("raw");
    RawFixtures.writeMnist(raw, 100, 3);
    Map<String, String> md5s = new java.util.HashMap<>();
    for (String name : ImageDataset.MNIST.downloadFiles()) {
      server.put("/mnist/" + name, Files.readAllBytes(raw.resolve(name)));
      md5s.put(name, Downloader.md5(raw.resolve(name)));
    }
    Path dl = cache.resolve("dl");
    Sources.Resolved r = Sources.resolve(ImageDataset.MNIST, server.url("/mnist/"), dl, md5s,
        new Downloader(dl, log, 1, 0, 0), log);
    assertThat(r.path()).isEqualTo(dl);
    assertThat(ImageDataset.MNIST.read(r.path()).count()).isEqualTo(100);
    // Without --md5 the published checksums apply, and generated files do not match them.
    Path dl2 = cache.resolve("dl2");
    assertThatThrownBy(() -> Sources.resolve(ImageDataset.MNIST, server.url("/mnist"), dl2, Map.of(),
        new Downloader(dl2, log, 1, 0, 0), log))
        .hasMessageContaining("expected f68b3c2dcbeaaa9fbdd348bbdeb94873 (the published checksum)");
  }
}
