package dev.plumbline.reports;

import dev.plumbline.core.engine.AuditResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes an audit in one format. Writers read only the {@link AuditResult}; they know nothing of Azure. */
public interface ReportWriter {

  /** The format's name on the command line, e.g. {@code json}. */
  String format();

  /** The file extension, without the dot. */
  String extension();

  /** Writes the report; the same result and context give the same characters. */
  void write(AuditResult result, ReportContext context, Writer out) throws IOException;

  /**
   * Writes the report as UTF-8 bytes: the same characters as {@link #write(AuditResult, ReportContext, Writer)},
   * encoded. Writers of large reports override it to encode as they go rather than through a
   * {@link Writer}; the stream is flushed, not closed.
   */
  default void write(AuditResult result, ReportContext context, OutputStream out) throws IOException {
    Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    write(result, context, text);
    text.flush();
  }

  /** Whether an existing file starts like a report this writer wrote, and so may be replaced without asking. */
  boolean wrote(String head);
}
