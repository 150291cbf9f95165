package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Timeouts Spring injects into code: a field or constructor parameter annotated
 * {@code @Value("${key:default}")}, and a getter (or record accessor) of a
 * {@code @ConfigurationProperties(prefix = …)} class, resolved from the module's application.yml /
 * .properties, else the default the code gives (docs/client-defaults.md, "Spring Boot configuration
 * files"). Unresolved settings say why.
 */
final class SpringValues {
  /**
   * A setting as written: its raw value (null when unresolved, with why), whether its Java type is
   * a Duration, how it is named, and the lines it comes from.
   */
  private record Setting(
      String raw, String unresolved, boolean duration, String named, List<Location> from) {}

  private SpringValues() {}

  /**
   * A timeout argument read from Spring settings: the setting itself, {@code
   * Duration.ofX(setting)}, {@code setting.toMillis()} or a cast of these; null when the argument
   * reads no setting.
   */
  static Durations.Rendered render(Expression arg, String bareUnit, FileContext ctx) {
    Expression a = unwrap(arg);
    String unit = bareUnit;
    if (a instanceof MethodCallExpr m && m.getArguments().size() == 1) {
      String wrapper =
          switch (m.getNameAsString()) {
            case "ofMillis" -> "ms";
            case "ofSeconds" -> "s";
            case "ofMinutes" -> "m";
            default -> null;
          };
      if (wrapper != null) {
        a = unwrap(m.getArgument(0));
        unit = wrapper;
      }
    }
    if (a instanceof MethodCallExpr m
        && m.getArguments().isEmpty()
        && m.getNameAsString().equals("toMillis")
        && m.getScope().isPresent()) a = unwrap(m.getScope().get());
    Setting s = setting(a, ctx);
    if (s == null) return null;
    if (s.raw == null)
      return new Durations.Rendered("set from " + arg, false, s.unresolved, "", s.from);
    // A Duration binds a bare number as milliseconds; a number takes the setter's or wrapper's
    // unit, and with neither it is no duration ("" matches no unit).
    Long millis = SpringConfig.millis(s.raw, s.duration ? "ms" : unit == null ? "" : unit);
    if (millis == null)
      return new Durations.Rendered(
          "set from " + arg,
          false,
          s.named + " = " + s.raw + " is not a duration relplan reads",
          "",
          s.from);
    if (millis == 0) return new Durations.Rendered("0 (disabled)", true, null, "", s.from);
    return new Durations.Rendered(
        SpringConfig.render(millis), false, null, " (" + s.named + ")", s.from);
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr || e instanceof CastExpr)
      e = e instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) e).getExpression();
    return e;
  }

  private static Setting setting(Expression a, FileContext ctx) {
    String name =
        a instanceof NameExpr n
            ? n.getNameAsString()
            : a instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                ? f.getNameAsString()
                : null;
    if (name != null) return injectedValue(name, a, ctx);
    if (a instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent())
      return boundProperty(m, ctx);
    return null;
  }

  // ---- @Value on a parameter or field.

  private static Setting injectedValue(String name, Node use, FileContext ctx) {
    for (Node n = use; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> c) {
        if (c.findAll(VariableDeclarator.class).stream()
            .anyMatch(v -> v.getNameAsString().equals(name))) return null; // a local
        for (Parameter p : c.getParameters())
          if (p.getNameAsString().equals(name)) return fromValue(p, p.getType(), ctx);
      }
      if (n instanceof TypeDeclaration<?> t) {
        for (FieldDeclaration f : t.getFields())
          for (VariableDeclarator v : f.getVariables())
            if (v.getNameAsString().equals(name)) {
              if (f.getAnnotationByName("Value").isPresent()) return fromValue(f, v.getType(), ctx);
              return assignedFromValue(t, name, ctx);
            }
        return null;
      }
    }
    return null;
  }

  /** A field set in a constructor from a parameter annotated @Value. */
  private static Setting assignedFromValue(TypeDeclaration<?> t, String field, FileContext ctx) {
    for (ConstructorDeclaration c : t.getConstructors())
      for (AssignExpr a : c.findAll(AssignExpr.class)) {
        Expression target = a.getTarget();
        boolean toField =
            target instanceof FieldAccessExpr f
                    && f.getScope() instanceof ThisExpr
                    && f.getNameAsString().equals(field)
                || target instanceof NameExpr n && n.getNameAsString().equals(field);
        if (!toField || !(unwrap(a.getValue()) instanceof NameExpr value)) continue;
        for (Parameter p : c.getParameters())
          if (p.getNameAsString().equals(value.getNameAsString())
              && p.getAnnotationByName("Value").isPresent()) return fromValue(p, p.getType(), ctx);
      }
    return null;
  }

  private static Setting fromValue(
      com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> holder,
      Type type,
      FileContext ctx) {
    AnnotationExpr a = holder.getAnnotationByName("Value").orElse(null);
    if (a == null) return null;
    Expression valueExpr =
        a instanceof SingleMemberAnnotationExpr s
            ? s.getMemberValue()
            : a instanceof NormalAnnotationExpr n
                ? n.getPairs().stream()
                    .filter(p -> p.getNameAsString().equals("value"))
                    .map(p -> p.getValue())
                    .findFirst()
                    .orElse(null)
                : null;
    String written = valueExpr == null ? null : Constants.string(valueExpr, ctx);
    boolean duration = isDuration(type);
    List<Location> at = new ArrayList<>(List.of(ctx.at(a)));
    if (written == null)
      return new Setting(
          null, "the @Value expression is not a constant the scan reads", duration, "", at);
    String shown = "@Value(\"" + written + "\")";
    if (!written.startsWith("${") || !written.endsWith("}"))
      return written.contains("#{") || written.contains("${")
          ? new Setting(
              null, shown + " is an expression relplan does not evaluate", duration, shown, at)
          : new Setting(written, null, duration, shown, at);
    String inner = written.substring(2, written.length() - 1);
    int colon = topLevelColon(inner);
    String key = colon < 0 ? inner : inner.substring(0, colon);
    String fallback = colon < 0 ? null : inner.substring(colon + 1);
    SpringConfig.Property set = ctx.spring.get(key);
    if (set != null) return fromProperty(set, key, duration, shown, " for " + shown, at);
    if (fallback == null)
      return new Setting(
          null,
          shown + " has no default and no configuration file of the module sets " + key,
          duration,
          shown,
          at);
    String value = SpringConfig.resolve(fallback);
    return value == null
        ? new Setting(null, shown + "'s default is not in the repository", duration, shown, at)
        : new Setting(
            value,
            null,
            duration,
            "the default of " + shown + "; no configuration file of the module sets " + key,
            at);
  }

  private static int topLevelColon(String s) {
    int depth = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '{') depth++;
      else if (c == '}') depth--;
      else if (c == ':' && depth == 0) return k;
    }
    return -1;
  }

  // ---- @ConfigurationProperties getters.

  /**
   * The setting a configuration file gives {@code key}: its value (placeholders resolved), or why
   * it cannot be known when it comes from outside the repository; cited at the property's line.
   */
  private static Setting fromProperty(
      SpringConfig.Property set,
      String key,
      boolean duration,
      String unknownShown,
      String knownSuffix,
      List<Location> at) {
    at.add(set.location());
    String value = SpringConfig.resolve(set.value());
    return value == null
        ? new Setting(
            null,
            key + " is set from " + set.value().trim() + ", which is not in the repository",
            duration,
            unknownShown,
            at)
        : new Setting(
            value, null, duration, set.written() + " = " + set.value().trim() + knownSuffix, at);
  }

  private static Setting boundProperty(MethodCallExpr getter, FileContext ctx) {
    Expression receiver = getter.getScope().get();
    String type = ctx.receiverType(receiver);
    if (type == null) return null;
    type = type.substring(type.lastIndexOf('.') + 1);
    List<Beans.Declared> classes = ctx.beans().classes(type, ctx.file);
    if (classes.size() != 1) return null;
    Beans.Declared d = classes.get(0);
    AnnotationExpr annotation =
        d.type().getAnnotationByName("ConfigurationProperties").orElse(null);
    if (annotation == null) return null;
    String prefix = prefix(annotation, d.ctx());
    String property = propertyOf(getter.getNameAsString());
    List<Location> at = new ArrayList<>(List.of(d.ctx().at(annotation)));
    if (prefix == null)
      return new Setting(
          null,
          "the prefix of "
              + d.type().getNameAsString()
              + "'s @ConfigurationProperties is not a constant",
          false,
          "",
          at);
    String key = prefix + "." + property;
    Type declared = null;
    Expression initializer = null;
    if (d.type() instanceof RecordDeclaration r) {
      for (Parameter p : r.getParameters())
        if (p.getNameAsString().equals(property)) declared = p.getType();
    } else {
      for (FieldDeclaration f : d.type().getFields())
        for (VariableDeclarator v : f.getVariables())
          if (v.getNameAsString().equals(property)) {
            declared = v.getType();
            initializer = v.getInitializer().orElse(null);
            at.add(d.ctx().at(v));
          }
    }
    if (declared == null) return null;
    boolean duration = isDuration(declared);
    SpringConfig.Property set = ctx.spring.get(key);
    if (set != null) return fromProperty(set, key, duration, key, "", at);
    String fallback = initializer == null ? null : literalDefault(initializer, d.ctx());
    if (fallback != null)
      return new Setting(
          fallback,
          null,
          duration,
          "the default in "
              + d.type().getNameAsString()
              + "; no configuration file of the module sets "
              + key,
          at);
    return new Setting(
        null,
        initializer == null
            ? "no configuration file of the module sets "
                + key
                + " and "
                + d.type().getNameAsString()
                + " gives it no default"
            : key
                + " is not set and its default in "
                + d.type().getNameAsString()
                + " is an expression relplan does not read",
        duration,
        key,
        at);
  }

  private static String prefix(AnnotationExpr a, FileContext ctx) {
    if (a instanceof SingleMemberAnnotationExpr s) return Constants.string(s.getMemberValue(), ctx);
    if (a instanceof NormalAnnotationExpr n)
      for (var p : n.getPairs())
        if (p.getNameAsString().equals("prefix") || p.getNameAsString().equals("value"))
          return Constants.string(p.getValue(), ctx);
    return null;
  }

  /** getReadTimeout / isX / readTimeout (a record accessor) → the property's field name. */
  private static String propertyOf(String method) {
    for (String prefix : new String[] {"get", "is"})
      if (method.length() > prefix.length()
          && method.startsWith(prefix)
          && Character.isUpperCase(method.charAt(prefix.length())))
        return Character.toLowerCase(method.charAt(prefix.length()))
            + method.substring(prefix.length() + 1);
    return method;
  }

  /** A field's default as Spring Boot would write it: a number, or Duration.ofX(n). */
  private static String literalDefault(Expression init, FileContext ctx) {
    Expression e = unwrap(init);
    if (e instanceof IntegerLiteralExpr i) return String.valueOf(i.asNumber().longValue());
    if (e instanceof LongLiteralExpr l) return String.valueOf(l.asNumber().longValue());
    if (e instanceof StringLiteralExpr s) return s.getValue();
    if (e instanceof MethodCallExpr m && m.getArguments().size() == 1) {
      String unit =
          switch (m.getNameAsString()) {
            case "ofMillis" -> "ms";
            case "ofSeconds" -> "s";
            case "ofMinutes" -> "m";
            default -> null;
          };
      String n = literalDefault(m.getArgument(0), ctx);
      if (unit != null && n != null && n.chars().allMatch(Character::isDigit)) return n + unit;
    }
    if (e instanceof NameExpr n) {
      Expression constant = ctx.constant(n.getNameAsString());
      return constant == null ? null : literalDefault(constant, ctx);
    }
    return null;
  }

  private static boolean isDuration(Type t) {
    String s = t.asString();
    return s.equals("Duration") || s.equals("java.time.Duration");
  }
}
