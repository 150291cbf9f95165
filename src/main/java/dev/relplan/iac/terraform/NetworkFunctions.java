package dev.relplan.iac.terraform;

import static dev.relplan.iac.terraform.FunctionArgs.bad;
import static dev.relplan.iac.terraform.FunctionArgs.integer;
import static dev.relplan.iac.terraform.FunctionArgs.need;
import static dev.relplan.iac.terraform.FunctionArgs.num;
import static dev.relplan.iac.terraform.FunctionArgs.str;
import static java.util.Map.entry;

import dev.relplan.model.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Terraform's IP network functions, for IPv4 prefixes; an IPv6 prefix evaluates to unknown. */
final class NetworkFunctions {
  private NetworkFunctions() {}

  static Map<String, HclFunction> table() {
    return Map.ofEntries(
        entry("cidrsubnet", NetworkFunctions::cidrsubnet),
        entry("cidrsubnets", NetworkFunctions::cidrsubnets),
        entry("cidrhost", NetworkFunctions::cidrhost));
  }

  private static Object cidrsubnet(List<Object> a) {
    need(a, 3, 3);
    for (Object arg : a) {
      Unknown u = Evaluator.unknownOf(arg);
      if (u != null) return u;
    }
    String prefix = str(a.get(0));
    if (prefix == null) return bad("cidrsubnet needs a CIDR prefix");
    int newbits = integer(a.get(1));
    long netnum = num(a.get(2)).longValueExact();
    int slash = prefix.indexOf('/');
    if (slash < 0 || prefix.contains(":"))
      return new Unknown("cidrsubnet of " + prefix + " is not evaluated");
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
    return dotted(addr) + "/" + newLen;
  }

  private static Object cidrsubnets(List<Object> a) {
    if (a.isEmpty()) return bad("cidrsubnets needs a prefix");
    String prefix = str(a.get(0));
    int slash = prefix.indexOf('/');
    if (slash < 0 || prefix.contains(":"))
      return new Unknown("cidrsubnets of " + prefix + " is not evaluated");
    int len = Integer.parseInt(prefix.substring(slash + 1));
    // Allocate consecutive blocks, each aligned to its own size, as Terraform does.
    long next = 0;
    List<Object> out = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      int bits = integer(a.get(i));
      long size = 1L << (32 - len - bits);
      long unit = 1L << (32 - len - bits);
      next = (next + unit - 1) / unit * unit;
      Object sub =
          cidrsubnet(List.of(prefix, BigDecimal.valueOf(bits), BigDecimal.valueOf(next / size)));
      if (!(sub instanceof String)) return sub;
      out.add(sub);
      next += size;
    }
    return out;
  }

  private static Object cidrhost(List<Object> a) {
    need(a, 2, 2);
    for (Object arg : a) {
      Unknown u = Evaluator.unknownOf(arg);
      if (u != null) return u;
    }
    if (a.get(0) == null || a.get(1) == null)
      return bad("cidrhost needs a prefix and a host number");
    Object sub = cidrsubnet(List.of(a.get(0), BigDecimal.ZERO, BigDecimal.ZERO));
    if (!(sub instanceof String net)) return sub;
    String[] o = net.substring(0, net.indexOf('/')).split("\\.");
    long addr = 0;
    for (String x : o) addr = (addr << 8) | Integer.parseInt(x);
    addr += num(a.get(1)).longValueExact();
    return dotted(addr);
  }

  /** The dotted-quad form of the low 32 bits of an address. */
  private static String dotted(long addr) {
    return ((addr >> 24) & 0xff)
        + "."
        + ((addr >> 16) & 0xff)
        + "."
        + ((addr >> 8) & 0xff)
        + "."
        + (addr & 0xff);
  }
}
