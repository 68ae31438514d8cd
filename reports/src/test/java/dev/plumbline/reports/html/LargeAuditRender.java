package dev.plumbline.reports.html;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.reports.ReportContext;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Renders a synthetic audit to a writer that only counts, in a JVM of its own (started by {@link
 * LargeAuditTest} with a small heap), and prints what it measured: {@code chars rows blocks millis peakHeapMb}.
 */
public final class LargeAuditRender {

  private LargeAuditRender() {}

  public static void main(String[] args) throws IOException {
    int findings = Integer.parseInt(args[0]);
    AuditResult result = HtmlFixtures.synthetic(findings);
    ReportContext context = ReportContext.plain();
    new HtmlReportWriter().write(HtmlFixtures.synthetic(10), context, new CountingWriter()); // warm up
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    CountingWriter out = new CountingWriter();
    new HtmlReportWriter().write(result, context, out);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(out.chars + " " + out.rows + " " + out.blocks + " " + millis + " " + peak / (1024 * 1024));
  }

  /** Counts characters, rendered finding rows and JSON data blocks, and keeps nothing. */
  static final class CountingWriter extends Writer {
    private static final String ROW = "<tbody class=\"f\"";
    private static final String BLOCK = "<script type=\"application/json\"";
    long chars;
    long rows;
    long blocks;
    private final Marker row = new Marker("<tbody class=\"f\"");
    private final Marker block = new Marker("<script type=\"application/json\"");

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
      rows += row.count(buffer, offset, length);
      blocks += block.count(buffer, offset, length);
    }

    /** Counts a marker across chunks, keeping only the last few characters of the previous one. */
    private static final class Marker {
      private final String text;
      private final StringBuilder tail = new StringBuilder();

      Marker(String text) {
        this.text = text;
      }

      int count(char[] buffer, int offset, int length) {
        tail.append(buffer, offset, length);
        int count = 0;
        for (int i = tail.indexOf(text); i >= 0; i = tail.indexOf(text, i + text.length())) {
          count++;
        }
        if (tail.length() >= text.length()) {
          tail.delete(0, tail.length() - (text.length() - 1));
        }
        return count;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
