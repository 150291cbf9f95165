package dev.relplan.iac.terraform;

import static dev.relplan.iac.terraform.FunctionArgs.bad;
import static dev.relplan.iac.terraform.FunctionArgs.fits;
import static dev.relplan.iac.terraform.FunctionArgs.integer;
import static dev.relplan.iac.terraform.FunctionArgs.list;
import static dev.relplan.iac.terraform.FunctionArgs.need;
import static dev.relplan.iac.terraform.FunctionArgs.num;
import static dev.relplan.iac.terraform.FunctionArgs.one;
import static dev.relplan.iac.terraform.FunctionArgs.str;
import static java.util.Map.entry;

import dev.relplan.model.Unknown;
import java.math.BigDecimal;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Terraform's string functions, with {@code basename}, the one filesystem function relplan
 * evaluates.
 */
final class StringFunctions {
  /**
   * Longest input and pattern a regular expression function accepts, and its matching work budget.
   */
  private static final int MAX_REGEX_INPUT = 4096;

  private static final long MAX_REGEX_STEPS = 1_000_000;

  private StringFunctions() {}

  static Map<String, HclFunction> table() {
    return Map.ofEntries(
        entry("format", StringFunctions::format),
        entry("formatlist", StringFunctions::formatlist),
        entry("join", StringFunctions::join),
        entry("split", StringFunctions::split),
        entry("replace", StringFunctions::replace),
        entry("substr", StringFunctions::substr),
        entry("lower", a -> str(one(a)).toLowerCase(Locale.ROOT)),
        entry("upper", a -> str(one(a)).toUpperCase(Locale.ROOT)),
        entry("trimspace", a -> str(one(a)).strip()),
        entry("title", StringFunctions::title),
        entry("strrev", a -> strrev(str(one(a)))),
        entry(
            "startswith",
            a -> {
              need(a, 2, 2);
              return str(a.get(0)).startsWith(str(a.get(1)));
            }),
        entry(
            "endswith",
            a -> {
              need(a, 2, 2);
              return str(a.get(0)).endsWith(str(a.get(1)));
            }),
        entry("regex", a -> regex("regex", a)),
        entry("regexall", a -> regex("regexall", a)),
        entry("basename", StringFunctions::basename));
  }

