package dev.plumbline.reports.html;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportWriter;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The HTML audit for reviewers: one self-contained page (inline CSS and JS allowed by hash under a
 * strict Content-Security-Policy, no request leaves it) with the verdict, the scorecard, an SVG
 * picture of the topology, one collapsible group per requirement with its evidence and how to fix
 * it, and an appendix. Rendered by precompiled jte templates, which escape every value by context;
 * only the constant stylesheet and script are emitted unescaped. Streams to the writer, or as UTF-8 to a stream.
 */
public final class HtmlReportWriter implements ReportWriter {

  /** The start of the marker in the head by which a later run recognises a file this writer wrote. */
  static final String MARKER = "<meta name=\"generator\" content=\"Plumbline";

  private static final String TEMPLATE = "html/report.jte";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, HtmlReportWriter.class.getClassLoader());
  private final HtmlAssets assets = HtmlAssets.bundled();

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public boolean wrote(String head) {
    return head.contains(MARKER);
  }

  @Override
  public void write(AuditResult result, ReportContext context, Writer out) throws IOException {
    render(result, context, new WriterOutput(out));
    out.flush();
  }

  /** Encodes as it goes, through one buffer, rather than through a {@link Writer}'s encoder. */
  @Override
  public void write(AuditResult result, ReportContext context, OutputStream out) throws IOException {
    Utf8StreamOutput bytes = new Utf8StreamOutput(out);
    render(result, context, bytes);
    bytes.flush();
  }

  private void render(AuditResult result, ReportContext context, TemplateOutput output) throws IOException {
    ReportView view = ReportViews.build(result, context, assets);
    try {
      engine.render(TEMPLATE, view, output);
    } catch (TemplateException | UncheckedIOException e) {
      // A failing writer surfaces wrapped (jte's output wraps it, the engine may wrap that); report it as what it is.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException io) {
          throw io;
        }
      }
      throw e;
    }
  }
}
