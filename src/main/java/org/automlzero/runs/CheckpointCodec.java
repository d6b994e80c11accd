package org.automlzero.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.search.ExperimentResult;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.LoopState;
import org.automlzero.core.search.RunState;
import org.automlzero.core.search.fec.FecCache;

/**
 * A {@link Checkpoint} as one JSON document (no Java serialization). Algorithms of the
 * populations are written once each (a table, members refer to it by index: copies are common);
 * doubles round-trip bit-identical ({@link JsonDoubles}); the last field, {@code "complete":
 * true}, marks a document that was written to the end.
 */
public final class CheckpointCodec {
  public static final String FORMAT = "automl-zero-checkpoint";
  public static final int VERSION = 2;
  /** SHA-256 of the document's text before this field (version 2; version 1 had none). */
  static final String DIGEST_FIELD = "content_sha256";
  private static final ObjectMapper MAPPER = AlgorithmJson.mapper();

  private CheckpointCodec() {}

  public static String write(Checkpoint c) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      RunState s = c.state();
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeNumberField("version", VERSION);
      json.writeNumberField("sequence", c.sequence());
      json.writeNumberField("seed", c.seed());
      json.writeStringField("config_sha256", c.configDigest());
      json.writeNumberField("stats_parts", c.statsParts());
      json.writeNumberField("individuals", s.individuals());
      json.writeNumberField("train_steps", s.trainSteps());
      json.writeNumberField("fec_hits", s.fecHits());
      json.writeNumberField("fec_misses", s.fecMisses());
      JsonDoubles.write(json, "elapsed_seconds", s.elapsedSeconds());
      json.writeArrayFieldStart("experiments");
      for (ExperimentResult r : s.experiments()) {
        json.writeStartObject();
        json.writeNumberField("experiment", r.experiment());
        JsonDoubles.write(json, "search_fitness", r.searchFitness());
        JsonDoubles.write(json, "select_fitness", r.selectFitness());
        json.writeNumberField("individuals", r.individuals());
        json.writeFieldName("algorithm");
        AlgorithmJson.write(r.best(), json);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeFieldName("loop");
      if (s.loop() == null) {
        json.writeNull();
      } else {
        writeLoop(json, s.loop(), s.loopElapsedSeconds());
      }
      // The digest covers every byte before it, so an edited or damaged checkpoint is found on reading.
      json.flush();
      json.writeStringField(DIGEST_FIELD, RunDirectory.digest(text.toString()));
      json.writeBooleanField("complete", true);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString() + "\n";
  }

