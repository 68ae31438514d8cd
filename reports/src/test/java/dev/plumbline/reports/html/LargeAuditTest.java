package dev.plumbline.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 50,000 findings stream out in a 256 MB heap, with 200 rows per requirement (and of resources) drawn and the rest as data. */
class LargeAuditTest {

  @Test
  void rendersFiftyThousandFindingsInASmallHeapWithoutHoldingTheDocument() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        LargeAuditRender.class.getName(), "50000")
        .redirectErrorStream(true).start();
    String output;
    try {
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the render finished").isTrue();
    } finally {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      process.destroy();
    }
    assertThat(process.exitValue()).as(output).isZero();
    String[] numbers = output.lines().reduce((a, b) -> b).orElseThrow().split(" ");
    long chars = Long.parseLong(numbers[0]);
    long rows = Long.parseLong(numbers[1]);
    long blocks = Long.parseLong(numbers[2]);
    System.out.printf("50,000 findings: %,d chars, %d rows drawn, %d data blocks, %s ms, peak heap %s MB%n",
        chars, rows, blocks, numbers[3], numbers[4]);
    assertThat(rows).isEqualTo(10 * ReportViews.RENDERED_ROWS);
    assertThat(blocks).as("one per requirement, one for the resources table").isEqualTo(10 + 1);
    assertThat(chars).isBetween(5_000_000L, 40_000_000L);
  }

  @Test
  void theCountingWriterSeesWhatTheStringSees() throws IOException {
    LargeAuditRender.CountingWriter counter = new LargeAuditRender.CountingWriter();
    new HtmlReportWriter().write(HtmlFixtures.synthetic(3000), dev.plumbline.reports.ReportContext.plain(), counter);
    String html = HtmlFixtures.render(HtmlFixtures.synthetic(3000), dev.plumbline.reports.ReportContext.plain());
    assertThat(counter.chars).isEqualTo(html.length());
    assertThat(counter.rows).isEqualTo(html.split("<tbody class=\"f\"", -1).length - 1).isEqualTo(2000);
    assertThat(counter.blocks).as("one per requirement, one for the resources table").isEqualTo(10 + 1);
  }
}
