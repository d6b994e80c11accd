package org.automlzero.core.algorithm;

import org.automlzero.core.algorithm.AlgorithmTokenizer.Token;
import org.automlzero.core.algorithm.AlgorithmTokenizer.TokenType;

/**
 * The grammar of one line of the readable format: a header or an instruction (see
 * {@link AlgorithmParser}); which op an instruction spells comes from the op table.
 */
final class LineParser extends LineCursor {
  /** The function names of the format, from the op table. */
  private static final String FUNCTIONS = String.join(", ", Op.functionNames());

  LineParser(String line, int lineNumber, MemoryShape shape) {
    super(line, lineNumber, shape);
  }

  void parseHeader(ComponentFunctionType expectedType) {
    next(); // def
    Token name = next();
    boolean known = false;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      known |= name.isIdent(type.printedName());
    }
    if (!name.isIdent(expectedType.printedName())) {
      throw error(name, known
          ? "'" + expectedType.printedName() + "' (functions come in the order Setup, Predict, Learn, each once)"
          : "a component function name Setup, Predict or Learn");
    }
    expect("(");
    expect(")");
    expect(":");
    expectEnd();
  }

  Instruction parseInstruction() {
    Token first = peek();
    if (first.isIdent("NoOp")) {
      next();
      expect("(");
      expect(")");
      expectEnd();
      return Instruction.NO_OP;
    }
    if (address(first) == null) {
      throw error(first, "an instruction like 's3 = s1 + s2' or 'NoOp()'");
    }
    Address out = parseAddress("an output address like s2");
    if (peek().is("[")) {
      return parseEntrySet(out);
    }
    expect("=");
    Token start = peek();
    if (startsNumber()) {
      NumberText number = parseNumber("a number");
      if (peek().is("/")) {
        return parseReciprocal(out, number);
      }
      expectEnd();
      if (out.kind() != Kind.SCALAR) {
        throw error(out.token(), "a scalar address like s2 before '= " + number.text() + "' (a constant sets a "
            + "scalar; write " + out.token().text() + (out.kind() == Kind.VECTOR ? "[index]" : "[row, column]")
            + " = value to set one entry)");
      }
      return Instruction.constant(out.index(), toDouble(number));
    }
    if (address(start) != null) {
      return parseBinary(out);
    }
    if (start.type() == TokenType.IDENT) {
      return parseCall(out);
    }
    throw error(start, "an expression: a number, an address, '1 / x' or a function call like dot(v0, v1)");
  }

  private Instruction parseEntrySet(Address out) {
    Token bracket = next();
    if (out.kind() == Kind.SCALAR) {
      throw error(bracket, "'=' (only vector and matrix addresses take an index like v1[0.5])");
    }
    if (out.kind() == Kind.VECTOR) {
      float index = toFloat(parseNumber("the index fraction of a vector entry, like v1[0.25]"));
      expect("]");
      expect("=");
      float value = toFloat(parseNumber("a number"));
      expectEnd();
      return result(Instruction.withData(Op.VECTOR_CONST_SET, out.index(), index, value, 0f), out);
    }
    float row = toFloat(parseNumber("the row fraction of a matrix entry, like m0[0.25, 0.5]"));
    expect(",");
    float column = toFloat(parseNumber("the column fraction of a matrix entry, like m0[0.25, 0.5]"));
    expect("]");
    expect("=");
    float value = toFloat(parseNumber("a number"));
    expectEnd();
    return result(Instruction.withData(Op.MATRIX_CONST_SET, out.index(), row, column, value), out);
  }

  private Instruction parseReciprocal(Address out, NumberText number) {
    if (!number.text().equals("1") && !number.text().equals("1.0")) {
      throw error(number.first(), "1 in a reciprocal '1 / x' (no other constant can divide)");
    }
    next(); // '/'
    Address a = parseAddress("a scalar, vector or matrix address like s2");
    expectEnd();
    return result(Instruction.of(op("1 / " + letter(a)), a.index(), 0, out.index()), out);
  }

  private Instruction parseBinary(Address out) {
    Address a = parseAddress("an address");
    Token operator = next();
    if (!(operator.is("+") || operator.is("-") || operator.is("*") || operator.is("/"))) {
      throw error(operator, "an operator + - * / after '" + a.token().text() + "' (copying is not an op)");
    }
    String sign = operator.text();
    Address b;
    Op op;
    if (sign.equals("*") && a.kind() == Kind.SCALAR) {
      b = parseAddress("a scalar, vector or matrix address like s2");
      op = op(letter(a) + " * " + letter(b));
    } else if (sign.equals("*")) {
      String kind = kindName(a.kind());
      b = parseAddress("a " + kind + " or scalar address like " + example(a.kind()));
      if (b.kind() == Kind.SCALAR) {
        // v2 = v0 * s4: the seed README's order for a scalar-vector product.
        Op scaled = op(letter(b) + " * " + letter(a));
        expectEnd();
        return result(Instruction.of(scaled, b.index(), a.index(), out.index()), out);
      }
      requireKind(b, a.kind(), "a " + kind + " or scalar address like " + example(a.kind()));
      op = op(letter(a) + " * " + letter(b));
    } else {
      String expected = "a " + kindName(a.kind()) + " address like " + example(a.kind()) + " ('" + sign
          + "' needs two addresses of the same kind)";
      b = parseAddress(expected);
      requireKind(b, a.kind(), expected);
      op = op(letter(a) + " " + sign + " " + letter(b));
    }
    expectEnd();
    return result(Instruction.of(op, a.index(), b.index(), out.index()), out);
  }

  private Instruction parseCall(Address out) {
    Token name = next();
    String function = name.text();
    if (!Op.functionNames().contains(function)) {
      throw error(name, "a function name (" + FUNCTIONS + ")");
    }
    expect("(");
    Instruction instruction = switch (function) {
      case "abs" -> {
        Address a = parseAddress("a scalar, vector or matrix address like s2");
        yield Instruction.of(op("abs(" + letter(a) + ")"), a.index(), 0, out.index());
      }
      case "heaviside" -> {
        Address a = parseAddress("a scalar, vector or matrix address like s2");
        if (peek().is(",")) {
          next();
          NumberText one = parseNumber("1.0, the value at 0 (the only one the ops support)");
          if (toDouble(one) != 1.0) {
            throw error(one.first(), "1.0, the value at 0 (the only one the ops support)");
          }
        }
        yield Instruction.of(op("heaviside(" + letter(a) + ", 1.0)"), a.index(), 0, out.index());
      }
      case "minimum", "maximum" -> {
        Address a = parseAddress("a scalar, vector or matrix address like s2");
        expect(",");
        String expected = "a " + kindName(a.kind()) + " address like " + example(a.kind())
            + " (" + function + " needs two addresses of the same kind)";
        Address b = parseAddress(expected);
        requireKind(b, a.kind(), expected);
        yield Instruction.of(op(function + "(" + letter(a) + ", " + letter(b) + ")"), a.index(), b.index(),
            out.index());
      }
      case "bcast" -> {
        Address a = parseAddress("a scalar or vector address like s2");
        if (a.kind() == Kind.SCALAR) {
          yield Instruction.of(op("bcast(s)"), a.index(), 0, out.index());
        }
        requireKind(a, Kind.VECTOR, "a scalar or vector address like s2 (bcast takes no matrix)");
        expect(",");
        int axis = parseAxis(true);
        yield Instruction.of(op("bcast(v, axis=" + axis + ")"), a.index(), 0, out.index());
      }
      case "dot" -> {
        Address a = parseAddress("a vector or matrix address like v1");
        if (a.kind() == Kind.SCALAR) {
          throw error(a.token(), "a vector or matrix address like v1 (dot takes no scalar)");
        }
        expect(",");
        String expected = "a vector address like v0 (the second argument of dot is a vector)";
        Address b = parseAddress(expected);
        requireKind(b, Kind.VECTOR, expected);
        yield Instruction.of(op("dot(" + letter(a) + ", v)"), a.index(), b.index(), out.index());
      }
      case "outer", "matmul" -> {
        Kind kind = function.equals("outer") ? Kind.VECTOR : Kind.MATRIX;
        String expected = "a " + kindName(kind) + " address like " + example(kind) + " (" + function + " takes two)";
        Address a = parseAddress(expected);
        requireKind(a, kind, expected);
        expect(",");
        Address b = parseAddress(expected);
        requireKind(b, kind, expected);
        yield Instruction.of(op(function + "(" + letter(a) + ", " + letter(b) + ")"), a.index(), b.index(),
            out.index());
      }
      case "transpose" -> {
        String expected = "a matrix address like m1 (transpose takes a matrix)";
        Address a = parseAddress(expected);
        requireKind(a, Kind.MATRIX, expected);
        yield Instruction.of(op("transpose(m)"), a.index(), 0, out.index());
      }
      case "norm", "mean", "std" -> {
        Address a = parseAddress("a vector or matrix address like v1");
        if (a.kind() == Kind.SCALAR) {
          throw error(a.token(), "a vector or matrix address like v1 (" + function + " takes no scalar)");
        }
        if (a.kind() == Kind.VECTOR || !peek().is(",")) {
          yield Instruction.of(op(function + "(" + letter(a) + ")"), a.index(), 0, out.index());
        }
        next(); // ','
        int axis = parseAxis(function.equals("norm"));
        yield Instruction.of(op(function + "(m, axis=" + axis + ")"), a.index(), 0, out.index());
      }
      case "gaussian", "uniform" -> parseRandomSet(function, out);
      default -> {
        // A scalar function (sin, exp, ...): the table spells it name(s) and nothing else.
        String expected = "a scalar address like s2 (" + function + " takes a scalar)";
        Address a = parseAddress(expected);
        requireKind(a, Kind.SCALAR, expected);
        yield Instruction.of(op(function + "(s)"), a.index(), 0, out.index());
      }
    };
    expect(")");
    expectEnd();
    return result(instruction, out);
  }

  /** gaussian(mean, stdev[, shape]) and uniform(low, high[, shape]); the op follows the output. */
  private Instruction parseRandomSet(String function, Address out) {
    float d0 = toFloat(parseNumber(function.equals("gaussian") ? "the mean, a number" : "the low bound, a number"));
    expect(",");
    float d1 = toFloat(parseNumber(function.equals("gaussian") ? "the standard deviation, a number"
        : "the high bound, a number"));
    String shapeText = switch (out.kind()) {
      case SCALAR -> "')' (a scalar " + function + " takes no shape)";
      case VECTOR -> "n_features";
      case MATRIX -> "(n_features, n_features)";
      case NONE -> throw new IllegalStateException("an address always has a kind");
    };
    if (peek().is(",")) {
      next();
      Token token = peek();
      boolean ok = switch (out.kind()) {
        case SCALAR -> false;
        case VECTOR -> token.isIdent("n_features");
        case MATRIX -> token.is("(");
        case NONE -> false;
      };
      if (!ok) {
        throw error(token, out.kind() == Kind.SCALAR ? shapeText
            : "the shape " + shapeText + " of the output " + out.token().text());
      }
      next();
      if (out.kind() == Kind.MATRIX) {
        for (String part : new String[] {"n_features", ",", "n_features", ")"}) {
          Token t = next();
          if (!(t.isIdent(part) || t.is(part))) {
            throw error(t, "'" + part + "' in the shape (n_features, n_features)");
          }
        }
      }
    }
    String shape = switch (out.kind()) {
      case SCALAR, NONE -> "";
      case VECTOR -> ", n_features";
      case MATRIX -> ", (n_features, n_features)";
    };
    return Instruction.withData(op(function + "({d0}, {d1}" + shape + ")"), out.index(), d0, d1, 0f);
  }

  /** {@code axis=0} or {@code axis=1} (only 1 when {@code columnsToo} is false). */
  private int parseAxis(boolean columnsToo) {
    String expected = columnsToo ? "axis=0 or axis=1" : "axis=1 (only row means and deviations are ops)";
    Token name = next();
    if (!name.isIdent("axis")) {
      throw error(name, expected);
    }
    expect("=");
    Token value = next();
    if (value.type() == TokenType.NUMBER && value.text().equals("1")) {
      return 1;
    }
    if (columnsToo && value.type() == TokenType.NUMBER && value.text().equals("0")) {
      return 0;
    }
    throw error(value, expected);
  }

  /** The op the table spells so; every form the grammar accepts is one. */
  private static Op op(String signature) {
    Op op = Op.bySignature(signature);
    if (op == null) {
      throw new IllegalStateException("the grammar accepted " + signature + ", which no op in the table spells");
    }
    return op;
  }

  private static String letter(Address address) {
    return Op.letter(address.kind());
  }

  /** Checks that the op writes the kind of the output address. */
  private Instruction result(Instruction instruction, Address out) {
    Kind kind = instruction.op().out();
    if (kind != out.kind()) {
      String printed = AlgorithmPrinter.print(instruction);
      String spelling = printed.substring(printed.indexOf(" = ") + 3);
      throw new AlgorithmFormatException(lineNumber, out.token().column(), spelling + " gives a " + kindName(kind)
          + ": expected a " + kindName(kind) + " output address like " + example(kind) + ", found '"
          + out.token().text() + "'");
    }
    return instruction;
  }

}
