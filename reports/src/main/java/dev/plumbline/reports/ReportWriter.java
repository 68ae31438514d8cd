package dev.plumbline.reports;

import dev.plumbline.core.engine.AuditResult;
import java.io.IOException;
import java.io.Writer;

/** Writes an audit in one format. Writers read only the {@link AuditResult}; they know nothing of Azure. */
public interface ReportWriter {

  /** The format's name on the command line, e.g. {@code json}. */
  String format();

  /** The file extension, without the dot. */
  String extension();

  /** Writes the report; the same result and context give the same characters. */
  void write(AuditResult result, ReportContext context, Writer out) throws IOException;

  /** Whether an existing file starts like a report this writer wrote, and so may be replaced without asking. */
  boolean wrote(String head);
}
