package dev.relplan.parse.hcl;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prints expressions as canonical single-line HCL, for evidence snippets: {@code var.multi_az ? 1 :
 * 0}, {@code merge(var.tags, { Name = "x" })}. Spacing is normalised, parentheses that were in the
 * source are kept (and added where a hand-built tree needs them), and heredocs are printed as
 * quoted strings with escapes. Parsing the output yields an equivalent expression.
 */
public final class HclPrinter {
  private HclPrinter() {}

  public static String print(Expr e) {
    StringBuilder sb = new StringBuilder();
    write(e, sb);
    return sb.toString();
  }

  private static int precedence(Expr e) {
    if (e instanceof Expr.Conditional) {
      return 0;
    }
    if (e instanceof Expr.Binary b) {
      return b.op().precedence();
    }
    if (e instanceof Expr.Unary) {
      return 7;
    }
    return 8;
  }

  private static void writeWrapped(Expr e, int minPrecedence, StringBuilder sb) {
    if (precedence(e) < minPrecedence) {
      sb.append('(');
      write(e, sb);
      sb.append(')');
    } else {
      write(e, sb);
    }
  }

  private static String number(BigDecimal v) {
    int scale = v.scale();
    if (scale >= -32 && scale <= 32 && v.precision() <= 64) {
      return v.toPlainString();
    }
    return v.toString().replace("E+", "e").replace("E", "e");
  }

  private static void write(Expr e, StringBuilder sb) {
    if (e instanceof Expr.NumberLit n) {
      sb.append(number(n.value()));
    } else if (e instanceof Expr.BoolLit b) {
      sb.append(b.value());
    } else if (e instanceof Expr.NullLit) {
      sb.append("null");
    } else if (e instanceof Expr.TemplateExpr t) {
      sb.append('"');
      writeParts(t.parts(), sb);
      sb.append('"');
    } else if (e instanceof Expr.ScopeTraversal t) {
      sb.append(t.root());
      writeSteps(t.steps(), sb);
    } else if (e instanceof Expr.GetAttr g) {
      writeWrapped(g.object(), 8, sb);
      sb.append('.').append(g.name());
    } else if (e instanceof Expr.Index i) {
      writeWrapped(i.collection(), 8, sb);
      sb.append('[');
      write(i.key(), sb);
      sb.append(']');
    } else if (e instanceof Expr.Splat s) {
      writeWrapped(s.target(), 8, sb);
      sb.append(s.full() ? "[*]" : ".*");
      writeSteps(s.each(), sb);
    } else if (e instanceof Expr.FunctionCall f) {
      writeCall(f, sb);
    } else if (e instanceof Expr.Tuple t) {
      sb.append('[');
      writeList(t.items(), sb);
      sb.append(']');
    } else if (e instanceof Expr.ObjectCons o) {
      writeObject(o, sb);
    } else if (e instanceof Expr.Conditional c) {
      writeWrapped(c.condition(), 1, sb);
      sb.append(" ? ");
      write(c.trueResult(), sb);
      sb.append(" : ");
      write(c.falseResult(), sb);
    } else if (e instanceof Expr.Binary b) {
      int p = b.op().precedence();
      writeWrapped(b.left(), p, sb);
      sb.append(' ').append(b.op().symbol()).append(' ');
      writeWrapped(b.right(), p + 1, sb);
    } else if (e instanceof Expr.Unary u) {
      sb.append(u.op().symbol());
      writeWrapped(u.operand(), 7, sb);
    } else if (e instanceof Expr.Parens p) {
      sb.append('(');
      write(p.inner(), sb);
      sb.append(')');
    } else if (e instanceof Expr.ForTuple f) {
      writeForTuple(f, sb);
    } else if (e instanceof Expr.ForObject f) {
      writeForObject(f, sb);
    } else {
      sb.append("<?>");
    }
  }

  private static void writeCall(Expr.FunctionCall f, StringBuilder sb) {
    sb.append(f.name()).append('(');
    writeList(f.args(), sb);
    if (f.expandFinal()) {
      sb.append("...");
    }
    sb.append(')');
  }

  private static void writeObject(Expr.ObjectCons o, StringBuilder sb) {
    if (o.items().isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{ ");
    for (int k = 0; k < o.items().size(); k++) {
      if (k > 0) {
        sb.append(", ");
      }
      Expr.ObjectItem item = o.items().get(k);
      writeWrapped(item.key(), 1, sb);
      sb.append(" = ");
      write(item.value(), sb);
    }
    sb.append(" }");
  }

  private static void writeForTuple(Expr.ForTuple f, StringBuilder sb) {
    sb.append('[');
    writeForHead(f.keyVar(), f.valueVar(), f.collection(), sb);
    write(f.value(), sb);
    writeForCondition(f.condition(), sb);
    sb.append(']');
  }

  private static void writeForObject(Expr.ForObject f, StringBuilder sb) {
    sb.append('{');
    writeForHead(f.keyVar(), f.valueVar(), f.collection(), sb);
    write(f.key(), sb);
    sb.append(" => ");
    write(f.value(), sb);
    if (f.grouping()) {
      sb.append("...");
    }
    writeForCondition(f.condition(), sb);
    sb.append('}');
  }

  private static void writeForHead(String keyVar, String valueVar, Expr coll, StringBuilder sb) {
    sb.append("for ");
    if (keyVar != null) {
      sb.append(keyVar).append(", ");
    }
    sb.append(valueVar).append(" in ");
    write(coll, sb);
    sb.append(" : ");
  }

  private static void writeForCondition(Expr cond, StringBuilder sb) {
    if (cond != null) {
      sb.append(" if ");
      write(cond, sb);
    }
  }

  private static void writeList(List<Expr> items, StringBuilder sb) {
    for (int k = 0; k < items.size(); k++) {
      if (k > 0) {
        sb.append(", ");
      }
      write(items.get(k), sb);
    }
  }

  private static void writeSteps(List<Traverser> steps, StringBuilder sb) {
    for (Traverser t : steps) {
      if (t instanceof Traverser.AttrStep a) {
        sb.append('.').append(a.name());
      } else if (t instanceof Traverser.IndexStep i) {
        sb.append('[');
        write(i.key(), sb);
        sb.append(']');
      }
    }
  }

  private static void writeParts(List<TemplatePart> parts, StringBuilder sb) {
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Literal l) {
        escape(l.text(), sb);
      } else if (p instanceof TemplatePart.Interpolation i) {
        sb.append(i.stripLeft() ? "${~" : "${");
        write(i.expr(), sb);
        sb.append(i.stripRight() ? "~}" : "}");
      } else if (p instanceof TemplatePart.If f) {
        sb.append("%{ if ");
        write(f.condition(), sb);
        sb.append(" }");
        writeParts(f.then(), sb);
        if (f.hasElse()) {
          sb.append("%{ else }");
          writeParts(f.otherwise(), sb);
        }
        sb.append("%{ endif }");
      } else if (p instanceof TemplatePart.For f) {
        sb.append("%{ for ");
        if (f.keyVar() != null) {
          sb.append(f.keyVar()).append(", ");
        }
        sb.append(f.valueVar()).append(" in ");
        write(f.collection(), sb);
        sb.append(" }");
        writeParts(f.body(), sb);
        sb.append("%{ endfor }");
      }
    }
  }

  private static void escape(String text, StringBuilder sb) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      char next = k + 1 < text.length() ? text.charAt(k + 1) : '\0';
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '$', '%' -> {
          sb.append(c);
          if (next == '{') {
            sb.append(c);
          }
        }
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
  }
}
