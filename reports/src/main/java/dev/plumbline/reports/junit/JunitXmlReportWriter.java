package dev.plumbline.reports.junit;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The audit as JUnit XML for CI test views: a suite per rule, a test case per (rule, subject), UNKNOWN failing. */
// One suite per rule rather than per pack: every consumer then shows a row per requirement with its
// own counts, and the rule's metadata fits the suite's <properties>, the one place every JUnit schema
// allows them. Per-finding facts go into the test case's <system-out>, because <properties> inside
// <testcase> is rejected by schema-validating consumers (the Jenkins xUnit plugin's junit-10.xsd) and
// ignored by most others. UNKNOWN is a failure whatever --unknown says: the context does not carry
// that policy, and missing data must not read as a pass in a test view.
public final class JunitXmlReportWriter implements ReportWriter {

  /** The value of {@code testsuites/@name}, which also identifies the file as ours. */
  static final String NAME = "plumbline";

  /** Used as the pack of a rule when several packs ran: the result does not say which rule came from which. */
  private static final String UNKNOWN_PACK = "plumbline";

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String extension() {
    return "xml";
  }

  @Override
  public boolean wrote(String head) {
    return head.contains("<testsuites") && head.contains(NAME);
  }

  @Override
  public void write(AuditResult result, ReportContext context, Writer out) throws IOException {
    Map<String, RuleMetadata> rules = result.rules().stream()
        .collect(Collectors.toMap(RuleMetadata::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    String pack = result.packs().size() == 1 ? result.packs().get(0).id() : UNKNOWN_PACK;
    Map<String, List<Finding>> suites = new LinkedHashMap<>();
    rules.keySet().forEach(id -> suites.put(id, new ArrayList<>()));
    for (Finding finding : result.findings()) {
      suites.computeIfAbsent(finding.ruleId(), id -> new ArrayList<>()).add(finding);
    }
    try {
      // The JDK's own writer, so that no StAX implementation on the class path changes the bytes.
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      Indented doc = new Indented(xml);
      xml.writeStartDocument("UTF-8", "1.0");
      doc.open("testsuites");
      Counts total = Counts.of(result.findings());
      xml.writeAttribute("name", NAME);
      total.writeAttributes(xml);
      for (Map.Entry<String, List<Finding>> suite : suites.entrySet()) {
        writeSuite(doc, result, pack, suite.getKey(), rules.get(suite.getKey()), suite.getValue());
      }
      doc.close();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
    }
    out.write('\n');
    out.flush();
  }

  private static void writeSuite(Indented doc, AuditResult result, String pack, String ruleId, RuleMetadata rule,
      List<Finding> findings) throws XMLStreamException {
    XMLStreamWriter xml = doc.xml();
    String classname = XmlText.attribute(pack + "." + ruleId);
    doc.open("testsuite");
    xml.writeAttribute("name", classname);
    Counts.of(findings).writeAttributes(xml);
    if (result.generatedAt().isPresent()) {
      xml.writeAttribute("timestamp", XmlText.attribute(result.generatedAt().get()));
    }
    doc.open("properties");
    property(doc, "pack", pack);
    property(doc, "ruleId", ruleId);
    if (rule != null) {
      property(doc, "ruleName", rule.name());
      property(doc, "severity", rule.severity().name());
      property(doc, "pillar", rule.pillar().name());
      property(doc, "summary", rule.summary());
    }
    doc.close();
    String ruleName = rule == null ? ruleId : rule.name();
    for (Finding finding : findings) {
      writeCase(doc, result, classname, ruleName, finding);
    }
    doc.close();
  }

  private static void writeCase(Indented doc, AuditResult result, String classname, String ruleName, Finding finding)
      throws XMLStreamException {
    XMLStreamWriter xml = doc.xml();
    String severity = result.severityOf(finding).name();
    String name = finding.subject().name();
    String subject = name == null || name.isBlank() ? finding.subject().id() : name;
    doc.open("testcase");
    xml.writeAttribute("classname", classname);
    xml.writeAttribute("name", XmlText.attribute(ruleName + " [" + subject + "]"));
    xml.writeAttribute("time", "0");
    String outcome = switch (finding.status()) {
      case FAIL, UNKNOWN -> "failure";
      case ERROR -> "error";
      case NOT_APPLICABLE, PASS -> null;
    };
    if (finding.status() == Status.NOT_APPLICABLE) {
      doc.empty("skipped");
      xml.writeAttribute("message", XmlText.attribute(finding.message()));
    } else if (outcome != null) {
      doc.open(outcome);
      xml.writeAttribute("message", XmlText.attribute(finding.message()));
      // A type of UNKNOWN tells it apart from a FAIL in views that show only the type.
      xml.writeAttribute("type", finding.status() == Status.UNKNOWN ? "UNKNOWN" : severity);
      xml.writeCharacters(XmlText.content(details(finding)));
      doc.closeInline();
    }
    doc.open("system-out");
    xml.writeCharacters(XmlText.content(properties(finding, severity)));
    doc.closeInline();
    doc.close();
  }

  /** The failure's text: what was found, on what evidence, and where. */
  private static String details(Finding finding) {
    StringBuilder text = new StringBuilder(Objects.toString(finding.message(), "")).append('\n');
    if (!finding.evidence().isEmpty()) {
      text.append("evidence:\n");
      for (Evidence evidence : finding.evidence()) {
        text.append("  ").append(oneLine(evidence.path())).append(": expected ").append(oneLine(evidence.expected()))
            .append(", actual ").append(evidence.actual() == null ? "(absent)" : oneLine(evidence.actual())).append('\n');
      }
    }
    String location = finding.subject().provenance().toString();
    if (!location.isEmpty()) {
      text.append("location: ").append(oneLine(location)).append('\n');
    }
    return text.toString();
  }

  /** The test case's properties, one {@code name: value} a line, where every consumer shows them. */
  private static String properties(Finding finding, String severity) {
    StringBuilder text = new StringBuilder()
        .append("severity: ").append(severity).append('\n')
        .append("status: ").append(finding.status().name()).append('\n')
        .append("ruleId: ").append(finding.ruleId()).append('\n')
        .append("subject: ").append(oneLine(finding.subject().id())).append('\n');
    if (!finding.subject().type().isEmpty()) {
      text.append("subjectType: ").append(oneLine(finding.subject().type())).append('\n');
    }
    String location = finding.subject().provenance().toString();
    if (!location.isEmpty()) {
      text.append("location: ").append(oneLine(location)).append('\n');
    }
    return text.toString();
  }

  /** Keeps one fact to a line, so that a name with a line break cannot pose as another fact. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
  }

  private static void property(Indented doc, String name, String value) throws XMLStreamException {
    doc.empty("property");
    doc.xml().writeAttribute("name", name);
    doc.xml().writeAttribute("value", XmlText.attribute(value));
  }

  /** The JUnit counts: UNKNOWN counts as a failure, NOT_APPLICABLE as skipped. */
  private record Counts(int tests, int failures, int errors, int skipped) {

    static Counts of(List<Finding> findings) {
      int failures = 0;
      int errors = 0;
      int skipped = 0;
      for (Finding finding : findings) {
        switch (finding.status()) {
          case FAIL, UNKNOWN -> failures++;
          case ERROR -> errors++;
          case NOT_APPLICABLE -> skipped++;
          case PASS -> { }
        }
      }
      return new Counts(findings.size(), failures, errors, skipped);
    }

    void writeAttributes(XMLStreamWriter xml) throws XMLStreamException {
      xml.writeAttribute("tests", Integer.toString(tests));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", Integer.toString(errors));
      xml.writeAttribute("skipped", Integer.toString(skipped));
      // No clock: the audit takes no measurable time per rule, and a time would break reproducibility.
      xml.writeAttribute("time", "0");
    }
  }

  /** Two-space indentation for people who open the file; StAX writes everything on one line otherwise. */
  private static final class Indented {
    private final XMLStreamWriter xml;
    private int depth;

    Indented(XMLStreamWriter xml) {
      this.xml = xml;
    }

    XMLStreamWriter xml() {
      return xml;
    }

    void open(String element) throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(depth++));
      xml.writeStartElement(element);
    }

    void empty(String element) throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(depth));
      xml.writeEmptyElement(element);
    }

    /** Ends an element whose content is text, where added whitespace would change the text. */
    void closeInline() throws XMLStreamException {
      depth--;
      xml.writeEndElement();
    }

    void close() throws XMLStreamException {
      xml.writeCharacters("\n" + "  ".repeat(--depth));
      xml.writeEndElement();
    }
  }
}
