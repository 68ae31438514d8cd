package dev.plumbline.reports.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The evidence rows of a requirement beyond the first ones, as a JSON data block ({@link
 * JsonDataBlock}): 50,000 findings cost a parse, not a page. The script renders the rows (as text,
 * never as markup) when the reader asks for them.
 *
 * <p>The block is {@code {"sources": [...], "rows": [...]}}; each row is {@code [subjectName,
 * subjectId, resource, status, look, message, source, position, evidence]}, where {@code source} is
 * the index of the input file in {@code sources} (every row of a big audit names the same file) and
 * {@code position} is the rest of the provenance ({@code :line:column /pointer}). Thousands of passes
 * of one rule usually show the same evidence, so a row whose evidence list equals that of an earlier
 * row holds that row's index instead of the list: the same rows, drawn the same, in a third less
 * text. The first {@value #SHARED_EVIDENCE} distinct lists are remembered, which bounds what the
 * writer keeps. Rows are converted one by one while writing, so no copy of the whole block is held.
 */
final class DeferredRows<T> extends JsonDataBlock {

  /** Distinct evidence lists remembered per block for sharing; a block with more writes the rest in full. */
  static final int SHARED_EVIDENCE = 256;

  private final List<T> findings;
  private final Function<T, ReportView.FindingRow> toRow;

  DeferredRows(List<T> findings, Function<T, ReportView.FindingRow> toRow) {
    this.findings = List.copyOf(findings);
    this.toRow = toRow;
  }

  @Override
  void writeJson(JsonGenerator json) throws IOException {
    // Sources are few (one per input file); they are collected while the rows are written and come last.
    Map<String, Integer> sources = new LinkedHashMap<>();
    Map<List<ReportView.EvidenceRow>, Integer> firstWith = new HashMap<>();
    json.writeStartObject();
    json.writeFieldName("rows");
    json.writeStartArray();
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
      json.writeNumber(sources.computeIfAbsent(row.source(), s -> sources.size()));
      json.writeString(row.position());
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
    json.writeFieldName("sources");
    json.writeStartArray();
    for (String source : sources.keySet()) {
      json.writeString(source);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  @Override
  public boolean isEmptyContent() {
    return findings.isEmpty();
  }
}
