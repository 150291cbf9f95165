package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.iac.terraform.TfValues.Err;
import dev.relplan.model.Unknown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Terraform's commonly used built-in functions; any other function evaluates to unknown. */
final class Functions {
  /** Functions whose arguments may hold values known only after apply: they pass them through. */
  private static final Set<String> PASS_THROUGH = Set.of("jsonencode", "merge", "concat", "tolist", "toset", "tomap", "element",
      "lookup", "coalesce", "coalescelist", "flatten", "compact", "distinct", "slice", "values", "keys", "length", "one", "zipmap",
      "reverse", "contains");
  private static final int MAX_ITEMS = 100_000;

  private final Evaluator evaluator;

  Functions(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  Evaluated call(String name, List<Evaluated> args) {
    Evaluated all = Evaluated.combine(null, args);
    if (args.size() == 2 && name.equals("element") && dev.relplan.model.Zones.isZoneList(args.get(0).value())
        && TfValues.number(args.get(1).value()) != null && TfValues.number(args.get(1).value()).intValue() >= 0) {
      return all.with(dev.relplan.model.Zones.zone(args.get(0).value(), TfValues.number(args.get(1).value()).intValue()));
    }
    if (name.equals("slice") && args.size() == 3 && dev.relplan.model.Zones.isZoneList(args.get(0).value())) {
      BigDecimal from = TfValues.number(args.get(1).value());
      BigDecimal to = TfValues.number(args.get(2).value());
      if (from != null && to != null && from.intValue() >= 0 && to.intValue() - from.intValue() >= 0 && to.intValue() - from.intValue() <= 1000) {
        List<Object> out = new ArrayList<>();
        for (int i = from.intValue(); i < to.intValue(); i++) out.add(dev.relplan.model.Zones.zone(args.get(0).value(), i));
        return all.with(out);
      }
    }
    if (name.equals("slice") && args.size() == 3 && TfValues.isUnknown(args.get(0).value())) {
      // slice(<list read from the cloud>, 0, 3): a successful plan has that many elements, each unknown.
      BigDecimal from = TfValues.number(args.get(1).value());
      BigDecimal to = TfValues.number(args.get(2).value());
      if (from != null && to != null && to.intValue() - from.intValue() >= 0 && to.intValue() - from.intValue() <= 1000) {
        List<Object> out = new ArrayList<>();
        for (int i = from.intValue(); i < to.intValue(); i++) out.add(args.get(0).value());
        return all.with(out);
      }
    }
    for (Evaluated a : args) {
      Object v = a.value();
      if (TfValues.isUnknown(v)) return all.with(v);
      if (!PASS_THROUGH.contains(name) && Evaluator.unknownOf(v) != null) return all.with(Evaluator.unknownOf(v));
    }
    try {
      for (Evaluated a : args) {
        if (a.value() instanceof List<?> l) evaluator.charge(l.size());
        else if (a.value() instanceof Map<?, ?> mp) evaluator.charge(mp.size());
      }
      if (evaluator.exhausted()) return all.with(new Err("evaluation budget exhausted (the configuration computes too much)"));
      Object out = apply(name, args.stream().map(Evaluated::value).toList(), all);
      if (out instanceof List<?> l) evaluator.charge(l.size());
      if (out instanceof String str && str.length() > Evaluator.MAX_STRING) out = new Err(name + "(): result too long");
      return all.with(out);
    } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
      return all.with(new Err(name + "(): " + e.getMessage()));
    }
  }

