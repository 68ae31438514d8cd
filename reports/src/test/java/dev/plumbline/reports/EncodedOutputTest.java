package dev.plumbline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Subject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line writes report files as bytes ({@link ReportWriter#write(AuditResult, ReportContext,
 * java.io.OutputStream)}); writers that encode UTF-8 themselves must give the characters of the
 * {@link java.io.Writer} path, encoded, whatever the audit's names hold.
 */
class EncodedOutputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ReportContext CONTEXT = new ReportContext(1, "high", true, Optional.of("plumbline/"),
      List.of("plumbline.json", "plumbline.sarif"), id -> Optional.of("# " + id + "\n\n## Synopsis\n\nA rule.\n"));

  static Stream<Arguments> writersAndAudits() {
    return ReportFormats.all().stream().flatMap(writer -> Stream.of(
        Arguments.of(writer.format(), "mixed", SyntheticAudits.mixed()),
        Arguments.of(writer.format(), "hostile", writer.format().equals("sarif") ? hostileInAPlainFile() : SyntheticAudits.hostile()),
        Arguments.of(writer.format(), "large", SyntheticAudits.large(300, 3))));
  }

  /**
   * The hostile audit with its subjects in a file of a plain name: SARIF turns file names into URIs,
   * and java.net.URI cannot encode a lone surrogate (a name no shell hands over).
   */
  private static AuditResult hostileInAPlainFile() {
    AuditResult hostile = SyntheticAudits.hostile();
    List<Finding> findings = hostile.findings().stream()
        .map(f -> new Finding(f.ruleId(), new Subject(f.subject().id(), f.subject().name(), f.subject().type(),
            new Provenance("topology.json", "/x", 3, 4)), f.status(), f.message(), f.evidence()))
        .toList();
    return new AuditResult(hostile.inputs(), hostile.packs(), hostile.rules(), hostile.parameters(), findings,
        hostile.notes(), hostile.gaps(), hostile.capturedAt(), hostile.resources(), hostile.generatedAt(),
        hostile.suppressed());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("writersAndAudits")
  void bytesAreTheWritersCharactersEncoded(String format, String audit, AuditResult result) throws IOException {
    ReportWriter writer = ReportFormats.named(format).orElseThrow();
    StringWriter text = new StringWriter();
    writer.write(result, CONTEXT, text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writer.write(result, CONTEXT, bytes);

    if (format.equals("json") && audit.equals("hostile")) {
      // A lone surrogate cannot be encoded: a Writer's encoder makes it '?', Jackson's UTF-8 generator
      // keeps it as a \\u escape. The bytes are valid UTF-8 and read back as exactly what the audit held.
      String decoded = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
      assertThat(decoded).startsWith("{");
      assertThat(JSON.readTree(bytes.toByteArray())).isEqualTo(JSON.readTree(text.toString()));
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("lone\\uD800").contains("pair\uD83D\uDE00");
    } else {
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
          new String(text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
  }
}
