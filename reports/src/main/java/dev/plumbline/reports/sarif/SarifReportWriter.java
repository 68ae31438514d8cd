package dev.plumbline.reports.sarif;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.plumbline.core.Plumbline;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportWriter;
import dev.plumbline.reports.UntrustedText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every evaluated rule in
 * {@code tool.driver.rules}, and a result for each finding that is not a pass (passes too on request).
 * Written by streaming, in the order of the {@link AuditResult}, so the same audit gives the same bytes.
 */
public final class SarifReportWriter implements ReportWriter {

  /** The schema the log names; the OASIS errata 01 schema, the one GitHub and the Multitool know. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The key of Plumbline's own entry in {@code partialFingerprints}; bump the version if its recipe changes. */
  public static final String FINGERPRINT = "plumbline/v1";

  /** The base of relative input paths: the directory the audit was run from. */
  public static final String SRCROOT = "SRCROOT";

  /** Where each rule's page lives; the rule id is appended. */
  public static final String RULE_PAGES = Plumbline.RULE_PAGES;

  // Semantic Versioning 2.0.0's own regular expression; semanticVersion must match it or be left out.
  private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
      + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
      + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:/.*");

  private static final HexFormat HEX = HexFormat.of();

  private final JsonFactory factory = new JsonFactory();

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String extension() {
    return "sarif";
  }

  @Override
  public boolean wrote(String head) {
    return head.contains("sarif-schema-2.1.0") && head.contains("\"" + Plumbline.NAME + "\"");
  }

