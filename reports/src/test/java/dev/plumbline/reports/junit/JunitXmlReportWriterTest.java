package dev.plumbline.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportFormats;
import dev.plumbline.reports.SyntheticAudits;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JunitXmlReportWriterTest {

  private final JunitXmlReportWriter writer = new JunitXmlReportWriter();

  @Test
  void isRegisteredAsJunitWritingXml() {
    assertThat(ReportFormats.named("junit")).containsInstanceOf(JunitXmlReportWriter.class);
    assertThat(writer.extension()).isEqualTo("xml");
    String report = write(SyntheticAudits.mixed());
    assertThat(report).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plumbline\"");
    assertThat(writer.wrote(report.substring(0, Math.min(1024, report.length())))).isTrue();
    assertThat(writer.wrote("<testsuites name=\"pytest\">")).isFalse();
  }

  @Test
  void theCountsAreTheAuditsCounts() throws Exception {
    AuditResult result = SyntheticAudits.mixed();
    Element root = parse(write(result)).getDocumentElement();
    Map<Status, Integer> summary = result.summary();

    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(result.findings().size()));
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(summary.get(Status.FAIL) + summary.get(Status.UNKNOWN)));
    assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(summary.get(Status.ERROR)));
    assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(summary.get(Status.NOT_APPLICABLE)));
    assertThat(root.getAttribute("time")).isEqualTo("0");
    // The elements agree with the attributes.
    assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(8);
    assertThat(root.getElementsByTagName("failure").getLength()).isEqualTo(3);
    assertThat(root.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(root.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    // One suite per rule, whose counts add up to the totals.
    List<Element> suites = children(root, "testsuite");
    assertThat(suites).extracting(suite -> suite.getAttribute("name")).containsExactly(
        "test-pack.TEST-DB-01", "test-pack.TEST-VM-01", "test-pack.TEST-VM-02", "test-pack.TEST-NET-01", "test-pack.TEST-ALL-01");
    for (String count : List.of("tests", "failures", "errors", "skipped")) {
      assertThat(suites.stream().mapToInt(suite -> Integer.parseInt(suite.getAttribute(count))).sum())
          .as(count).isEqualTo(Integer.parseInt(root.getAttribute(count)));
    }
    assertThat(suites.get(1).getAttribute("failures")).as("a FAIL and an UNKNOWN").isEqualTo("2");
    assertThat(suites.get(0).getAttribute("timestamp")).isEqualTo("2026-11-01T00:00:00Z");
  }

  @Test
  void aFailureCarriesMessageEvidenceSeverityAndLocation() throws Exception {
    Document doc = parse(write(SyntheticAudits.mixed()));
    Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
    assertThat(properties(suite)).containsExactly("pack=test-pack", "ruleId=TEST-DB-01", "ruleName=Test.Database.Version",
        "severity=HIGH", "pillar=RELIABILITY", "summary=Summary of Test.Database.Version.");
    Element failing = children(suite, "testcase").get(0);
    assertThat(failing.getAttribute("classname")).isEqualTo("test-pack.TEST-DB-01");
    assertThat(failing.getAttribute("name")).isEqualTo("Test.Database.Version [psql-connect]");
    Element failure = children(failing, "failure").get(0);
    assertThat(failure.getAttribute("message")).isEqualTo("PostgreSQL runs 15, not 16.");
    assertThat(failure.getAttribute("type")).isEqualTo("HIGH");
    assertThat(failure.getTextContent()).isEqualTo("""
        PostgreSQL runs 15, not 16.
        evidence:
          properties.version: expected 16, actual 15
        location: topology.json:12:5
        """);
    assertThat(children(failing, "system-out").get(0).getTextContent()).isEqualTo("""
        severity: HIGH
        status: FAIL
        ruleId: TEST-DB-01
        subject: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/psql-connect
        subjectType: Microsoft.Compute/virtualMachines
        location: topology.json:12:5
        """);
    Element passing = children(suite, "testcase").get(1);
    assertThat(children(passing, "failure")).isEmpty();
    assertThat(children(passing, "system-out").get(0).getTextContent()).contains("status: PASS");
  }

  @Test
  void unknownIsAFailureOfTypeUnknownErrorIsAnErrorNotApplicableIsSkipped() throws Exception {
    Document doc = parse(write(SyntheticAudits.mixed()));
    List<Element> suites = children(doc.getDocumentElement(), "testsuite");
    Element unknown = children(children(suites.get(1), "testcase").get(0), "failure").get(0);
    assertThat(unknown.getAttribute("type")).isEqualTo("UNKNOWN");
    assertThat(unknown.getTextContent()).contains("properties.hardwareProfile.vmSize: expected Standard_D8_v5, actual (absent)");
    Element error = children(children(suites.get(2), "testcase").get(0), "error").get(0);
    assertThat(error.getAttribute("type")).isEqualTo("LOW");
    assertThat(error.getAttribute("message")).isEqualTo("The rule failed with NullPointerException.");
    assertThat(children(suites.get(2), "testcase").get(0).getAttribute("name")).isEqualTo("Test.Nodes.Zones [the audited scope]");
    Element skipped = children(children(suites.get(3), "testcase").get(0), "skipped").get(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("No gateway in scope.");
  }

  @Test
  void hostileNamesGiveWellFormedXmlThatReadsBackAsText() throws Exception {
    String report = write(SyntheticAudits.hostile());
    Document doc = parse(report);
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("5");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    assertThat(root.getElementsByTagName("script").getLength()).isZero();

    Element testcase = (Element) root.getElementsByTagName("testcase").item(0);
    String name = testcase.getAttribute("name");
    assertThat(name).contains("<script>alert(1)</script> ]]> \"q\" 'a' &amp;")
        .contains("line\u2028sep\u2029para  next")
        .contains("\u202Egnp.exe\uFFFD\uFFFD lone\uFFFD low\uFFFD pair\uD83D\uDE00")
        .doesNotContain("\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\n", "\r");
    String text = ((Element) root.getElementsByTagName("failure").item(0)).getTextContent();
    assertThat(text).contains("]]>").contains("para\nnext").contains("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    // Nothing a parser would reject is left in the bytes either.
    for (int i = 0; i < report.length(); i++) {
      char c = report.charAt(i);
      assertThat(c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0xFFFE || c == 0xFFFF).as("U+%04X at %d", (int) c, i).isFalse();
    }
  }

  @Test
  void nullsFromACarelessRuleStillGiveAWellFormedReport() throws Exception {
    Element testcase = (Element) parse(write(SyntheticAudits.withNulls())).getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("Test.Nulls [res-1]");
    assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent()).contains(": expected , actual (absent)");
  }

  @Test
  void sameResultSameBytes() {
    assertThat(write(SyntheticAudits.mixed())).isEqualTo(write(SyntheticAudits.mixed()));
    assertThat(write(SyntheticAudits.hostile())).isEqualTo(write(SyntheticAudits.hostile()));
  }

  @Test
  void aLargeAuditIsOneWellFormedDocument() throws Exception {
    AuditResult result = SyntheticAudits.large(2_000, 31);
    Element root = parse(write(result)).getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("2000");
    assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(2_000);
    assertThat(children(root, "testsuite")).hasSize(31);
  }

  @Test
  void theCleanerReplacesWhatXmlCannotHold() {
    assertThat(XmlText.content("a\u0000b\tc\nd\re\uFFFEf\uD800g\uDC00h\uD83D\uDE00"))
        .isEqualTo("a\uFFFDb\tc\nd\re\uFFFDf\uFFFDg\uFFFDh\uD83D\uDE00");
    assertThat(XmlText.attribute("a\tb\nc\rd")).isEqualTo("a b c d");
    assertThat(XmlText.content("\uD800")).isEqualTo("\uFFFD");
    assertThat(XmlText.content("x\uDBFF")).isEqualTo("x\uFFFD");
  }

  private String write(AuditResult result) {
    StringWriter out = new StringWriter();
    try {
      writer.write(result, ReportContext.plain(), out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
        found.add((Element) nodes.item(i));
      }
    }
    return found;
  }

  private static List<String> properties(Element suite) {
    List<String> found = new ArrayList<>();
    for (Element property : children(children(suite, "properties").get(0), "property")) {
      found.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
    }
    return found;
  }
}
