package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The host an address names, as CallTargets matches it against the repository's services. */
class CallTargetsTest {
  @Test
  void urlSchemePortAndPathAreLeftOut() {
    assertThat(CallTargets.host("http://pricing.shop.svc.cluster.local:8080/quote"))
        .isEqualTo("pricing.shop.svc.cluster.local");
  }

  @Test
  void grpcDnsTargetAndBareHostPortNameTheHost() {
    assertThat(CallTargets.host("dns:///cart:7070")).isEqualTo("cart");
    assertThat(CallTargets.host("productcatalogservice:3550")).isEqualTo("productcatalogservice");
  }

  @Test
  void anIpv6AddressNamesNoService() {
    assertThat(CallTargets.host("[::]:8080")).isEmpty();
  }
}
