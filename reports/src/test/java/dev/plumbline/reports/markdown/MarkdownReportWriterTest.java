package dev.plumbline.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.Plumbline;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportFormats;
import dev.plumbline.reports.SyntheticAudits;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

  private final MarkdownReportWriter writer = new MarkdownReportWriter();

  @Test
  void isRegisteredAsMarkdownAndStartsWithItsMarker() {
    assertThat(ReportFormats.named("markdown")).containsInstanceOf(MarkdownReportWriter.class);
    assertThat(writer.extension()).isEqualTo("md");
    String report = write(SyntheticAudits.mixed(), context(1));
    assertThat(report).startsWith("<!-- plumbline report -->\n");
    assertThat(writer.wrote(report)).isTrue();
    assertThat(writer.wrote("# My notes\n<!-- plumbline report -->")).isFalse();
  }

  @Test
  void theVerdictSaysTheExitCodeInWordsAndSymbols() {
    assertThat(write(SyntheticAudits.mixed(), context(1))).contains("""
        ## Plumbline audit: \u274C FAILED

        **Verdict: \u274C FAILED** (exit code 1, fail on: high). 2 FAIL, 1 UNKNOWN, 1 ERROR among 8 findings.
        """);
    assertThat(write(SyntheticAudits.mixed(), context(0))).contains("**Verdict: \u2705 PASSED** (exit code 0, fail on: high).");
  }

  @Test
  void theCountsTableIsStatusBySeverity() {
    assertThat(write(SyntheticAudits.mixed(), context(1))).contains("""
        | Status | HIGH | MEDIUM | LOW | INFO | Total |
        | --- | ---: | ---: | ---: | ---: | ---: |
        | \u2705 PASS | 3 | 0 | 0 | 0 | 3 |
        | \u274C FAIL | 1 | 1 | 0 | 0 | 2 |
        | \u2754 UNKNOWN | 0 | 1 | 0 | 0 | 1 |
        | \u2796 NOT\\_APPLICABLE | 0 | 0 | 0 | 1 | 1 |
        | \u26A0\uFE0F ERROR | 0 | 0 | 1 | 0 | 1 |
        | **Total** | 4 | 2 | 1 | 1 | 8 |
        """);
  }

  @Test
  void onlyRulesThatNeedAttentionAreListedMostSevereFirst() {
    String report = write(SyntheticAudits.mixed(), context(1));
    assertThat(report).contains("5 rules evaluated: 3 need attention, \u2705 2 rules passed or did not apply (not listed).")
        .contains("""
            #### \u274C FAIL \u00B7 HIGH \u00B7 **TEST-DB-01** Test.Database.Version

            Summary of Test.Database.Version.

            | Status | Subject | Message | Evidence (expected \u2192 actual) |
            | --- | --- | --- | --- |
            | \u274C FAIL | psql-connect | PostgreSQL runs 15, not 16. | properties.version: 16 \u2192 15 |

            \u2705 1 other subject passed or did not apply.
            """)
        .contains("| \u2754 UNKNOWN | vm-1 | The size is not known. | properties.hardwareProfile.vmSize: Standard\\_D8\\_v5 \u2192 _(absent)_ |")
        .contains("#### \u26A0\uFE0F ERROR \u00B7 LOW \u00B7 **TEST-VM-02** Test.Nodes.Zones")
        .doesNotContain("TEST-NET-01", "TEST-ALL-01", "Fine.");
    assertThat(report.indexOf("TEST-DB-01")).isLessThan(report.indexOf("TEST-VM-01"));
    assertThat(report.indexOf("TEST-VM-01")).isLessThan(report.indexOf("TEST-VM-02"));
  }

  @Test
  void notesGapsToolAndTimeCloseTheSummary() {
    ReportContext context = new ReportContext(1, "high", false, Optional.empty(),
        List.of("plumbline.json", "plumbline.sarif", "plumbline.md"), id -> Optional.empty());
    String report = write(SyntheticAudits.mixed(), context);
    assertThat(report).contains("""
        ### What the audit took the topology to be

        **Connect nodes** (test-pack)

        - vm-1: member of backend pool agw/pool
        - vm-2: tagged role=posit-connect
        """)
        .contains("- Gaps: 2 (")
        .contains("- Tool: Plumbline " + Plumbline.version() + "\n")
        .contains("- Generated: 2026-11-01T00:00:00Z\n")
        .endsWith("- Full reports: plumbline.json, plumbline.sarif\n");
  }

  @Test
  void hostileTextIsEscapedAndStaysInItsCell() {
    String report = write(SyntheticAudits.hostile(), context(1));
    assertThat(report).doesNotContainPattern("(?<!\\\\)</?script").doesNotContain("http://", "www.evil", "@evil", "\u2028", "\u2029", "\r",
        "\u0000", "\u001B", "\u202E");
    assertThat(report).contains("\\<script\\>alert(1)\\</script\\> \\]\\]\\> \"q\" 'a' \\&amp;");
    for (int i = 0; i < report.length(); i++) {
      if (Character.isHighSurrogate(report.charAt(i)) && i + 1 < report.length() && Character.isLowSurrogate(report.charAt(i + 1))) {
        i++;
      } else {
        assertThat(Character.isSurrogate(report.charAt(i))).as("lone surrogate at %d", i).isFalse();
      }
    }
    for (String line : report.split("\n", -1)) {
      // Our own markup is the only HTML: the marker and line breaks inside cells.
      String ours = line.replace("<!-- plumbline report -->", "").replace("<br>", "");
      assertThat(unescaped(ours, '<')).as(line).isZero();
      assertThat(unescaped(ours, '>')).as(line).isZero();
      assertThat(unescaped(ours, '`')).as(line).isZero();
      assertThat(unescaped(ours, '[')).as(line).isZero();
      if (line.startsWith("| ") && !line.startsWith("| Status | HIGH")) {
        assertThat(unescaped(line, '|')).as("a table row keeps its columns: " + line).isIn(5, 7);
      }
    }
    // The FAIL, UNKNOWN and ERROR rows; the NOT_APPLICABLE and PASS ones are counted only.
    assertThat(report.lines().filter(line -> line.startsWith("| \u274C FAIL | ") || line.startsWith("| \u2754 UNKNOWN | ")
        || line.startsWith("| \u26A0\uFE0F ERROR | ")).count()).isEqualTo(3 + 3);
    assertThat(report).contains("- \\- \\<script").contains("- 1\\. item");
  }

  @Test
  void aHundredThousandFindingsStayUnderOneMegabyteAndEveryOneIsAccountedFor() {
    AuditResult result = SyntheticAudits.large(100_000, 31);
    String report = write(result, context(1));
    assertThat(report.getBytes(StandardCharsets.UTF_8).length).isLessThan(MarkdownReportWriter.MAX_BYTES);
    assertThat(report).contains(" more in the JSON/SARIF output.");
    assertAccounted(report, result);
  }

  @Test
  void aHundredThousandRulesStayUnderOneMegabyte() {
    AuditResult result = SyntheticAudits.large(100_000, 100_000);
    String report = write(result, context(1));
    int bytes = report.getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).isLessThan(MarkdownReportWriter.MAX_BYTES).isGreaterThan(MarkdownReportWriter.DETAIL_BUDGET);
    assertThat(report).containsPattern("\\+\\d+ more in the JSON/SARIF output \\(\\d+ more rules need attention\\)\\.")
        .containsPattern("\\+\\d+ more lines in the JSON output\\.")
        .contains("- Gaps: 3");
    assertAccounted(report, result);
  }

  @Test
  void nullsFromACarelessRuleStillGiveASummary() {
    assertThat(write(SyntheticAudits.withNulls(), context(1))).contains("| \u274C FAIL | res-1 |  | :  \u2192 _(absent)_ |");
  }

  @Test
  void sameResultSameBytes() {
    assertThat(write(SyntheticAudits.mixed(), context(1))).isEqualTo(write(SyntheticAudits.mixed(), context(1)));
    assertThat(write(SyntheticAudits.hostile(), context(1))).isEqualTo(write(SyntheticAudits.hostile(), context(1)));
  }

  @Test
  void inlineTextIsEscapedAndLinksAreBroken() {
    assertThat(MarkdownText.inline("a|b\\c`d*e_f[g]h<i>j#k&l~m$n!o", 100))
        .isEqualTo("a\\|b\\\\c\\`d\\*e\\_f\\[g\\]h\\<i\\>j\\#k\\&l\\~m\\$n\\!o");
    assertThat(MarkdownText.inline("see https://x.example and WWW.y.example or me@z.example", 100))
        .isEqualTo("see https:\u200D//x.example and WWW\u200D.y.example or me@\u200Dz.example");
    assertThat(MarkdownText.inline("one\ntwo\r\nthree\u2028four\u0085five\tsix", 100)).isEqualTo("one two  three four five six");
    assertThat(MarkdownText.inline("  - item", 100)).isEqualTo("\\- item");
    assertThat(MarkdownText.inline("12) x", 100)).isEqualTo("12\\) x");
    assertThat(MarkdownText.inline("+ y", 100)).isEqualTo("\\+ y");
    assertThat(MarkdownText.inline("abc\u202Edef\uD800\uFFFE", 100)).isEqualTo("abc\uFFFDdef\uFFFD\uFFFD");
    assertThat(MarkdownText.inline("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00\u2026");
    assertThat(MarkdownText.inline(null, 10)).isEmpty();
  }

  /** Every finding that needs attention is either a row or counted in a "+N more" line. */
  private static void assertAccounted(String report, AuditResult result) {
    int attention = result.summary().get(Status.FAIL) + result.summary().get(Status.UNKNOWN) + result.summary().get(Status.ERROR);
    String rules = report.substring(report.indexOf("### Rules that need attention"), report.indexOf("### What the audit took"));
    long rows = rules.lines().filter(line -> line.startsWith("| \u274C FAIL | ") || line.startsWith("| \u2754 UNKNOWN | ")
        || line.startsWith("| \u26A0\uFE0F ERROR | ")).count();
    long more = 0;
    Matcher matcher = Pattern.compile("(?m)^\\+(\\d+) more in").matcher(rules);
    while (matcher.find()) {
      more += Long.parseLong(matcher.group(1));
    }
    assertThat(rows).isPositive();
    assertThat(rows + more).isEqualTo(attention);
  }

  /** How often {@code c} occurs in {@code line} without a backslash escaping it. */
  private static int unescaped(String line, char c) {
    int count = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\\') {
        i++;
      } else if (line.charAt(i) == c) {
        count++;
      }
    }
    return count;
  }

  private static ReportContext context(int exitCode) {
    return new ReportContext(exitCode, "high", false, Optional.empty(), List.of(), id -> Optional.empty());
  }

  private String write(AuditResult result, ReportContext context) {
    StringWriter out = new StringWriter();
    try {
      writer.write(result, context, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
