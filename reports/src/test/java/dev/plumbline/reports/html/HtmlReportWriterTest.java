package dev.plumbline.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportFormats;
import dev.plumbline.reports.json.JsonReportWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlReportWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<String> examples() throws IOException {
    Path dir = HtmlFixtures.root().resolve("examples/posit-connect-ha");
    List<String> names = new ArrayList<>();
    names.add("compliant.json");
    try (Stream<Path> files = Files.list(dir.resolve("violations"))) {
      files.map(p -> "violations/" + p.getFileName()).sorted().forEach(names::add);
    }
    return names.stream();
  }

  @Test
  void isRegisteredAsHtml() {
    assertThat(ReportFormats.named("html")).get().isInstanceOf(HtmlReportWriter.class);
    HtmlReportWriter writer = new HtmlReportWriter();
    assertThat(writer.extension()).isEqualTo("html");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void sameAuditGivesTheSameBytes(String example) {
    AuditResult result = HtmlFixtures.example(example);
    String first = HtmlFixtures.render(result, HtmlFixtures.context());
    String second = HtmlFixtures.render(HtmlFixtures.example(example), HtmlFixtures.context());
    assertThat(second).isEqualTo(first);
    assertThat(first).startsWith("<!DOCTYPE html>").contains("<svg").endsWith("</html>\n");
    assertNoInlineStyleOrHandlers(first);
  }

  @Test
  void hostileAuditGivesTheSameBytesToo() {
    assertThat(HtmlFixtures.render(HtmlFixtures.hostile(), HtmlFixtures.hostileContext()))
        .isEqualTo(HtmlFixtures.render(HtmlFixtures.hostile(), HtmlFixtures.hostileContext()));
  }

  @Test
  void recognisesItsOwnFilesByTheHead() {
    HtmlReportWriter writer = new HtmlReportWriter();
    String html = HtmlFixtures.render(HtmlFixtures.example("compliant.json"), HtmlFixtures.context());
    assertThat(html.substring(0, 1024)).contains("<meta name=\"generator\" content=\"Plumbline ");
    assertThat(writer.wrote(html.substring(0, 1024))).isTrue();
    assertThat(writer.wrote("<!DOCTYPE html><html><head><title>Mine</title>")).isFalse();
    assertThat(writer.wrote("{\n  \"plumblineReport\" : 1")).isFalse();
  }

  @Test
  void hasNoStyleAttributesAndNoEventHandlers() {
    assertNoInlineStyleOrHandlers(HtmlFixtures.render(HtmlFixtures.example("violations/gateway-single-zone.json"),
        HtmlFixtures.context()));
    assertNoInlineStyleOrHandlers(HtmlFixtures.render(HtmlFixtures.hostile(), HtmlFixtures.hostileContext()));
  }

  private static void assertNoInlineStyleOrHandlers(String html) {
    for (HtmlMarkup.Tag tag : HtmlMarkup.tags(html)) {
      for (String[] attribute : tag.attributes()) {
        assertThat(attribute[0]).as("attribute of <%s> at %d", tag.name(), tag.offset())
            .isNotEqualTo("style").doesNotMatch("on[a-z]+").isNotEqualTo("srcdoc");
        if (attribute[1] != null && (attribute[0].equals("href") || attribute[0].equals("src"))) {
          assertThat(attribute[1]).as("%s of <%s>", attribute[0], tag.name()).matches("#[^\\s]*|data:,");
        }
      }
      assertThat(tag.name()).isNotIn("img", "iframe", "object", "embed", "foreignobject", "base", "form");
    }
    assertThat(html).doesNotContainPattern("(?i)<[a-z][^>]*\\sstyle\\s*=").doesNotContainPattern("(?i)<[a-z]+[^>]*\\son[a-z]+\\s*=\"");
  }

  @Test
  void theContentSecurityPolicyAllowsExactlyTheOneStyleAndTheOneScript() throws Exception {
    String html = HtmlFixtures.render(HtmlFixtures.hostile(), HtmlFixtures.hostileContext());
    List<HtmlMarkup.Tag> tags = HtmlMarkup.tags(html);
    HtmlMarkup.Tag csp = tags.stream().filter(t -> "Content-Security-Policy".equals(t.attribute("http-equiv")))
        .findFirst().orElseThrow();
    String policy = HtmlMarkup.unescapeAttribute(csp.attribute("content"));
    List<HtmlMarkup.RawText> raw = HtmlMarkup.rawTexts(html);
    List<HtmlMarkup.RawText> styles = raw.stream().filter(r -> r.tag().equals("style")).toList();
    List<HtmlMarkup.RawText> scripts = raw.stream().filter(r -> r.tag().equals("script") && r.start().attribute("type") == null).toList();
    assertThat(styles).hasSize(1);
    assertThat(scripts).hasSize(1);
    assertThat(raw.stream().filter(r -> r.tag().equals("script")))
        .allMatch(r -> r.start().attribute("type") == null || r.start().attribute("type").equals("application/json"));
    assertThat(policy).isEqualTo("default-src 'none'; img-src data:; style-src " + sha256(styles.get(0).text())
        + "; script-src " + sha256(scripts.get(0).text()) + "; base-uri 'none'; form-action 'none'");
    assertThat(csp.offset()).isLessThan(html.indexOf("<style>"));
    assertThat(styles.get(0).text()).isEqualTo(HtmlAssets.bundled().css());
    assertThat(scripts.get(0).text()).isEqualTo(HtmlAssets.bundled().js());
  }

  private static String sha256(String text) throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
  }

  @Test
  void hostileNamesTagsAndValuesRenderAsText() {
    String html = HtmlFixtures.render(HtmlFixtures.hostile(), HtmlFixtures.hostileContext());
    String outsideConstants = withoutConstantAssets(html);
    for (String markup : HtmlFixtures.HOSTILE_MARKUP) {
      assertThat(outsideConstants).as("raw %s", markup).doesNotContain(markup);
    }
    assertThat(outsideConstants)
        .contains("&lt;img src=x onerror=window.__pwned=1&gt;")
        .contains("&lt;/script&gt;&lt;script&gt;window.__pwned=46&lt;/script&gt;")
        .contains("&lt;script&gt;window.__pwned=80&lt;/script&gt;")
        .contains("click (javascript:window.__pwned=81)")
        .doesNotContainPattern("<a [^>]*href=\"javascript:")
        .doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u2028")
        .doesNotContain("\u2029").doesNotContain("\u202e").doesNotContain("\u0085")
        .contains("\u2407").contains("\u241b").contains("\u27e8U+202E\u27e9");
    long scripts = HtmlMarkup.tags(html).stream().filter(t -> t.name().equals("script")).count();
    long dataBlocks = HtmlMarkup.tags(html).stream().filter(t -> t.name().equals("script") && "application/json".equals(t.attribute("type"))).count();
    assertThat(dataBlocks).isPositive();
    assertThat(scripts).isEqualTo(dataBlocks + 1);
  }

  @Test
  void dataBlocksHoldTheDeferredRowsAsTheScriptWillReadThem() throws Exception {
    String html = HtmlFixtures.render(HtmlFixtures.hostile(), HtmlFixtures.hostileContext());
    HtmlMarkup.RawText block = HtmlMarkup.rawTexts(html).stream()
        .filter(r -> "application/json".equals(r.start().attribute("type"))).findFirst().orElseThrow();
    assertInertDataBlock(block.text());
    JsonNode data = JSON.readTree(block.text());
    JsonNode rows = data.get("rows");
    assertThat(rows.size()).isGreaterThan(50);
    List<String> messages = new ArrayList<>();
    rows.forEach(row -> messages.add(row.get(5).asText()));
    assertThat(messages).anyMatch(m -> m.contains("'\"</script><!--<script>window.__pwned=52</script> \\u003c \\\" \\\\"));
    assertThat(rows.get(0).get(4).asText()).isIn("UNKNOWN", "FAIL_HIGH");
    assertThat(data.get("sources").get(rows.get(0).get(6).asInt()).asText() + rows.get(0).get(7).asText())
        .isEqualTo("file\"><script>window.__pwned=51</script>.json:1:2 /x/<y>");
    JsonNode evidence = rows.get(0).get(8).get(0);
    assertThat(evidence.get(1).asText()).isEqualTo("expected ' \" ` $ / - \\ \n\t\u240d\u240c\u2408");
    assertThat(evidence.get(2).isNull()).isTrue();
  }

  @Test
  void scorecardCountsEqualTheAuditAndTheJsonReport() throws IOException {
    AuditResult result = HtmlFixtures.example("violations/gateway-single-zone.json");
    ReportContext context = HtmlFixtures.context();
    String html = HtmlFixtures.render(result, context);
    StringWriter json = new StringWriter();
    new JsonReportWriter().write(result, context, json);
    JsonNode summary = JSON.readTree(json.toString()).get("summary");
    Matcher m = Pattern.compile("<td class=\"total\" data-status=\"([A-Z_]+)\" data-count=\"(\\d+)\">").matcher(html);
    int seen = 0;
    while (m.find()) {
      Status status = Status.valueOf(m.group(1));
      int count = Integer.parseInt(m.group(2));
      assertThat(count).as(status.name()).isEqualTo(result.summary().get(status)).isEqualTo(summary.get(status.name()).asInt());
      seen++;
    }
    assertThat(seen).isEqualTo(Status.values().length);
    for (Map.Entry<Status, Integer> entry : result.summary().entrySet()) {
      if (entry.getValue() > 0) {
        assertThat(html).contains("<input type=\"checkbox\" name=\"status\" value=\"" + entry.getKey() + "\" checked>");
      }
    }
    assertThat(html).contains("Does not conform: ").contains("Exit code 1: FAIL, ERROR or UNKNOWN findings at or above --fail-on high block the run.");
  }

  @Test
  void requirementsAreWorstFirstWithinTheirAreasAndFailingOnesStartOpen() {
    String html = HtmlFixtures.render(HtmlFixtures.example("violations/gateway-single-zone.json"), HtmlFixtures.context());
    Matcher m = Pattern.compile("<details class=\"rule\" id=\"rule-([A-Z0-9-]+)\"( open)? data-status=\"([A-Z_]*)\"").matcher(html);
    List<String> order = new ArrayList<>();
    while (m.find()) {
      order.add(m.group(1) + ":" + m.group(3) + (m.group(2) != null ? ":open" : ""));
    }
    assertThat(order).containsExactly(
        "TEST-AGW-01:FAIL:open",
        "TEST-VM-01:PASS", "TEST-VM-02:PASS",
        "TEST-PG-01:PASS",
        "TEST-NET-01:NOT_APPLICABLE",
        "TEST-OPS-02:ERROR:open", "TEST-OPS-01:UNKNOWN:open");
    assertThat(html).contains("<h4>Why</h4>").contains("<pre class=\"code\"><code>az network application-gateway");
  }

  @Test
  void drawsTheTopologyWithZonesAsLanesAndEveryResourceAsALink() {
    String html = HtmlFixtures.render(HtmlFixtures.example("compliant.json"), HtmlFixtures.context());
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(svg).contains("role=\"img\" aria-labelledby=\"topo-t topo-d\"").contains("<title id=\"topo-t\">")
        .contains("<desc id=\"topo-d\">1 virtual network with 4 subnets.")
        .contains(">Zone 1<").contains(">Zone 2<").contains(">Zone 3<").contains(">Regional (no zone)<")
        .contains(">snet-agw<").contains(">vm-connect-1<").contains(">psql-connect<").contains("url(#hatch)");
    for (HtmlMarkup.Tag tag : HtmlMarkup.tags(svg)) {
      if ("node".equals(tag.attribute("class"))) {
        assertThat(tag.name()).isEqualTo("a");
        String target = tag.attribute("href").substring(1);
        assertThat(html).containsPattern("<(tr|section) id=\"" + target + "\"");
      }
    }
  }

  @Test
  void deferredRowsShareAnEarlierRowsEvidenceAndResolveToTheFindingsOwn() throws Exception {
    AuditResult result = HtmlFixtures.synthetic(6000);
    String html = HtmlFixtures.render(result, HtmlFixtures.context());
    Map<String, dev.plumbline.core.rule.Finding> bySubject = new java.util.HashMap<>();
    result.findings().forEach(f -> bySubject.put(f.subject().id(), f));
    int shared = 0;
    for (HtmlMarkup.RawText block : HtmlMarkup.rawTexts(html)) {
      if (!"application/json".equals(block.start().attribute("type")) || !block.start().attribute("id").startsWith("rule-")) {
        continue; // the resources table's block holds resources, not findings
      }
      JsonNode rows = JSON.readTree(block.text()).get("rows");
      for (int i = 0; i < rows.size(); i++) {
        JsonNode evidence = rows.get(i).get(8);
        if (evidence.isNumber()) {
          shared++;
          assertThat(evidence.asInt()).isLessThan(i);
          evidence = rows.get(evidence.asInt()).get(8);
        }
        assertThat(evidence.isArray()).isTrue();
        List<dev.plumbline.core.rule.Evidence> own = bySubject.get(rows.get(i).get(1).asText()).evidence();
        assertThat(evidence.size()).isEqualTo(own.size());
        for (int e = 0; e < own.size(); e++) {
          assertThat(evidence.get(e).get(0).asText()).isEqualTo(own.get(e).path());
          assertThat(evidence.get(e).get(1).asText()).isEqualTo(own.get(e).expected());
          assertThat(evidence.get(e).get(2).isNull() ? null : evidence.get(e).get(2).asText()).isEqualTo(own.get(e).actual());
        }
      }
    }
    assertThat(shared).as("rows that point at an earlier row's evidence").isGreaterThan(1000);
  }

  @Test
  void drawsTheVnetsThatNeedAttentionFirstAndSaysHowManyAreLeftToTheTable() {
    // Drawing order is by id: vnet-0, vnet-1, vnet-10 .. vnet-14, vnet-2 .. vnet-9; vnet-9 comes last.
    AuditResult result = HtmlFixtures.manyVnets(TopologyPicture.VNET_LIMIT + 3, 9);
    String html = HtmlFixtures.render(result, HtmlFixtures.context());
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(Pattern.compile("<rect class=\"frame\"").matcher(svg).results().count()).isEqualTo(TopologyPicture.VNET_LIMIT);
    // The one failing VNet comes last, yet is drawn; the ones left out (vnet-6 .. vnet-8) pass.
    assertThat(svg).contains("VNet vnet-9 ").contains("VNet vnet-5 ").doesNotContain("VNet vnet-8 ").doesNotContain("VNet vnet-6 ");
    assertThat(html).contains(TopologyPicture.VNET_LIMIT + " of the " + (TopologyPicture.VNET_LIMIT + 3)
        + " virtual networks are drawn, those with the worst findings first; the other 3");
    // Every resource keeps its row in the resources table.
    for (int i = 0; i < TopologyPicture.VNET_LIMIT + 3; i++) {
      assertThat(html).contains(">vnet-" + i + "<").contains(">vm-" + i + "<");
    }
  }

  @Test
  void aFewVnetsAreAllDrawnWithNoWordAboutLimits() {
    AuditResult result = HtmlFixtures.manyVnets(3, 2);
    String html = HtmlFixtures.render(result, HtmlFixtures.context());
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(Pattern.compile("<rect class=\"frame\"").matcher(svg).results().count()).isEqualTo(3);
    assertThat(html).doesNotContain("virtual networks are drawn");
  }

  @Test
  void aFailingWriterFailsWithItsIoException() {
    java.io.Writer broken = new java.io.Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HtmlReportWriter().write(
            HtmlFixtures.example("compliant.json"), HtmlFixtures.context(), new java.io.BufferedWriter(broken, 16)))
        .isInstanceOf(IOException.class).hasMessage("disk full");
  }

  @Test
  void dataBlocksCannotBeBrokenOutOfWhateverTheRowsHold() throws Exception {
    String html = HtmlFixtures.render(HtmlFixtures.hostileAtScale(), HtmlFixtures.hostileContext());
    List<HtmlMarkup.RawText> blocks = HtmlMarkup.rawTexts(html).stream()
        .filter(r -> "application/json".equals(r.start().attribute("type"))).toList();
    assertThat(blocks).extracting(b -> b.start().attribute("id")).contains("resources-rows");
    StringBuilder all = new StringBuilder();
    for (HtmlMarkup.RawText block : blocks) {
      assertInertDataBlock(block.text());
      JSON.readTree(block.text()).findValues("rows").forEach(rows -> rows.forEach(row -> row.forEach(v -> all.append(v).append('\n'))));
    }
    // What the fixtures planted comes back out of JSON.parse as the visible text the script draws.
    String visible = VisibleText.line(HtmlFixtures.HOSTILE_DATA);
    assertThat(visible).contains("</script><script>alert(1)</script><!--").contains("\u27e8U+2028\u27e9");
    assertThat(all).contains("</script><!--<script>window.__pwned=52</script>").contains(JSON.writeValueAsString(visible));
    assertThat(HtmlMarkup.tags(html).stream().filter(t -> t.name().equals("script")).count())
        .isEqualTo(blocks.size() + 1);
  }

  @Test
  void resourcesTableDrawsThoseThatNeedAttentionAndKeepsTheRestInADataBlock() throws Exception {
    AuditResult result = HtmlFixtures.manyVnets(300, 9);
    String html = HtmlFixtures.render(result, HtmlFixtures.context());
    String table = html.substring(html.indexOf("<table class=\"plain res\">"), html.indexOf("</table>", html.indexOf("<table class=\"plain res\">")));
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Matcher row = Pattern.compile("<tr id=\"(res-[0-9a-f-]+)\" class=\"rrow\">\n<td class=\"rcell\"><span class=\"rname\">([^<]*)</span>"
        + "<code class=\"sid\">([^<]*)</code>").matcher(table);
    while (row.find()) {
      names.add(row.group(2));
      ids.add(row.group(3));
    }
    assertThat(names).hasSize(ReportViews.RENDERED_ROWS).startsWith("vm-9"); // the failing VM first
    assertThat(html).contains("<button type=\"button\" class=\"show-resources\">Show all 900 resources</button> 700 more");

    HtmlMarkup.RawText block = HtmlMarkup.rawTexts(html).stream()
        .filter(r -> "resources-rows".equals(r.start().attribute("id"))).findFirst().orElseThrow();
    JsonNode data = JSON.readTree(block.text());
    Map<String, String> typeOf = new java.util.HashMap<>();
    result.resources().forEach(r -> typeOf.put(r.id(), r.type()));
    for (JsonNode kept : data.get("rows")) {
      String id = data.get("groups").get(kept.get(2).asInt()).asText() + kept.get(3).asText();
      assertThat(typeOf).containsKey(id);
      assertThat(data.get("kinds").get(kept.get(4).asInt()).get(1).asText()).isEqualTo(typeOf.get(id));
      assertThat(kept.get(7).asText()).isIn("PASS", "NONE"); // nothing that needs attention waits in the block
      JsonNode links = kept.get(8);
      if (kept.get(7).asText().equals("PASS")) {
        assertThat(links.size()).isEqualTo(2);
        assertThat(data.get("rules").get(links.get(0).asInt()).get(1).asText()).isEqualTo("SYN-V-01");
        assertThat(links.get(1).asText()).isEqualTo("PASS");
      } else {
        assertThat(links.size()).isZero();
      }
      names.add(kept.get(1).asText());
      ids.add(id);
    }
    // Drawn and kept rows together are every resource once, in the table's order: worst, kind, name.
    assertThat(ids).hasSize(900).doesNotHaveDuplicates();
    assertThat(names.subList(0, 300)).allMatch(n -> n.startsWith("vm-"));
    assertThat(names.get(299)).isEqualTo("vm-99");
    assertThat(names.subList(300, 900)).allMatch(n -> n.startsWith("vnet-") || n.equals("app"));
  }

  @Test
  void jsonDataBlocksEscapeEverythingTheHtmlTokenizerCouldActOn() throws Exception {
    String hostile = "</script><script>alert(1)</script> <!-- <script> --> & \u2028 \u2029 \u202e \u2066 \u0000 \ud83d\ude00"
        + " </SCRIPT > ]]> \" \\";
    JsonDataBlock block = new JsonDataBlock() {
      @Override
      void writeJson(com.fasterxml.jackson.core.JsonGenerator json) throws IOException {
        json.writeStartArray();
        json.writeString(hostile);
        json.writeEndArray();
      }
    };
    StringWriter out = new StringWriter();
    block.writeTo(new gg.jte.html.OwaspHtmlTemplateOutput(new gg.jte.output.WriterOutput(out)));
    String text = out.toString();
    assertInertDataBlock(text);
    assertThat(text).contains("\\u003C/script\\u003E").contains("\\u2028").contains("\\u2029").contains("\\u202E");
    assertThat(JSON.readTree(text).get(0).asText()).isEqualTo(hostile);
  }

  /** Printable ASCII without '<', '>' or '&': nothing the HTML tokenizer acts on inside a script element. */
  private static void assertInertDataBlock(String text) {
    assertThat(text).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(text.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
  }

  private static String withoutConstantAssets(String html) {
    HtmlAssets assets = HtmlAssets.bundled();
    return html.replace(assets.css(), "").replace(assets.js(), "");
  }
}
