package dev.plumbline.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocPageTest {

  @Test
  void readsSectionsParagraphsListsAndCode() {
    DocPage page = DocPage.parse("# PCHA-X-01 Name\n\n## Why\nLine one\nline two with `code` and **bold**.\n\n"
        + "- first\n  continued\n  - nested [docs](https://example.com/x)\n\n## How to fix\n### Azure CLI\n```bash\naz thing \\\n  --flag\n```\n");
    DocPage.Section why = page.section("why").orElseThrow();
    assertThat(why.blocks()).extracting(DocPage.Block::kind).containsExactly(DocPage.Kind.PARAGRAPH, DocPage.Kind.LIST);
    assertThat(why.blocks().get(0).spans()).containsExactly(new DocPage.Span("Line one line two with ", false, false),
        new DocPage.Span("code", true, false), new DocPage.Span(" and ", false, false), new DocPage.Span("bold", false, true),
        new DocPage.Span(".", false, false));
    List<DocPage.Item> items = why.blocks().get(1).items();
    assertThat(items).extracting(DocPage.Item::depth).containsExactly(0, 1);
    assertThat(items.get(0).spans()).extracting(DocPage.Span::text).containsExactly("first", " ", "continued");
    assertThat(items.get(1).spans()).extracting(DocPage.Span::text).containsExactly("nested docs (https://example.com/x)");
    DocPage.Section fix = page.section("How to fix").orElseThrow();
    assertThat(fix.blocks()).extracting(DocPage.Block::kind).containsExactly(DocPage.Kind.HEADING, DocPage.Kind.CODE);
    assertThat(fix.blocks().get(1).code()).isEqualTo("az thing \\\n  --flag");
    assertThat(fix.blocks().get(1).language()).isEqualTo("bash");
  }

  @Test
  void markupInThePageStaysText() {
    DocPage page = DocPage.parse("## Why\n<script>alert(1)</script> [x](javascript:alert(2))\n");
    assertThat(page.section("Why").orElseThrow().blocks().get(0).spans())
        .containsExactly(new DocPage.Span("<script>alert(1)</script> x (javascript:alert(2))", false, false));
  }
}
