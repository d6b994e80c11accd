package org.automlzero.core.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlzero.core.algorithm.AlgorithmTokenizer.Token;
import org.automlzero.core.algorithm.AlgorithmTokenizer.TokenType;

/**
 * The tokens of one line of the readable format and the reading of its words: addresses checked
 * against the memory shape, signed numbers, punctuation, each with an error message that names
 * the line, the column, what was expected and what was found. {@link LineParser} adds the grammar.
 */
class LineCursor {
  record Address(Kind kind, int index, Token token) {}

  /** A signed number as written, and where. */
  record NumberText(String text, Token first) {}

  final int lineNumber;
  private final MemoryShape shape;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  LineCursor(String line, int lineNumber, MemoryShape shape) {
    this.lineNumber = lineNumber;
    this.shape = shape;
    tokens.addAll(AlgorithmTokenizer.tokenize(line, lineNumber));
  }

  boolean isBlank() {
    return tokens.get(0).type() == TokenType.END;
  }

  boolean isHeader() {
    return tokens.get(0).isIdent("def");
  }

  Token peekAt(int index) {
    return tokens.get(Math.min(index, tokens.size() - 1));
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token next() {
    Token token = tokens.get(pos);
    if (token.type() != TokenType.END) {
      pos++;
    }
    return token;
  }

  AlgorithmFormatException error(Token found, String expected) {
    return new AlgorithmFormatException(lineNumber, found.column(), "expected " + expected + ", found "
        + found.describe());
  }

  void expect(String punctuation) {
    Token token = next();
    if (!token.is(punctuation)) {
      throw error(token, "'" + punctuation + "'");
    }
  }

  void expectEnd() {
    Token token = next();
    if (token.type() != TokenType.END) {
      throw error(token, "end of line");
    }
  }

  void requireKind(Address address, Kind kind, String expected) {
    if (address.kind() != kind) {
      throw error(address.token(), expected);
    }
  }

  Address parseAddress(String expected) {
    Token token = next();
    Address address = address(token);
    if (address == null) {
      throw error(token, expected);
    }
    return address;
  }

  /** The address a token spells ({@code s2}, {@code v10}), checked against the shape; null if none. */
  Address address(Token token) {
    if (token.type() != TokenType.IDENT || token.text().length() < 2) {
      return null;
    }
    Kind kind = switch (token.text().charAt(0)) {
      case 's' -> Kind.SCALAR;
      case 'v' -> Kind.VECTOR;
      case 'm' -> Kind.MATRIX;
      default -> Kind.NONE;
    };
    String digits = token.text().substring(1);
    if (kind == Kind.NONE || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    int index;
    try {
      index = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new AlgorithmFormatException(lineNumber, token.column(), "address " + token.text() + " is too large");
    }
    if (shape != null && index >= shape.size(kind)) {
      int size = shape.size(kind);
      String prefix = token.text().substring(0, 1);
      throw new AlgorithmFormatException(lineNumber, token.column(), "address " + token.text()
          + " is out of range: the memory has " + (size == 0 ? "no " + kindName(kind) + " addresses"
              : size + " " + kindName(kind) + " address" + (size == 1 ? "" : "es") + " (" + prefix + "0.."
                  + prefix + (size - 1) + ")"));
    }
    return new Address(kind, index, token);
  }

  boolean startsNumber() {
    Token token = peek();
    if (token.is("-") || token.is("+")) {
      Token after = peekAt(pos + 1);
      return after.type() == TokenType.NUMBER || isSpecial(after);
    }
    return token.type() == TokenType.NUMBER || isSpecial(token);
  }

  /** A non-finite spelling (nan, inf, infinity in any case); identifiers never carry a sign. */
  private static boolean isSpecial(Token token) {
    return token.type() == TokenType.IDENT && Numbers.isSpecial(token.text());
  }

  NumberText parseNumber(String expected) {
    Token first = next();
    String sign = "";
    Token digits = first;
    if (first.is("-") || first.is("+")) {
      sign = first.text();
      digits = next();
    }
    if (!(digits.type() == TokenType.NUMBER || isSpecial(digits))) {
      throw error(digits, expected);
    }
    return new NumberText(sign + digits.text(), first);
  }

  double toDouble(NumberText number) {
    Double value = Numbers.parseDouble(number.text());
    if (value == null) {
      throw error(number.first(), "a number");
    }
    return value;
  }

  float toFloat(NumberText number) {
    Float value = Numbers.parseFloat(number.text());
    if (value == null) {
      throw error(number.first(), "a number");
    }
    return value;
  }

  static String kindName(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static String example(Kind kind) {
    return switch (kind) {
      case SCALAR -> "s2";
      case VECTOR -> "v1";
      case MATRIX -> "m0";
      case NONE -> "";
    };
  }
}