  private static void writeLoop(JsonGenerator json, LoopState loop, double elapsed) throws IOException {
    json.writeStartObject();
    json.writeNumberField("experiment", loop.experiment());
    json.writeNumberField("generation", loop.generation());
    json.writeNumberField("individuals", loop.individuals());
    json.writeNumberField("train_steps", loop.trainSteps());
    json.writeNumberField("fec_hits", loop.fecHits());
    json.writeNumberField("fec_misses", loop.fecMisses());
    JsonDoubles.write(json, "elapsed_seconds", elapsed);
    // Distinct algorithms in first-seen order; equal copies share one entry.
    Map<Algorithm, Integer> table = new LinkedHashMap<>();
    for (IslandState island : loop.islands()) {
      for (Algorithm a : island.members()) {
        table.putIfAbsent(a, table.size());
      }
    }
    json.writeArrayFieldStart("algorithms");
    for (Algorithm a : table.keySet()) {
      AlgorithmJson.write(a, json);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("islands");
    for (int i = 0; i < loop.islands().size(); i++) {
      IslandState island = loop.islands().get(i);
      json.writeStartObject();
      json.writeArrayFieldStart("members");
      for (Algorithm a : island.members()) {
        json.writeNumber(table.get(a));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("fitness");
      for (double f : island.fitness()) {
        JsonDoubles.write(json, f);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("partial_fitness");
      for (double f : loop.partialFitness().get(i)) {
        JsonDoubles.write(json, f);
      }
      json.writeEndArray();
      json.writeNumberField("oldest", island.oldest());
      json.writeNumberField("individuals", island.individuals());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("fec");
    json.writeArrayFieldStart("hash");
    for (FecCache.Entry e : loop.fecEntries()) {
      json.writeNumber(e.hash());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("fitness");
    for (FecCache.Entry e : loop.fecEntries()) {
      JsonDoubles.write(json, e.fitness());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("hits");
    for (FecCache.Entry e : loop.fecEntries()) {
      json.writeNumber(e.hits());
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  /** Parses a checkpoint; any defect (truncation, missing field, wrong type) is an IllegalArgumentException. */
  public static Checkpoint read(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not complete JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("field 'format' must be '" + FORMAT + "', but was " + root.get("format"));
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION && version != 1) {
      throw new IllegalArgumentException("field 'version' must be 1 or " + VERSION + ", but was "
          + root.get("version"));
    }
    if (!root.path("complete").asBoolean(false)) {
      throw new IllegalArgumentException("it lacks the final \"complete\": true (written only part way)");
    }
    Checkpoint checkpoint;
    try {
      List<ExperimentResult> experiments = new ArrayList<>();
      for (JsonNode e : array(root, "experiments")) {
        experiments.add(new ExperimentResult(integer(e, "experiment"), AlgorithmJson.fromJsonNode(e.get("algorithm")),
            JsonDoubles.read(e.get("search_fitness"), "search_fitness"),
            JsonDoubles.read(e.get("select_fitness"), "select_fitness"), longValue(e, "individuals")));
      }
      JsonNode loopNode = root.get("loop");
      LoopState loop = null;
      double loopElapsed = 0.0;
      if (loopNode != null && !loopNode.isNull()) {
        loop = readLoop(loopNode);
        loopElapsed = JsonDoubles.read(loopNode.get("elapsed_seconds"), "loop.elapsed_seconds");
      }
      RunState state = new RunState(experiments, longValue(root, "individuals"), longValue(root, "train_steps"),
          longValue(root, "fec_hits"), longValue(root, "fec_misses"),
          JsonDoubles.read(root.get("elapsed_seconds"), "elapsed_seconds"), loop, loopElapsed);
      checkpoint = new Checkpoint(longValue(root, "sequence"), longValue(root, "seed"), text(root, "config_sha256"),
          integer(root, "stats_parts"), state);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (version >= 2) {
      String marker = ",\"" + DIGEST_FIELD + "\":";
      int at = text.lastIndexOf(marker);
      String recorded = root.path(DIGEST_FIELD).asText("");
      if (at < 0 || recorded.isEmpty()) {
        throw new IllegalArgumentException("it lacks its content digest '" + DIGEST_FIELD + "'");
      }
      if (!RunDirectory.digest(text.substring(0, at)).equals(recorded)) {
        throw new IllegalArgumentException("its content does not match its SHA-256 '" + DIGEST_FIELD + "' (the file "
            + "was edited or damaged)");
      }
    }
    return checkpoint;
  }

  private static LoopState readLoop(JsonNode n) {
    List<Algorithm> table = new ArrayList<>();
    for (JsonNode a : array(n, "algorithms")) {
      table.add(AlgorithmJson.fromJsonNode(a));
    }
    List<IslandState> islands = new ArrayList<>();
    List<double[]> partial = new ArrayList<>();
    for (JsonNode i : array(n, "islands")) {
      List<Algorithm> members = new ArrayList<>();
      for (JsonNode m : array(i, "members")) {
        int idx = m.asInt(-1);
        if (!m.isInt() || idx < 0 || idx >= table.size()) {
          throw new IllegalArgumentException("island member " + m + " is not an index into 'algorithms'");
        }
        members.add(table.get(idx));
      }
      islands.add(new IslandState(members, doubles(i, "fitness"), integer(i, "oldest"), longValue(i, "individuals")));
      partial.add(doubles(i, "partial_fitness"));
    }
    JsonNode fec = n.get("fec");
    if (fec == null || !fec.isObject()) {
      throw new IllegalArgumentException("field 'loop.fec' is missing");
    }
    JsonNode hashes = array(fec, "hash");
    double[] fitness = doubles(fec, "fitness");
    JsonNode hits = array(fec, "hits");
    if (hashes.size() != fitness.length || hits.size() != fitness.length) {
      throw new IllegalArgumentException("the FEC arrays differ in length");
    }
    List<FecCache.Entry> entries = new ArrayList<>(fitness.length);
    for (int k = 0; k < fitness.length; k++) {
      entries.add(new FecCache.Entry(hashes.get(k).asLong(), fitness[k], hits.get(k).asInt()));
    }
    return new LoopState(integer(n, "experiment"), longValue(n, "generation"), longValue(n, "individuals"),
        longValue(n, "train_steps"), longValue(n, "fec_hits"), longValue(n, "fec_misses"), islands, partial, entries);
  }

  private static JsonNode array(JsonNode n, String field) {
    JsonNode a = n.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' must be an array");
    }
    return a;
  }

  private static double[] doubles(JsonNode n, String field) {
    JsonNode a = array(n, field);
    double[] out = new double[a.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = JsonDoubles.read(a.get(k), field + "[" + k + "]");
    }
    return out;
  }

  private static long longValue(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' must be an integer, but was " + v);
    }
    return v.asLong();
  }

  private static int integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isInt()) {
      throw new IllegalArgumentException("field '" + field + "' must be an integer, but was " + v);
    }
    return v.asInt();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, but was " + v);
    }
    return v.asText();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
