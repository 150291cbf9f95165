package dev.relplan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The XML loader reuses one parser per thread; each file still gets the secure configuration. */
class XmlLoaderTest {
  private static final String PROJECT =
      "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <UseMaui>true</UseMaui>\n"
          + "  </PropertyGroup>\n</Project>\n";

  @Test
  void elementsKeepTheirLinesAndText() throws Exception {
    XmlLoader.Element root = XmlLoader.load(PROJECT);

    assertThat(root.name).isEqualTo("Project");
    XmlLoader.Element maui = root.children("PropertyGroup").get(0).children("UseMaui").get(0);
    assertThat(maui.line).isEqualTo(3);
    assertThat(maui.text()).isEqualTo("true");
  }

  @Test
  void aDoctypeIsRejectedOnEveryLoadNotOnlyTheFirst() throws Exception {
    String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x \"y\">]>\n<p>&x;</p>\n";
    XmlLoader.load(PROJECT);

    assertThatThrownBy(() -> XmlLoader.load(doctype)).hasMessageContaining("DOCTYPE");
    XmlLoader.load(PROJECT);
    assertThatThrownBy(() -> XmlLoader.load(doctype)).hasMessageContaining("DOCTYPE");
  }

  @Test
  void aFileAfterAMalformedOneLoads() throws Exception {
    assertThatThrownBy(() -> XmlLoader.load("<Project><Unclosed></Project>"));

    assertThat(XmlLoader.load(PROJECT).name).isEqualTo("Project");
  }
}
