package dev.plumbline.reports.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.plumbline.core.Plumbline;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON report, version 1: a stable format documented in the README. Fields are only ever added,
 * never renamed or removed, within a version. Written by streaming, so large audits cost no tree.
 */
public final class JsonReportWriter implements ReportWriter {

  /** The report format version, the value of {@code plumblineReport}. */
  public static final int VERSION = 1;

  // Without COMBINE, Jackson 2's UTF-8 generator writes a character beyond U+FFFF as two escapes; with it,
  // as its four bytes, the same as the Writer path gives after encoding.
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public boolean wrote(String head) {
    return head.contains("\"plumblineReport\"");
  }

  @Override
  public void write(AuditResult result, ReportContext context, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(result, json);
    }
    out.write('\n');
    out.flush();
  }

  /** Encodes as it goes: Jackson's UTF-8 generator writes bytes without a {@link Writer}'s encoder in between. */
  @Override
  public void write(AuditResult result, ReportContext context, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(result, json);
      json.writeRaw('\n');
    }
    out.flush();
  }

  private static void write(AuditResult result, JsonGenerator json) throws IOException {
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    json.setPrettyPrinter(pretty);
    json.writeStartObject();
    json.writeNumberField("plumblineReport", VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", Plumbline.NAME);
    json.writeStringField("version", Plumbline.version());
    json.writeStringField("informationUri", Plumbline.INFORMATION_URI);
    json.writeEndObject();
    if (result.generatedAt().isPresent()) {
      json.writeStringField("generatedAt", result.generatedAt().get());
    }
    if (result.capturedAt().isPresent()) {
      json.writeStringField("capturedAt", result.capturedAt().get());
    }
    writeInputs(json, result);
    json.writeArrayFieldStart("packs");
    for (AuditResult.PackInfo pack : result.packs()) {
      json.writeStartObject();
      json.writeStringField("id", pack.id());
      json.writeStringField("name", pack.name());
      json.writeStringField("version", pack.version());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("summary");
    for (Map.Entry<Status, Integer> count : result.summary().entrySet()) {
      json.writeNumberField(count.getKey().name(), count.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("findings");
    Map<String, RuleFields> byRule = new HashMap<>();
    Repeated repeated = new Repeated();
    for (Finding finding : result.findings()) {
      writeFinding(json, byRule.computeIfAbsent(finding.ruleId(), id -> RuleFields.of(result, finding)), finding, repeated);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("notes");
    for (Note note : result.notes()) {
      json.writeStartObject();
      json.writeStringField("pack", note.packId());
      json.writeStringField("title", note.title());
      json.writeArrayFieldStart("lines");
      for (String line : note.lines()) {
        json.writeString(line);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("gaps");
    for (Gap gap : result.gaps()) {
      writeGap(json, gap);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeInputs(JsonGenerator json, AuditResult result) throws IOException {
    json.writeArrayFieldStart("inputs");
    for (InputSource input : result.inputs()) {
      json.writeStartObject();
      json.writeStringField("file", input.location());
      json.writeStringField("shape", input.shape());
      json.writeNumberField("resources", input.resources());
      json.writeStringField("sha256", input.sha256());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** What every finding of one rule repeats, looked up once per rule rather than once per finding. */
  private record RuleFields(String id, String name, String severity) {

    static RuleFields of(AuditResult result, Finding finding) {
      RuleMetadata rule = result.rule(finding.ruleId()).orElse(null);
      return new RuleFields(finding.ruleId(), rule == null ? "" : rule.name(), result.severityOf(finding).name());
    }
  }

  private static void writeFinding(JsonGenerator json, RuleFields rule, Finding finding, Repeated repeated)
      throws IOException {
    json.writeStartObject();
    repeated.write(json, "ruleId", rule.id());
    repeated.write(json, "ruleName", rule.name());
    repeated.write(json, "severity", rule.severity());
    repeated.write(json, "status", finding.status().name());
    json.writeStringField("subject", finding.subject().id());
    repeated.write(json, "subjectType", finding.subject().type());
    repeated.write(json, "message", finding.message());
    json.writeArrayFieldStart("evidence");
    for (Evidence evidence : finding.evidence()) {
      json.writeStartObject();
      repeated.write(json, "path", evidence.path());
      repeated.write(json, "expected", evidence.expected());
      repeated.write(json, "actual", evidence.actual());
      json.writeEndObject();
    }
    json.writeEndArray();
    Provenance provenance = finding.subject().provenance();
    if (provenance.source().isEmpty()) {
      json.writeNullField("location");
    } else {
      json.writeObjectFieldStart("location");
      repeated.write(json, "file", provenance.source());
      json.writeStringField("pointer", provenance.pointer());
      json.writeNumberField("line", provenance.line());
      json.writeNumberField("column", provenance.column());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /**
   * Values that repeat across findings (rule fields, types, file names, evidence, many messages),
   * quoted and encoded once and then copied: most of a large report's text. The first
   * {@value #LIMIT} distinct values are kept, which bounds what the writer holds; text with a
   * surrogate is written as it comes, since a pre-encoded string cannot keep a lone one.
   */
  private static final class Repeated {
    private static final int LIMIT = 4096;
    private static final int LONGEST = 512;
    private final Map<String, SerializableString> quoted = new HashMap<>();

    void write(JsonGenerator json, String field, String value) throws IOException {
      json.writeFieldName(field);
      SerializableString known = value == null ? null : quoted.get(value);
      if (known != null) {
        json.writeString(known);
      } else if (value == null || quoted.size() >= LIMIT || value.length() > LONGEST || hasSurrogate(value)) {
        json.writeString(value);
      } else {
        known = new SerializedString(value);
        quoted.put(value, known);
        json.writeString(known);
      }
    }

    private static boolean hasSurrogate(String value) {
      for (int i = 0; i < value.length(); i++) {
        if (Character.isSurrogate(value.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }

  private static void writeGap(JsonGenerator json, Gap gap) throws IOException {
    json.writeStartObject();
    json.writeStringField("kind", gap.kind().name());
    json.writeStringField("subject", gap.subject());
    json.writeStringField("path", gap.path());
    json.writeStringField("target", gap.target());
    json.writeStringField("reason", gap.reason());
    writeLocation(json, gap.provenance());
    json.writeEndObject();
  }

  private static void writeLocation(JsonGenerator json, Provenance provenance) throws IOException {
    if (provenance.source().isEmpty()) {
      json.writeNullField("location");
      return;
    }
    json.writeObjectFieldStart("location");
    json.writeStringField("file", provenance.source());
    json.writeStringField("pointer", provenance.pointer());
    json.writeNumberField("line", provenance.line());
    json.writeNumberField("column", provenance.column());
    json.writeEndObject();
  }
}