  private static Object format(List<Object> a) {
    if (a.isEmpty()) return bad("format needs a format string");
    String f = str(a.get(0));
    StringBuilder sb = new StringBuilder();
    int arg = 1;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      fits(sb.length() + 1);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (++i >= f.length()) return bad("format ends with %");
      if (f.charAt(i) == '%') {
        sb.append('%');
        continue;
      }
      StringBuilder spec = new StringBuilder();
      while (i < f.length() && "0123456789.-+ #".indexOf(f.charAt(i)) >= 0)
        spec.append(f.charAt(i++));
      if (spec.length() > 4) return bad("format width too large");
      if (i >= f.length()) return bad("bad format verb");
      char verb = f.charAt(i);
      if (arg >= a.size()) return bad("format: not enough arguments");
      Object v = a.get(arg++);
      if (Evaluator.unknownOf(v) != null) return Evaluator.unknownOf(v);
      Object failure = formatOne(sb, spec.toString(), verb, v);
      if (failure != null) return failure;
    }
    return sb.toString();
  }

  /**
   * Appends one {@code %verb} conversion of {@code v}; returns an error for a verb relplan does not
   * format.
   */
  private static Object formatOne(StringBuilder sb, String spec, char verb, Object v) {
    // The width is at most 4 characters (9999); the value's own text is the rest of the length.
    switch (verb) {
      case 'd', 'f', 'e', 'g' -> {
        BigDecimal n = num(v);
        // A number's digits before the point: 1e999999 is a million of them.
        fits(sb.length() + 10_000L + Math.max(0, (long) n.precision() - n.scale()));
        if (verb == 'd') sb.append(String.format("%" + spec + "d", n.toBigInteger()));
        else sb.append(String.format("%" + spec + verb, n));
      }
      case 's', 'v' -> {
        String s = TfValues.str(v);
        if (s == null) s = TfValues.json(v);
        fits(sb.length() + 10_000L + s.length());
        sb.append(spec.length() == 0 ? s : String.format("%" + spec.replace("0", "") + "s", s));
      }
      case 'q' -> sb.append(TfValues.json(str(v)));
      case 't' -> sb.append(TfValues.bool(v));
      default -> {
        return bad("format verb %" + verb + " is not supported");
      }
    }
    return null;
  }

  /**
   * Terraform's formatlist: {@code format} once per index of the list arguments (which must all be
   * the same length), non-list arguments repeated in every iteration; one iteration when no
   * argument is a list. The total length is checked before any string is built (the spec and the
   * string arguments of every iteration) and again as each is built (widths and numbers).
   */
  private static Object formatlist(List<Object> a) {
    if (a.isEmpty()) return bad("formatlist needs a format string");
    int iterations = -1;
    for (Object v : a.subList(1, a.size())) {
      if (!(v instanceof List<?> l)) continue;
      if (iterations >= 0 && l.size() != iterations)
        return bad("formatlist: the lists are not all the same length");
      iterations = l.size();
    }
    if (iterations < 0) iterations = 1;
    long predicted = (long) str(a.get(0)).length() * iterations;
    for (Object v : a.subList(1, a.size())) {
      if (v instanceof List<?> l) {
        for (Object item : l) if (item instanceof String s) predicted += s.length();
      } else if (v instanceof String s) {
        predicted += (long) s.length() * iterations;
      }
    }
    fits(predicted);
    List<Object> out = new ArrayList<>(iterations);
    long built = 0;
    for (int i = 0; i < iterations; i++) {
      List<Object> args = new ArrayList<>(a.size());
      args.add(a.get(0));
      for (Object v : a.subList(1, a.size())) args.add(v instanceof List<?> l ? l.get(i) : v);
      Object formatted = format(args);
      if (!(formatted instanceof String s)) return formatted;
      built += s.length();
      fits(built);
      out.add(s);
    }
    return out;
  }

  /**
   * Terraform's strrev: the characters in reverse order, a character being a grapheme cluster (as
   * {@link BreakIterator} finds them), so combining marks and surrogate pairs stay whole.
   */
  static String strrev(String s) {
    fits(s.length());
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(s);
    StringBuilder reversed = new StringBuilder(s.length());
    int end = characters.last();
    for (int start = characters.previous();
        start != BreakIterator.DONE;
        end = start, start = characters.previous()) reversed.append(s, start, end);
    return reversed.toString();
  }

  private static Object join(List<Object> a) {
    need(a, 2, 2);
    String sep = TfValues.str(a.get(0));
    List<?> l = list(a.get(1));
    if (sep == null || l == null) return bad("join needs a separator and a list");
    long length = (long) sep.length() * Math.max(0, l.size() - 1);
    for (Object item : l) if (item instanceof String s) length += s.length();
    fits(length);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < l.size(); i++) {
      if (Evaluator.unknownOf(l.get(i)) != null) return Evaluator.unknownOf(l.get(i));
      String s = TfValues.str(l.get(i));
      if (s == null) return bad("join of a non-string");
      if (i > 0) sb.append(sep);
      sb.append(s);
    }
    return sb.toString();
  }

  private static Object split(List<Object> a) {
    need(a, 2, 2);
    String sep = str(a.get(0));
    String s = str(a.get(1));
    List<Object> out = new ArrayList<>();
    if (s.isEmpty()) return out;
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    while (true) {
      int i = s.indexOf(sep, from);
      if (i < 0) {
        out.add(s.substring(from));
        return out;
      }
      out.add(s.substring(from, i));
      from = i + sep.length();
    }
  }

  private static Object replace(List<Object> a) {
    need(a, 3, 3);
    String s = str(a.get(0));
    String what = str(a.get(1));
    if (what.length() > 1 && what.startsWith("/") && what.endsWith("/"))
      return new Unknown("replace with a regular expression is not evaluated");
    String with = str(a.get(2));
    if (!what.isEmpty()
        && with.length() > what.length()
        && (long) s.length() / what.length() * with.length() > Evaluator.MAX_STRING) {
      return bad("replace: result too long");
    }
    return what.isEmpty() ? s : s.replace(what, with);
  }

  private static Object substr(List<Object> a) {
    need(a, 3, 3);
    String s = str(a.get(0));
    int off = integer(a.get(1));
    int len = integer(a.get(2));
    if (off < 0) off = Math.max(0, s.length() + off);
    if (off > s.length()) return bad("substr offset out of range");
    int end = len < 0 ? s.length() : Math.min(s.length(), off + len);
    return s.substring(off, end);
  }

  private static Object title(List<Object> a) {
    String s = str(one(a));
    StringBuilder sb = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c);
    }
    return sb.toString();
  }

  private static Object basename(List<Object> a) {
    String path = str(one(a));
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  // ---- regular expressions ----

  /**
   * {@code regex}/{@code regexall}: matching is bounded so a pathological pattern cannot hang the
   * scan.
   */
  private static Object regex(String name, List<Object> a) {
    need(a, 2, 2);
    String pattern = str(a.get(0));
    String input = str(a.get(1));
    if (pattern.length() > 512 || input.length() > MAX_REGEX_INPUT)
      return new Unknown(name + " on a long input is not evaluated");
    Pattern p;
    try {
      p = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      return bad(name + ": invalid pattern");
    }
    try {
      Matcher m = p.matcher(new Bounded(input, new long[] {MAX_REGEX_STEPS}));
      List<Object> all = new ArrayList<>();
      while (m.find()) {
        all.add(groups(m));
        if (name.equals("regex") || all.size() > 1000) break;
      }
      if (name.equals("regex")) return all.isEmpty() ? bad("regex: no match") : all.get(0);
      return all;
    } catch (Budget e) {
      return new Unknown(name + " needs too much work to evaluate");
    }
  }

  private static Object groups(Matcher m) {
    if (m.groupCount() == 0) return m.group();
    List<Object> out = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) out.add(m.group(i));
    return out;
  }

  private static final class Budget extends RuntimeException {
    Budget() {
      super(null, null, false, false);
    }
  }

  /** A character sequence that stops matching after a fixed number of character reads. */
  private record Bounded(CharSequence s, long[] left) implements CharSequence {
    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int i) {
      if (--left[0] < 0) throw new Budget();
      return s.charAt(i);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Bounded(s.subSequence(start, end), left);
    }

    @Override
    public String toString() {
      return s.toString();
    }
  }
}
