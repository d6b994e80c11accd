package org.automlzero.core.algorithm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The machine-readable form of an algorithm: op names, addresses and data exactly (numbers are
 * written in their shortest exact decimal; non-finite data and negative zero as the strings
 * {@code "nan"}, {@code "inf"}, {@code "-inf"}, {@code "-0.0"}). Unlike the readable format it
 * keeps every field as stored, also unused ones. Example:
 *
 * <pre>{"format": "automl-zero-algorithm", "version": 1,
 *  "setup": [{"op": "SCALAR_CONST_SET", "in1": 0, "in2": 0, "out": 2, "activation": 0.01,
 *             "d0": 0.0, "d1": 0.0, "d2": 0.0}], "predict": [...], "learn": [...]}</pre>
 *
 * Missing instruction fields read as 0; unknown fields are an error.
 */
public final class AlgorithmJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "automl-zero-algorithm";
  public static final int VERSION = 1;

  private static final Set<String> TOP_FIELDS = Set.of("format", "version", "setup", "predict", "learn");
  private static final Set<String> INSTRUCTION_FIELDS =
      Set.of("op", "in1", "in2", "out", "activation", "d0", "d1", "d2");

  // BigDecimal keeps the decimal text, so floats are rounded once, straight from it.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private AlgorithmJson() {}

  /** The algorithm as pretty-printed JSON text. */
  public static String write(Algorithm algorithm) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      write(algorithm, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString() + "\n";
  }

  /** Writes the algorithm as one JSON object to a generator (to embed it in a larger document). */
  public static void write(Algorithm algorithm, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeNumberField("version", VERSION);
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      json.writeArrayFieldStart(fieldName(type));
      for (Instruction in : algorithm.function(type)) {
        json.writeStartObject();
        json.writeStringField("op", in.op().name());
        json.writeNumberField("in1", in.in1());
        json.writeNumberField("in2", in.in2());
        json.writeNumberField("out", in.out());
        json.writeFieldName("activation");
        number(json, Numbers.formatDouble(in.activation()));
        json.writeFieldName("d0");
        number(json, Numbers.formatFloat(in.d0()));
        json.writeFieldName("d1");
        number(json, Numbers.formatFloat(in.d1()));
        json.writeFieldName("d2");
        number(json, Numbers.formatFloat(in.d2()));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void number(JsonGenerator json, String text) throws IOException {
    // JSON numbers cannot carry these (a decimal -0.0 reads back as 0), so they are strings.
    if (text.endsWith("nan") || text.endsWith("inf") || text.equals("-0.0")) {
      json.writeString(text);
    } else {
      json.writeNumber(text);
    }
  }

  /** Reads an algorithm from JSON text. */
  public static Algorithm read(String text) {
    return read(text, null);
  }

  /** Reads an algorithm from JSON text and, when {@code shape} is not null, checks its addresses. */
  public static Algorithm read(String text, MemoryShape shape) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AlgorithmFormatException("algorithm JSON is malformed: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new AlgorithmFormatException("algorithm JSON is empty: expected an object with setup, predict and learn");
    }
    Algorithm algorithm = fromJsonNode(root);
    if (shape != null) {
      try {
        algorithm.checkAddresses(shape);
      } catch (IllegalArgumentException e) {
        throw new AlgorithmFormatException("algorithm JSON: " + e.getMessage(), e);
      }
    }
    return algorithm;
  }

  /**
   * Reads an algorithm from a JSON tree (for documents that embed one). Parse the document with
   * {@link #mapper()} so that float data is read exactly.
   */
  public static Algorithm fromJsonNode(JsonNode root) {
    if (!root.isObject()) {
      throw new AlgorithmFormatException("algorithm JSON: expected an object with setup, predict and learn, found "
          + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    checkFields(root, TOP_FIELDS, "algorithm JSON");
    JsonNode format = root.get("format");
    if (format != null && !format.asText().equals(FORMAT)) {
      throw new AlgorithmFormatException("algorithm JSON: field 'format' is '" + format.asText() + "', expected '"
          + FORMAT + "'");
    }
    JsonNode version = root.get("version");
    if (version != null && !(version.canConvertToInt() && version.asInt() == VERSION)) {
      throw new AlgorithmFormatException("algorithm JSON: field 'version' is " + version + ", expected " + VERSION);
    }
    List<List<Instruction>> functions = new ArrayList<>();
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      String field = fieldName(type);
      JsonNode array = root.get(field);
      if (array == null || !array.isArray()) {
        throw new AlgorithmFormatException("algorithm JSON: field '" + field + "' must be an array of instructions, "
            + "but was " + (array == null ? "missing" : array.toString()));
      }
      List<Instruction> instructions = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        instructions.add(instruction(array.get(i), field + "[" + i + "]"));
      }
      functions.add(instructions);
    }
    return new Algorithm(functions.get(0), functions.get(1), functions.get(2));
  }

  /** A mapper that keeps decimal text exact (BigDecimal), for reading documents with embedded algorithms. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static Instruction instruction(JsonNode node, String where) {
    String context = "algorithm JSON: " + where;
    if (!node.isObject()) {
      throw new AlgorithmFormatException(context + " must be an object like {\"op\": \"SCALAR_SUM\", \"in1\": 2, "
          + "\"in2\": 3, \"out\": 1}, but was " + node);
    }
    checkFields(node, INSTRUCTION_FIELDS, context);
    JsonNode opNode = node.get("op");
    if (opNode == null || !opNode.isTextual()) {
      throw new AlgorithmFormatException(context + ".op must be an op name like \"SCALAR_SUM\", but was "
          + (opNode == null ? "missing" : opNode.toString()));
    }
    Op op;
    try {
      op = Op.byName(opNode.asText());
    } catch (IllegalArgumentException e) {
      throw new AlgorithmFormatException(context + ".op: " + e.getMessage(), e);
    }
    try {
      return new Instruction(op, address(node, "in1", context), address(node, "in2", context),
          address(node, "out", context), doubleField(node, "activation", context), floatField(node, "d0", context),
          floatField(node, "d1", context), floatField(node, "d2", context));
    } catch (AlgorithmFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new AlgorithmFormatException(context + ": " + e.getMessage(), e);
    }
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String context) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      String name = fields.next().getKey();
      if (!allowed.contains(name)) {
        throw new AlgorithmFormatException(context + ": unknown field '" + name + "', expected one of "
            + allowed.stream().sorted().toList());
      }
    }
  }

  private static int address(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    if (value == null) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw new AlgorithmFormatException(context + "." + field + " must be an address, an integer >= 0, but was "
          + value);
    }
    return value.asInt();
  }

  private static double doubleField(JsonNode node, String field, String context) {
    Double value = Numbers.parseDouble(numberText(node, field, context));
    if (value == null) {
      throw new AlgorithmFormatException(context + "." + field + " must be a number, but was " + node.get(field));
    }
    return value;
  }

  private static float floatField(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    if (value != null && value.isFloat()) {
      return value.floatValue();
    }
    Float parsed = Numbers.parseFloat(numberText(node, field, context));
    if (parsed == null) {
      throw new AlgorithmFormatException(context + "." + field + " must be a number, but was " + value);
    }
    return parsed;
  }

  private static String numberText(JsonNode node, String field, String context) {
    JsonNode value = node.get(field);
    if (value == null) {
      return "0";
    }
    if (value.isNumber()) {
      return value.isBigDecimal() ? value.decimalValue().toString() : value.asText();
    }
    if (value.isTextual() && (Numbers.isSpecial(value.asText()) || value.asText().equals("-0.0"))) {
      return value.asText();
    }
    throw new AlgorithmFormatException(context + "." + field
        + " must be a number (or \"nan\", \"inf\", \"-inf\", \"-0.0\"), but was " + value);
  }

  private static String fieldName(ComponentFunctionType type) {
    return switch (type) {
      case SETUP -> "setup";
      case PREDICT -> "predict";
      case LEARN -> "learn";
    };
  }
}
