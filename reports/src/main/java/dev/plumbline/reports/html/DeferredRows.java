package dev.plumbline.reports.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The evidence rows of a requirement beyond the first ones, as JSON for a
 * {@code <script type="application/json">} data block: browsers neither run nor lay out a data
 * block, so 50,000 findings cost a parse, not a page. The script renders the rows (as text, never as
 * markup) when the reader asks for them.
 *
 * <p>The JSON is written by Jackson, with {@code <}, {@code >}, {@code &} and everything outside
 * ASCII as a {@code \\u} escape with four hex digits, and every chunk then goes through jte's escaping for script content
 * ({@link TemplateOutput#writeUserContent(String)}), never around it. The script undoes jte's
 * backslash escapes before {@code JSON.parse}. Rows are converted one by one while writing, so no
 * copy of the whole block is held.
 *
 * <p>Each row is {@code [subjectName, subjectId, resource, status, look, message, provenance, evidence]}.
 * Thousands of passes of one rule usually show the same evidence, so a row whose evidence list equals
 * that of an earlier row holds that row's index instead of the list: the same rows, drawn the same, in
 * a third less text. The first {@value #SHARED_EVIDENCE} distinct lists are remembered, which bounds
 * what the writer keeps.
 */
final class DeferredRows<T> implements Content {

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .characterEscapes(new HtmlSafeEscapes())
      .build();

  /** Distinct evidence lists remembered per block for sharing; a block with more writes the rest in full. */
  static final int SHARED_EVIDENCE = 256;

  private final List<T> findings;
  private final Function<T, ReportView.FindingRow> toRow;

  DeferredRows(List<T> findings, Function<T, ReportView.FindingRow> toRow) {
    this.findings = List.copyOf(findings);
    this.toRow = toRow;
  }

  @Override
  public void writeTo(TemplateOutput output) {
    try (JsonGenerator json = FACTORY.createGenerator(new EscapingWriter(output))) {
      json.writeStartArray();
      Map<List<ReportView.EvidenceRow>, Integer> firstWith = new HashMap<>();
      int index = 0;
      for (T finding : findings) {
        ReportView.FindingRow row = toRow.apply(finding);
        json.writeStartArray();
        json.writeString(row.subjectName());
        json.writeString(row.subjectId());
        json.writeString(row.resource());
        json.writeString(row.look().status());
        json.writeString(row.look().name());
        json.writeString(row.message());
        json.writeString(row.provenance());
        Integer same = row.evidence().isEmpty() ? null : firstWith.get(row.evidence());
        if (same != null) {
          json.writeNumber(same);
        } else {
          if (!row.evidence().isEmpty() && firstWith.size() < SHARED_EVIDENCE) {
            firstWith.put(row.evidence(), index);
          }
          json.writeStartArray();
          for (ReportView.EvidenceRow evidence : row.evidence()) {
            json.writeStartArray();
            json.writeString(evidence.path());
            json.writeString(evidence.expected());
            json.writeString(evidence.actual());
            json.writeEndArray();
          }
          json.writeEndArray();
        }
        json.writeEndArray();
        index++;
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean isEmptyContent() {
    return findings.isEmpty();
  }

  /** Hands every chunk Jackson writes to jte as user content, so jte escapes it for the script context. */
  private static final class EscapingWriter extends Writer {
    private final TemplateOutput output;

    EscapingWriter(TemplateOutput output) {
      this.output = output;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      output.writeUserContent(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) {
      output.writeUserContent(text.substring(offset, offset + length));
    }

    @Override
    public void flush() {
      // The template output is flushed by the report writer.
    }

    @Override
    public void close() {
      // Closing the generator must not close the report.
    }
  }

  /** JSON escapes that also keep {@code <}, {@code >} and {@code &} out of the data block (\\u003c). */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    HtmlSafeEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
