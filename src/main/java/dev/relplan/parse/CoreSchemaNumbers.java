package dev.relplan.parse;

/**
 * The plain scalars the YAML 1.2 core schema resolves as numbers
 * (https://yaml.org/spec/1.2.2/#1032-tag-resolution): decimal integers and floats with an optional
 * sign and exponent, {@code 0o} octal, {@code 0x} hexadecimal, {@code .inf} and {@code .nan}.
 * Checked character by character rather than with a regular expression: it runs for every plain
 * scalar of every YAML file, and under the fuzzer regular-expression matching was 41% of the YAML
 * loader's time (docs/fuzzing.md).
 */
final class CoreSchemaNumbers {
  private CoreSchemaNumbers() {}

  /** Whether the plain scalar is a core-schema integer or float. */
  static boolean isNumber(String plain) {
    int length = plain.length();
    if (length > 2 && plain.charAt(0) == '0' && plain.charAt(1) == 'o') {
      return allDigits(plain, 2, 8);
    }
    if (length > 2 && plain.charAt(0) == '0' && plain.charAt(1) == 'x') {
      return allDigits(plain, 2, 16);
    }
    boolean signed = length > 0 && (plain.charAt(0) == '+' || plain.charAt(0) == '-');
    int start = signed ? 1 : 0;
    if (length - start == 4 && plain.charAt(start) == '.') {
      String name = plain.substring(start);
      if (name.equals(".inf") || name.equals(".Inf") || name.equals(".INF")) return true;
      if (!signed && (name.equals(".nan") || name.equals(".NaN") || name.equals(".NAN"))) {
        return true;
      }
    }
    return isDecimal(plain, start);
  }

  /** Digits, a fraction and an exponent: {@code 12}, {@code 1.}, {@code .5}, {@code 1.5e-3}. */
  private static boolean isDecimal(String plain, int start) {
    int length = plain.length();
    int afterInteger = skipDigits(plain, start);
    int position = afterInteger;
    if (position < length && plain.charAt(position) == '.') {
      int afterFraction = skipDigits(plain, position + 1);
      // ".5" needs fraction digits; "1." does not
      if (afterInteger == start && afterFraction == position + 1) return false;
      position = afterFraction;
    } else if (afterInteger == start) {
      return false;
    }
    if (position < length && (plain.charAt(position) == 'e' || plain.charAt(position) == 'E')) {
      position++;
      if (position < length && (plain.charAt(position) == '+' || plain.charAt(position) == '-')) {
        position++;
      }
      int afterExponent = skipDigits(plain, position);
      if (afterExponent == position) return false;
      position = afterExponent;
    }
    return position == length;
  }

  private static int skipDigits(String plain, int from) {
    int position = from;
    while (position < plain.length() && isDigit(plain.charAt(position), 10)) position++;
    return position;
  }

  private static boolean allDigits(String plain, int from, int radix) {
    for (int i = from; i < plain.length(); i++) {
      if (!isDigit(plain.charAt(i), radix)) return false;
    }
    return from < plain.length();
  }

  /** ASCII digits only, as the schema's {@code [0-9]}, {@code [0-7]} and {@code [0-9a-fA-F]}. */
  private static boolean isDigit(char c, int radix) {
    if (radix == 8) return c >= '0' && c <= '7';
    if (c >= '0' && c <= '9') return true;
    return radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  }
}
