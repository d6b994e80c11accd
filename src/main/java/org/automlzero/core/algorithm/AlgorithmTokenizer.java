package org.automlzero.core.algorithm;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of the readable format into tokens: identifiers, numbers (digits, a point, an
 * exponent; the sign is a token of its own), the punctuation {@code = + - * / ( ) [ ] , :} and an
 * end token; {@code #} starts a comment. Columns are 1-based.
 */
final class AlgorithmTokenizer {
  private AlgorithmTokenizer() {}

  enum TokenType { IDENT, NUMBER, PUNCT, END }

  record Token(TokenType type, String text, int column) {
    boolean is(String punctuation) {
      return type == TokenType.PUNCT && text.equals(punctuation);
    }

    boolean isIdent(String name) {
      return type == TokenType.IDENT && text.equals(name);
    }

    String describe() {
      return type == TokenType.END ? "end of line" : "'" + text + "'";
    }
  }

  /** The tokens of one line, ending with an END token (errors name line and column). */
  static List<Token> tokenize(String line, int lineNumber) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int end = line.length();
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '#') {
        end = i;
        break;
      }
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(TokenType.IDENT, line.substring(start, i), start + 1));
      } else if (isDigit(c) || (c == '.' && i + 1 < line.length() && isDigit(line.charAt(i + 1)))) {
        int start = i;
        while (i < line.length() && isDigit(line.charAt(i))) {
          i++;
        }
        if (i < line.length() && line.charAt(i) == '.') {
          i++;
          while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
          }
        }
        if (i < line.length() && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
          int j = i + 1;
          if (j < line.length() && (line.charAt(j) == '+' || line.charAt(j) == '-')) {
            j++;
          }
          if (j < line.length() && isDigit(line.charAt(j))) {
            i = j;
            while (i < line.length() && isDigit(line.charAt(i))) {
              i++;
            }
          }
        }
        tokens.add(new Token(TokenType.NUMBER, line.substring(start, i), start + 1));
      } else if ("=+-*/()[],:".indexOf(c) >= 0) {
        tokens.add(new Token(TokenType.PUNCT, String.valueOf(c), i + 1));
        i++;
      } else {
        throw new AlgorithmFormatException(lineNumber, i + 1, "expected an address, a number, a name or one of "
            + "= + - * / ( ) [ ] , :, found '" + c + "'");
      }
    }
    int last = end;
    while (last > 0 && Character.isWhitespace(line.charAt(last - 1))) {
      last--;
    }
    tokens.add(new Token(TokenType.END, "", last + 1));
    return tokens;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