  @SuppressWarnings("unchecked")
  private Object apply(String name, List<Object> a, Evaluated all) {
    switch (name) {
      case "lookup": {
        need(a, 2, 3);
        if (!(a.get(0) instanceof Map<?, ?> m)) return bad("lookup needs a map");
        String k = TfValues.str(a.get(1));
        if (m.containsKey(k)) return m.get(k);
        return a.size() == 3 ? a.get(2) : new Err("lookup: no key " + k);
      }
      case "merge": {
        Map<String, Object> out = new TreeMap<>();
        for (Object o : a) {
          if (o == null) continue;
          if (!(o instanceof Map<?, ?> m)) return unknownIfRef(o, "merge needs maps");
          m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
      }
      case "concat": {
        List<Object> out = new ArrayList<>();
        for (Object o : a) {
          if (!(o instanceof List<?> l)) return unknownIfRef(o, "concat needs lists");
          out.addAll(l);
          if (out.size() > MAX_ITEMS) return bad("list too long");
        }
        return out;
      }
      case "length": {
        need(a, 1, 1);
        Object o = a.get(0);
        if (o instanceof List<?> l) return BigDecimal.valueOf(l.size());
        if (o instanceof Map<?, ?> m) return BigDecimal.valueOf(m.size());
        if (o instanceof String s) return BigDecimal.valueOf(s.codePointCount(0, s.length()));
        return unknownIfRef(o, "length of a " + TfValues.typeName(o));
      }
      case "element": {
        need(a, 2, 2);
        List<?> l = list(a.get(0));
        if (l == null) return unknownIfRef(a.get(0), "element needs a list");
        if (l.isEmpty()) return bad("element of an empty list");
        int i = integer(a.get(1));
        return l.get(Math.floorMod(i, l.size()));
      }
      case "coalesce": {
        for (Object o : a) {
          if (Evaluator.unknownOf(o) != null) return Evaluator.unknownOf(o);
          if (o != null && !"".equals(o)) return o;
        }
        return bad("coalesce: no non-null argument");
      }
      case "coalescelist": {
        for (Object o : a) if (o instanceof List<?> l && !l.isEmpty()) return o;
        return List.of();
      }
      case "toset": {
        need(a, 1, 1);
        List<?> l = list(a.get(0));
        if (l == null) return unknownIfRef(a.get(0), "toset needs a list");
        List<Object> out = new ArrayList<>();
        for (Object o : l) if (out.stream().noneMatch(x -> TfValues.equal(x, o))) out.add(o);
        if (out.stream().allMatch(x -> x instanceof String)) out.sort((x, y) -> ((String) x).compareTo((String) y));
        return out;
      }
      case "tolist": {
        need(a, 1, 1);
        List<?> l = list(a.get(0));
        return l == null ? unknownIfRef(a.get(0), "tolist needs a list") : new ArrayList<>(l);
      }
      case "tomap": {
        need(a, 1, 1);
        return a.get(0) instanceof Map ? a.get(0) : unknownIfRef(a.get(0), "tomap needs an object");
      }
      case "tostring": {
        need(a, 1, 1);
        if (a.get(0) == null) return null;
        String s = TfValues.str(a.get(0));
        return s == null ? bad("tostring of a " + TfValues.typeName(a.get(0))) : s;
      }
      case "tonumber": {
        need(a, 1, 1);
        if (a.get(0) == null) return null;
        BigDecimal d = TfValues.number(a.get(0));
        return d == null ? bad("tonumber of " + a.get(0)) : d;
      }
      case "tobool": {
        need(a, 1, 1);
        if (a.get(0) == null) return null;
        Boolean b = TfValues.bool(a.get(0));
        return b == null ? bad("tobool of " + a.get(0)) : b;
      }
      case "contains": {
        need(a, 2, 2);
        List<?> l = list(a.get(0));
        if (l == null) return unknownIfRef(a.get(0), "contains needs a list");
        if (Evaluator.unknownOf(a.get(1)) != null) return Evaluator.unknownOf(a.get(1));
        for (Object o : l) {
          if (TfValues.equal(o, a.get(1))) return true;
          if (Evaluator.unknownOf(o) != null) return Evaluator.unknownOf(o);
        }
        return false;
      }
      case "keys": {
        need(a, 1, 1);
        if (!(a.get(0) instanceof Map<?, ?> m)) return unknownIfRef(a.get(0), "keys needs a map");
        return new ArrayList<>(new TreeMap<>((Map<String, Object>) m).keySet());
      }
      case "values": {
        need(a, 1, 1);
        if (!(a.get(0) instanceof Map<?, ?> m)) return unknownIfRef(a.get(0), "values needs a map");
        return new ArrayList<>(new TreeMap<>((Map<String, Object>) m).values());
      }
      case "zipmap": {
        need(a, 2, 2);
        List<?> k = list(a.get(0));
        List<?> v = list(a.get(1));
        if (k == null || v == null) return bad("zipmap needs lists");
        if (k.size() != v.size()) return bad("zipmap lists differ in length");
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < k.size(); i++) {
          String key = TfValues.str(k.get(i));
          if (key == null) return unknownIfRef(k.get(i), "zipmap key is not a string");
          out.put(key, v.get(i));
        }
        return out;
      }
      case "range": {
        need(a, 1, 3);
        BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : num(a.get(0));
        BigDecimal end = num(a.get(a.size() == 1 ? 0 : 1));
        BigDecimal step = a.size() == 3 ? num(a.get(2)) : start.compareTo(end) <= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
        if (step.signum() == 0) return bad("range step is zero");
        List<Object> out = new ArrayList<>();
        for (BigDecimal x = start; step.signum() > 0 ? x.compareTo(end) < 0 : x.compareTo(end) > 0; x = x.add(step)) {
          out.add(x);
          if (out.size() > 1024) return bad("range too long");
        }
        return out;
      }
      case "format":
        return format(a);
      case "formatlist":
        return new Unknown("formatlist is not supported");
      case "join": {
        need(a, 2, 2);
        String sep = TfValues.str(a.get(0));
        List<?> l = list(a.get(1));
        if (sep == null || l == null) return bad("join needs a separator and a list");
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
      case "split": {
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
      case "min":
      case "max": {
        if (a.isEmpty()) return bad(name + " needs arguments");
        BigDecimal best = null;
        for (Object o : a) {
          BigDecimal d = num(o);
          if (best == null || (name.equals("min") ? d.compareTo(best) < 0 : d.compareTo(best) > 0)) best = d;
        }
        return best;
      }
      case "slice": {
        need(a, 3, 3);
        List<?> l = list(a.get(0));
        if (l == null) return unknownIfRef(a.get(0), "slice needs a list");
        int from = integer(a.get(1));
        int to = integer(a.get(2));
        if (from < 0 || to > l.size() || from > to) return bad("slice bounds out of range");
        return new ArrayList<>(l.subList(from, to));
      }
      case "distinct": {
        need(a, 1, 1);
        List<?> l = list(a.get(0));
        if (l == null) return unknownIfRef(a.get(0), "distinct needs a list");
        List<Object> out = new ArrayList<>();
        for (Object o : l) if (out.stream().noneMatch(x -> TfValues.equal(x, o))) out.add(o);
        return out;
      }
      case "flatten": {
        need(a, 1, 1);
        List<Object> out = new ArrayList<>();
        if (!(a.get(0) instanceof List<?> l)) return unknownIfRef(a.get(0), "flatten needs a list");
        flatten(l, out, 0);
        return out;
      }
      case "compact": {
        need(a, 1, 1);
        List<?> l = list(a.get(0));
        if (l == null) return unknownIfRef(a.get(0), "compact needs a list");
        List<Object> out = new ArrayList<>();
        for (Object o : l) if (o != null && !"".equals(o)) out.add(o);
        return out;
      }
      case "jsonencode": {
        need(a, 1, 1);
        Object v = a.get(0);
        return TfValues.notRenderable(v, 0) ? new TfValues.JsonText(v) : TfValues.json(v);
      }
      case "jsondecode": {
        need(a, 1, 1);
        if (a.get(0) instanceof TfValues.JsonText j) return j.structure();
        try {
          return TfValues.fromNode(dev.relplan.parse.JsonLoader.load("jsondecode", str(a.get(0))), 0);
        } catch (dev.relplan.parse.ParseException e) {
          return bad("jsondecode: invalid JSON");
        }
      }
      case "cidrsubnet":
        return cidrsubnet(a);
      case "replace": {
        need(a, 3, 3);
        String s = str(a.get(0));
        String what = str(a.get(1));
        if (what.length() > 1 && what.startsWith("/") && what.endsWith("/")) return new Unknown("replace with a regular expression is not evaluated");
        String with = str(a.get(2));
        if (!what.isEmpty() && with.length() > what.length() && (long) s.length() / what.length() * with.length() > Evaluator.MAX_STRING) {
          return bad("replace: result too long");
        }
        return what.isEmpty() ? s : s.replace(what, with);
      }
      case "lower":
        return str(one(a)).toLowerCase(Locale.ROOT);
      case "upper":
        return str(one(a)).toUpperCase(Locale.ROOT);
      case "trimspace":
        return str(one(a)).strip();
      case "title": {
        String s = str(one(a));
        StringBuilder sb = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
          sb.append(start ? Character.toUpperCase(c) : c);
          start = !Character.isLetterOrDigit(c);
        }
        return sb.toString();
      }
      case "startswith":
        need(a, 2, 2);
        return str(a.get(0)).startsWith(str(a.get(1)));
      case "endswith":
        need(a, 2, 2);
        return str(a.get(0)).endsWith(str(a.get(1)));
      case "substr": {
        need(a, 3, 3);
        String s = str(a.get(0));
        int off = integer(a.get(1));
        int len = integer(a.get(2));
        if (off < 0) off = Math.max(0, s.length() + off);
        if (off > s.length()) return bad("substr offset out of range");
        int end = len < 0 ? s.length() : Math.min(s.length(), off + len);
        return s.substring(off, end);
      }
      case "abs":
        return num(one(a)).abs();
      case "ceil":
        return num(one(a)).setScale(0, RoundingMode.CEILING);
      case "floor":
        return num(one(a)).setScale(0, RoundingMode.FLOOR);
      case "one": {
        List<?> l = list(one(a));
        if (l == null) return unknownIfRef(a.get(0), "one needs a list");
        if (l.size() > 1) return bad("one: more than one element");
        return l.isEmpty() ? null : l.get(0);
      }
      case "reverse": {
        List<?> l = list(one(a));
        if (l == null) return bad("reverse needs a list");
        List<Object> out = new ArrayList<>(l);
        java.util.Collections.reverse(out);
        return out;
      }
      case "sort": {
        List<?> l = list(one(a));
        if (l == null) return bad("sort needs a list");
        List<String> out = new ArrayList<>();
        for (Object o : l) out.add(str(o));
        out.sort(null);
        return new ArrayList<Object>(out);
      }
      case "index": {
        need(a, 2, 2);
        List<?> l = list(a.get(0));
        if (l == null) return bad("index needs a list");
        for (int i = 0; i < l.size(); i++) if (TfValues.equal(l.get(i), a.get(1))) return BigDecimal.valueOf(i);
        return bad("index: element not found");
      }
      case "setunion": {
        Set<Object> out = new LinkedHashSet<>();
        for (Object o : a) {
          List<?> l = list(o);
          if (l == null) return bad("setunion needs sets");
          out.addAll(l);
        }
        return new ArrayList<>(out);
      }
      case "regex":
      case "regexall":
        return regex(name, a);
      case "basename": {
        String path = str(one(a));
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
      }
      case "sum": {
        List<?> l = list(one(a));
        if (l == null) return bad("sum needs a list");
        BigDecimal total = BigDecimal.ZERO;
        for (Object o : l) total = total.add(num(o));
        return total;
      }
      case "cidrhost": {
        need(a, 2, 2);
        Object sub = cidrsubnet(List.of(a.get(0), BigDecimal.ZERO, BigDecimal.ZERO));
        if (!(sub instanceof String net)) return sub;
        String[] o = net.substring(0, net.indexOf('/')).split("\\.");
        long addr = 0;
        for (String x : o) addr = (addr << 8) | Integer.parseInt(x);
        addr += num(a.get(1)).longValueExact();
        return ((addr >> 24) & 0xff) + "." + ((addr >> 16) & 0xff) + "." + ((addr >> 8) & 0xff) + "." + (addr & 0xff);
      }
      case "cidrsubnets": {
        if (a.isEmpty()) return bad("cidrsubnets needs a prefix");
        String prefix = str(a.get(0));
        int slash = prefix.indexOf('/');
        if (slash < 0 || prefix.contains(":")) return new Unknown("cidrsubnets of " + prefix + " is not evaluated");
        int len = Integer.parseInt(prefix.substring(slash + 1));
        // Allocate consecutive blocks, each aligned to its own size, as Terraform does.
        long next = 0;
        List<Object> out = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
          int bits = integer(a.get(i));
          long size = 1L << (32 - len - bits);
          long unit = 1L << (32 - len - bits);
          next = (next + unit - 1) / unit * unit;
          Object sub = cidrsubnet(List.of(prefix, BigDecimal.valueOf(bits), BigDecimal.valueOf(next / size)));
          if (!(sub instanceof String)) return sub;
          out.add(sub);
          next += size;
        }
        return out;
      }
      case "base64encode":
        return java.util.Base64.getEncoder().encodeToString(str(one(a)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      case "sensitive":
      case "nonsensitive":
        return one(a);
      default:
        return new Unknown("function " + name + "() is not evaluated by relplan");
    }
  }

  /** Longest input and pattern a regular expression function accepts, and its matching work budget. */
  private static final int MAX_REGEX_INPUT = 4096;
  private static final long MAX_REGEX_STEPS = 1_000_000;

  /** {@code regex}/{@code regexall}: matching is bounded so a pathological pattern cannot hang the scan. */
  private static Object regex(String name, List<Object> a) {
    need(a, 2, 2);
    String pattern = str(a.get(0));
    String input = str(a.get(1));
    if (pattern.length() > 512 || input.length() > MAX_REGEX_INPUT) return new Unknown(name + " on a long input is not evaluated");
    java.util.regex.Pattern p;
    try {
      p = java.util.regex.Pattern.compile(pattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      return bad(name + ": invalid pattern");
    }
    try {
      java.util.regex.Matcher m = p.matcher(new Bounded(input, new long[] {MAX_REGEX_STEPS}));
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

  private static Object groups(java.util.regex.Matcher m) {
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

  private static void flatten(List<?> l, List<Object> out, int depth) {
    if (depth > 32) throw new IllegalArgumentException("flatten nested too deeply");
    for (Object o : l) {
      if (o instanceof List<?> inner) flatten(inner, out, depth + 1);
      else out.add(o);
      if (out.size() > MAX_ITEMS) throw new IllegalArgumentException("list too long");
    }
  }

  private static Object format(List<Object> a) {
    if (a.isEmpty()) return bad("format needs a format string");
    String f = str(a.get(0));
    StringBuilder sb = new StringBuilder();
    int arg = 1;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
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
      while (i < f.length() && "0123456789.-+ #".indexOf(f.charAt(i)) >= 0) spec.append(f.charAt(i++));
      if (spec.length() > 4) return bad("format width too large");
      if (i >= f.length()) return bad("bad format verb");
      char verb = f.charAt(i);
      if (arg >= a.size()) return bad("format: not enough arguments");
      Object v = a.get(arg++);
      if (Evaluator.unknownOf(v) != null) return Evaluator.unknownOf(v);
      switch (verb) {
        case 'd' -> sb.append(String.format("%" + spec + "d", num(v).toBigInteger()));
        case 'f', 'e', 'g' -> sb.append(String.format("%" + spec + verb, num(v)));
        case 's', 'v' -> {
          String s = TfValues.str(v);
          if (s == null) s = TfValues.json(v);
          sb.append(spec.length() == 0 ? s : String.format("%" + spec.toString().replace("0", "") + "s", s));
        }
        case 'q' -> sb.append(TfValues.json(str(v)));
        case 't' -> sb.append(TfValues.bool(v));
        default -> {
          return bad("format verb %" + verb + " is not supported");
        }
      }
    }
    return sb.toString();
  }

  private static Object cidrsubnet(List<Object> a) {
    need(a, 3, 3);
    String prefix = str(a.get(0));
    int newbits = integer(a.get(1));
    long netnum = num(a.get(2)).longValueExact();
    int slash = prefix.indexOf('/');
    if (slash < 0 || prefix.contains(":")) return new Unknown("cidrsubnet of " + prefix + " is not evaluated");
    String[] octets = prefix.substring(0, slash).split("\\.");
    if (octets.length != 4) return bad("invalid CIDR " + prefix);
    long base = 0;
    for (String o : octets) base = (base << 8) | (Integer.parseInt(o) & 0xff);
    int len = Integer.parseInt(prefix.substring(slash + 1));
    int newLen = len + newbits;
    if (len < 0 || newbits < 0 || newLen > 32) return bad("cidrsubnet: not enough address space");
    if (netnum < 0 || netnum >= (1L << newbits)) return bad("cidrsubnet: netnum out of range");
    long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
    long addr = (base & mask) | (netnum << (32 - newLen));
    return ((addr >> 24) & 0xff) + "." + ((addr >> 16) & 0xff) + "." + ((addr >> 8) & 0xff) + "." + (addr & 0xff) + "/" + newLen;
  }

  private static Object one(List<Object> a) {
    need(a, 1, 1);
    return a.get(0);
  }

  private static void need(List<Object> a, int min, int max) {
    if (a.size() < min || a.size() > max) throw new IllegalArgumentException("wrong number of arguments");
  }

  private static Object bad(String why) {
    return new Err(why);
  }

  private static Object unknownIfRef(Object o, String why) {
    Unknown u = Evaluator.unknownOf(o);
    return u != null ? u : new Err(why);
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : null;
  }

  private static String str(Object o) {
    String s = TfValues.str(o);
    if (s == null) throw new IllegalArgumentException("expected a string, found a " + TfValues.typeName(o));
    return s;
  }

  private static BigDecimal num(Object o) {
    BigDecimal d = TfValues.number(o);
    if (d == null) throw new IllegalArgumentException("expected a number, found " + TfValues.typeName(o));
    return d;
  }

  private static int integer(Object o) {
    return num(o).intValueExact();
  }
}
