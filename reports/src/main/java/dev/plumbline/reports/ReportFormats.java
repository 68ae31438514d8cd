package dev.plumbline.reports;

import dev.plumbline.reports.json.JsonReportWriter;
import dev.plumbline.reports.text.TextReportWriter;
import java.util.List;
import java.util.Optional;

/** The report formats this build can write, registered explicitly. */
public final class ReportFormats {

  private static final List<ReportWriter> WRITERS = List.of(new TextReportWriter(), new JsonReportWriter(),
      new dev.plumbline.reports.junit.JunitXmlReportWriter(), new dev.plumbline.reports.markdown.MarkdownReportWriter(),
      new dev.plumbline.reports.sarif.SarifReportWriter(), new dev.plumbline.reports.html.HtmlReportWriter());

  private ReportFormats() {}

  public static List<ReportWriter> all() {
    return WRITERS;
  }

  public static Optional<ReportWriter> named(String format) {
    return WRITERS.stream().filter(writer -> writer.format().equalsIgnoreCase(format)).findFirst();
  }
}