  @Override
  public void write(AuditResult result, ReportContext context, Writer out) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out)) {
      write(result, context, json);
    }
    out.write('\n');
    out.flush();
  }

  /** Encodes as it goes: Jackson's UTF-8 generator writes bytes without a {@link Writer}'s encoder in between. */
  @Override
  public void write(AuditResult result, ReportContext context, OutputStream out) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      write(result, context, json);
      json.writeRaw('\n');
    }
    out.flush();
  }

  private static void write(AuditResult result, ReportContext context, JsonGenerator json) throws IOException {
    Artifacts artifacts = new Artifacts(result.inputs());
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < result.rules().size(); i++) {
      ruleIndex.putIfAbsent(result.rules().get(i).id(), i);
    }
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setCharacterEscapes(new InvisibleCharacterEscapes());
    json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    writeTool(json, result, context);
    writeInvocation(json, result, context, artifacts, ruleIndex);
    json.writeObjectFieldStart("originalUriBaseIds");
    json.writeObjectFieldStart(SRCROOT);
    writeMessage(json, "description", "The directory Plumbline was run from; relative input paths start there.");
    json.writeEndObject();
    json.writeEndObject();
    artifacts.write(json);
    Optional<String> category = context.sarifCategory().map(String::trim).filter(id -> !id.isEmpty());
    if (category.isPresent()) {
      json.writeObjectFieldStart("automationDetails");
      // An id that ends in "/" is a category alone, with no instance id (SARIF 3.17.3).
      json.writeStringField("id", category.get().endsWith("/") ? category.get() : category.get() + "/");
      json.writeEndObject();
    }
    // Columns are those of a resource's opening brace, which follows indentation: every column kind agrees there.
    json.writeStringField("columnKind", "utf16CodeUnits");
    json.writeArrayFieldStart("results");
    Map<String, Severity> severities = new HashMap<>();
    MessageDigest sha256 = sha256();
    for (Finding finding : result.findings()) {
      if (reported(finding.status(), context)) {
        Severity severity = severities.computeIfAbsent(finding.ruleId(), id -> result.severityOf(finding));
        writeResult(json, severity, finding, artifacts, ruleIndex, sha256);
      }
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Whether a finding of this status becomes a result: everything but passes, unless passes were asked for. */
  static boolean reported(Status status, ReportContext context) {
    return switch (status) {
      case FAIL, UNKNOWN, ERROR -> true;
      case PASS, NOT_APPLICABLE -> context.sarifIncludePassing();
    };
  }

  /**
   * The result kind (SARIF 3.27.9). UNKNOWN needs a person to decide ({@code review}). ERROR means the
   * rule did not finish, so no problem was found and none was ruled out: {@code open}, "insufficient
   * information to decide whether a problem exists"; the failure itself is a tool execution
   * notification. {@code fail} would claim the target was checked and found wanting.
   */
  static String kind(Status status) {
    return switch (status) {
      case PASS -> "pass";
      case FAIL -> "fail";
      case UNKNOWN -> "review";
      case NOT_APPLICABLE -> "notApplicable";
      case ERROR -> "open";
    };
  }

  /** The level of a failing result and a rule's default level: only {@code fail} carries a severity (3.27.10). */
  static String level(Severity severity) {
    return switch (severity) {
      case HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's {@code security-severity}: 9.0 and above is critical, 7.0 high, 4.0 medium, 0.1 low. */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case HIGH -> "8.0";
      case MEDIUM -> "5.0";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  /**
   * The stable identity of a finding across runs: rule id, the subject's id (ARM ids are case-blind)
   * and the evidence paths; no line numbers, so a file that gains lines keeps its alerts.
   */
  static String fingerprint(Finding finding) {
    return fingerprint(finding, sha256());
  }

  /** The fingerprint, with a digest the caller reuses across findings (getting one per finding costs a lookup). */
  static String fingerprint(Finding finding, MessageDigest sha256) {
    String paths;
    if (finding.evidence().size() == 1) {
      paths = finding.evidence().get(0).path();
    } else {
      Set<String> sorted = new TreeSet<>();
      finding.evidence().forEach(evidence -> sorted.add(evidence.path()));
      paths = String.join(",", sorted);
    }
    String key = finding.ruleId() + "|" + finding.subject().id().toLowerCase(Locale.ROOT) + "|" + paths;
    return HEX.formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void writeTool(JsonGenerator json, AuditResult result, ReportContext context) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", Plumbline.NAME);
    json.writeStringField("version", Plumbline.version());
    if (SEMVER.matcher(Plumbline.version()).matches()) {
      json.writeStringField("semanticVersion", Plumbline.version());
    }
    json.writeStringField("informationUri", Plumbline.INFORMATION_URI);
    json.writeArrayFieldStart("rules");
    // The engine does not say which pack a rule came from; with one pack the answer is plain.
    Optional<String> pack = result.packs().size() == 1 ? Optional.of(result.packs().get(0).id()) : Optional.empty();
    for (RuleMetadata rule : result.rules()) {
      writeRule(json, rule, pack, context.docPages().apply(rule.id()));
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeRule(JsonGenerator json, RuleMetadata rule, Optional<String> pack, Optional<String> page)
      throws IOException {
    String helpUri = RULE_PAGES + rule.id();
    json.writeStartObject();
    json.writeStringField("id", rule.id());
    json.writeStringField("name", rule.name());
    writeMessage(json, "shortDescription", rule.summary());
    String full = page.map(markdown -> DocPageSections.of(markdown).join("Synopsis", "Why")).filter(text -> !text.isEmpty())
        .orElse(rule.summary());
    writeMessage(json, "fullDescription", full);
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(rule.severity()));
    json.writeEndObject();
    json.writeStringField("helpUri", helpUri);
    json.writeObjectFieldStart("help");
    if (page.isPresent()) {
      json.writeStringField("text", page.get());
      json.writeStringField("markdown", page.get());
    } else {
      json.writeStringField("text", rule.summary() + " See " + helpUri + " for the rule's page.");
      json.writeStringField("markdown", rule.summary() + "\n\nSee [the rule's page](" + helpUri + ").");
    }
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    Set<String> tags = new LinkedHashSet<>();
    pack.ifPresent(tags::add);
    // The pillar in lower case; for the security pillar that is GitHub's "security" tag.
    tags.add(rule.pillar().name().toLowerCase(Locale.ROOT));
    json.writeArrayFieldStart("tags");
    for (String tag : tags) {
      json.writeString(tag);
    }
    json.writeEndArray();
    json.writeStringField("severity", rule.severity().name());
    json.writeStringField("pillar", rule.pillar().name());
    if (rule.pillar() == Pillar.SECURITY) {
      json.writeStringField("security-severity", securitySeverity(rule.severity()));
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeInvocation(JsonGenerator json, AuditResult result, ReportContext context, Artifacts artifacts,
      Map<String, Integer> ruleIndex) throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    // Findings, even ERROR ones, are the audit's output: the run itself finished.
    json.writeBooleanField("executionSuccessful", true);
    if (result.generatedAt().isPresent()) {
      json.writeStringField("endTimeUtc", result.generatedAt().get());
    }
    json.writeNumberField("exitCode", context.exitCode());
    json.writeArrayFieldStart("toolExecutionNotifications");
    for (Finding finding : result.findings()) {
      if (finding.status() == Status.ERROR) {
        json.writeStartObject();
        json.writeStringField("level", "error");
        writeMessage(json, "message", visible("Rule " + finding.ruleId() + " did not finish for "
            + finding.subject().name() + ": " + finding.message()));
        json.writeObjectFieldStart("associatedRule");
        json.writeStringField("id", finding.ruleId());
        if (ruleIndex.containsKey(finding.ruleId())) {
          json.writeNumberField("index", ruleIndex.get(finding.ruleId()));
        }
        json.writeEndObject();
        writeLocations(json, finding.subject(), artifacts);
        json.writeEndObject();
      }
    }
    for (Gap gap : result.gaps()) {
      json.writeStartObject();
      json.writeStringField("level", "warning");
      writeMessage(json, "message", visible(gap.reason().isEmpty() ? gap.kind().name() : gap.reason()));
      writeLocations(json, new Subject(gap.subject(), gap.subject(), "", gap.provenance()), artifacts);
      json.writeObjectFieldStart("properties");
      json.writeStringField("gap", gap.kind().name());
      json.writeStringField("subject", gap.subject());
      json.writeStringField("path", gap.path());
      json.writeStringField("target", gap.target());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writeResult(JsonGenerator json, Severity severity, Finding finding, Artifacts artifacts,
      Map<String, Integer> ruleIndex, MessageDigest sha256) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.ruleId());
    if (ruleIndex.containsKey(finding.ruleId())) {
      json.writeNumberField("ruleIndex", ruleIndex.get(finding.ruleId()));
    }
    json.writeStringField("kind", kind(finding.status()));
    json.writeStringField("level", finding.status() == Status.FAIL ? level(severity) : "none");
    writeMessage(json, "message", visible(message(finding)));
    writeLocations(json, finding.subject(), artifacts);
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT, fingerprint(finding, sha256));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("severity", severity.name());
    json.writeStringField("status", finding.status().name());
    json.writeStringField("subjectType", finding.subject().type());
    json.writeArrayFieldStart("evidence");
    for (Evidence evidence : finding.evidence()) {
      json.writeStartObject();
      json.writeStringField("path", evidence.path());
      json.writeStringField("expected", evidence.expected());
      json.writeStringField("actual", evidence.actual());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The finding's sentence, then its evidence in words, for viewers that show only the message. */
  static String message(Finding finding) {
    StringBuilder text = new StringBuilder(finding.message().strip());
    List<String> said = new ArrayList<>();
    for (Evidence evidence : finding.evidence()) {
      said.add(evidence.path() + " expected " + quoted(evidence.expected()) + ", found "
          + (evidence.actual() == null ? "nothing (absent)" : quoted(evidence.actual())));
    }
    if (!said.isEmpty()) {
      text.append(text.length() == 0 ? "" : " ").append("Evidence: ").append(String.join("; ", said)).append('.');
    }
    return text.toString();
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  /**
   * Replaces control, format (bidirectional overrides, zero-width) and line-separator characters with
   * a visible {@code \\u} escape with four hex digits, so a hostile name cannot reorder or hide text in a viewer. Data fields
   * (ids, evidence) keep their exact values; this is only for sentences people read.
   */
  static String visible(String text) {
    if (plain(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\r' || cp == '\t') {
        out.append(' ');
      } else if (UntrustedText.invisible(cp)) {
        out.append(cp > 0xFFFF ? String.format(Locale.ROOT, "\\u{%X}", cp) : String.format(Locale.ROOT, "\\u%04X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  /** Whether the text is printable ASCII, which {@link #visible} leaves as it is (most sentences are). */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** One location with the input file and the resource's place in it, and the ARM id as a logical location. */
  private static void writeLocations(JsonGenerator json, Subject subject, Artifacts artifacts) throws IOException {
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    Provenance provenance = subject.provenance();
    boolean inFile = !provenance.source().isEmpty() && !artifacts.isUri(provenance.source());
    Optional<String> file = inFile ? Optional.of(provenance.source()) : artifacts.first();
    if (file.isPresent()) {
      json.writeObjectFieldStart("physicalLocation");
      artifacts.writeLocation(json, "artifactLocation", file.get(), true);
      // A subject with no place in a file (the scope as a whole) points at the top of the first input.
      int line = inFile ? provenance.line() : 1;
      int column = inFile ? provenance.column() : 0;
      if (line > 0) {
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", line);
        if (column > 0) {
          json.writeNumberField("startColumn", column);
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("name", subject.name());
    json.writeStringField("fullyQualifiedName", subject.id());
    if (subject.isResource()) {
      json.writeStringField("kind", "resource");
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writeMessage(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  /** The input files as SARIF artifacts, and the URI each file name gets wherever it is referenced. */
  private static final class Artifacts {

    private final List<InputSource> inputs;
    private final Map<String, Integer> index = new HashMap<>();
    /** Every finding of a file names the same file: its URI is worked out once. */
    private final Map<String, FileUri> uris = new HashMap<>();
    private final Map<String, Boolean> schemes = new HashMap<>();

    Artifacts(List<InputSource> inputs) {
      this.inputs = inputs;
      for (int i = 0; i < inputs.size(); i++) {
        index.putIfAbsent(inputs.get(i).location(), i);
      }
    }

    boolean isUri(String source) {
      return schemes.computeIfAbsent(source, s -> URI_SCHEME.matcher(s).matches());
    }

    Optional<String> first() {
      return inputs.stream().map(InputSource::location).filter(location -> !URI_SCHEME.matcher(location).matches()).findFirst();
    }

    void write(JsonGenerator json) throws IOException {
      json.writeArrayFieldStart("artifacts");
      for (InputSource input : inputs) {
        json.writeStartObject();
        writeLocation(json, "location", input.location(), false);
        json.writeArrayFieldStart("roles");
        json.writeString("analysisTarget");
        json.writeEndArray();
        if (!input.sha256().isEmpty()) {
          json.writeObjectFieldStart("hashes");
          json.writeStringField("sha-256", input.sha256());
          json.writeEndObject();
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("shape", input.shape());
        json.writeNumberField("resources", input.resources());
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
    }

    void writeLocation(JsonGenerator json, String field, String file, boolean withIndex) throws IOException {
      json.writeObjectFieldStart(field);
      FileUri uri = uris.computeIfAbsent(file, FileUri::of);
      json.writeStringField("uri", uri.uri());
      if (uri.relative()) {
        json.writeStringField("uriBaseId", SRCROOT);
      }
      if (withIndex && index.containsKey(file)) {
        json.writeNumberField("index", index.get(file));
      }
      json.writeEndObject();
    }
  }

  /**
   * A file name as a URI reference: a relative path stays relative (to {@link #SRCROOT}), an absolute
   * one becomes a {@code file:} URI, and a name that already is a URI is kept.
   */
  record FileUri(String uri, boolean relative) {

    static FileUri of(String file) {
      if (URI_SCHEME.matcher(file).matches()) {
        return new FileUri(file, false);
      }
      String path = file.replace('\\', '/');
      try {
        if (path.startsWith("/")) {
          return new FileUri(new URI("file", "", path, null).toASCIIString(), false);
        }
        if (WINDOWS_DRIVE.matcher(path).matches()) {
          return new FileUri(new URI("file", "", "/" + path, null).toASCIIString(), false);
        }
        while (path.startsWith("./")) {
          path = path.substring(2);
        }
        // A colon in the first segment would read as a scheme.
        String firstSegment = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (firstSegment.contains(":")) {
          path = "./" + path;
        }
        return new FileUri(new URI(null, null, path, null).toASCIIString(), true);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("cannot express the file name as a URI: " + file, e);
      }
    }
  }

  /** The sections of a rule's doc page ({@code ## Synopsis}, {@code ## Why}, ...), by heading. */
  record DocPageSections(Map<String, String> sections) {

    static DocPageSections of(String markdown) {
      Map<String, String> sections = new HashMap<>();
      String heading = null;
      StringBuilder body = new StringBuilder();
      boolean fenced = false;
      for (String line : markdown.split("\\R", -1)) {
        if (line.startsWith("```")) {
          fenced = !fenced;
        }
        if (!fenced && line.startsWith("## ")) {
          if (heading != null) {
            sections.put(heading, body.toString().strip());
          }
          heading = line.substring(3).strip();
          body.setLength(0);
        } else if (heading != null) {
          body.append(line).append('\n');
        }
      }
      if (heading != null) {
        sections.put(heading, body.toString().strip());
      }
      return new DocPageSections(Map.copyOf(sections));
    }

    /** The named sections' text, in the order asked, separated by a blank line; absent ones are skipped. */
    String join(String... headings) {
      List<String> parts = new ArrayList<>();
      for (String heading : headings) {
        String text = sections.getOrDefault(heading, "");
        if (!text.isEmpty()) {
          parts.add(text);
        }
      }
      return String.join("\n\n", parts);
    }
  }

  /**
   * Writes the {@link UntrustedText#invisible} characters and all surrogates as {@code \\u} escapes (four hex digits), so the file
   * stays one clean JSON text for line-based tools and for JavaScript, whatever the input's names hold.
   */
  private static final class InvisibleCharacterEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii = standardAsciiEscapesForJSON();

    InvisibleCharacterEscapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // Surrogates are escaped one by one: a pair stays the same character, and a lone one survives
      // a UTF-8 encoder that would otherwise turn it into '?'.
      if (ch > 0x7F && (UntrustedText.invisible(ch) || Character.isSurrogate((char) ch))) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
      }
      return null;
    }
  }
}
