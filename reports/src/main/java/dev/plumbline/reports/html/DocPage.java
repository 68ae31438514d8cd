package dev.plumbline.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's Markdown doc page, read into the small subset the report shows: sections, subheadings,
 * paragraphs, lists, fenced code, and inline code, bold and links. Nothing is passed through as HTML:
 * the template escapes every piece, and a link is shown as its text followed by the address, never
 * as a live link (the report makes no requests and sends no one elsewhere).
 *
 * @param sections the {@code ##} sections in page order
 */
public record DocPage(List<Section> sections) {

  private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:[-*+]|\\d+[.)])\\s+(.*)$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)\\s*([A-Za-z0-9_+-]*)\\s*$");

  public DocPage {
    sections = List.copyOf(sections);
  }

  /** One {@code ##} section. */
  public record Section(String title, List<Block> blocks) {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** The kinds of block the subset knows. */
  public enum Kind { HEADING, PARAGRAPH, LIST, CODE }

  /**
   * A block of a section.
   *
   * @param spans the text of a heading or paragraph
   * @param items the items of a list
   * @param code the text of a code block
   * @param language the language named on the code fence, or ""
   */
  public record Block(Kind kind, List<Span> spans, List<Item> items, String code, String language) {
    public Block {
      spans = List.copyOf(spans);
      items = List.copyOf(items);
    }

    public boolean is(String kindName) {
      return kind.name().equalsIgnoreCase(kindName);
    }
  }

  /** A list item; {@code depth} 0 for the outer list, 1 for items indented under another. */
  public record Item(int depth, List<Span> spans) {
    public Item {
      spans = List.copyOf(spans);
    }
  }

  /** A run of inline text: plain, code or bold. */
  public record Span(String text, boolean code, boolean strong) {}

  /** The section with this title (case ignored), e.g. {@code Why}. */
  public Optional<Section> section(String title) {
    return sections.stream().filter(s -> s.title().equalsIgnoreCase(title)).findFirst();
  }

  /** Reads a page; text that is not in the subset becomes plain paragraphs. */
  public static DocPage parse(String markdown) {
    List<Section> sections = new ArrayList<>();
    String title = null;
    List<Block> blocks = new ArrayList<>();
    List<String> paragraph = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher fence = FENCE.matcher(line);
      if (fence.matches()) {
        flush(blocks, paragraph, items);
        StringBuilder code = new StringBuilder();
        int j = i + 1;
        while (j < lines.length && !lines[j].trim().startsWith(fence.group(1))) {
          code.append(lines[j]).append('\n');
          j++;
        }
        blocks.add(new Block(Kind.CODE, List.of(), List.of(), VisibleText.of(code.toString().stripTrailing()),
            fence.group(2).toLowerCase(Locale.ROOT)));
        i = j;
        continue;
      }
      if (line.startsWith("## ") || line.startsWith("# ")) {
        flush(blocks, paragraph, items);
        if (title != null) {
          sections.add(new Section(title, blocks));
        }
        blocks = new ArrayList<>();
        title = line.startsWith("## ") ? VisibleText.line(line.substring(3).trim()) : null;
        continue;
      }
      if (line.startsWith("#")) {
        flush(blocks, paragraph, items);
        blocks.add(new Block(Kind.HEADING, spans(line.replaceFirst("^#+\\s*", "")), List.of(), "", ""));
        continue;
      }
      if (line.isBlank()) {
        flush(blocks, paragraph, items);
        continue;
      }
      Matcher item = ITEM.matcher(line);
      if (item.matches()) {
        if (!paragraph.isEmpty()) {
          flush(blocks, paragraph, List.of());
        }
        items.add(new Item(item.group(1).length() >= 2 ? 1 : 0, spans(item.group(2))));
        continue;
      }
      if (!items.isEmpty() && Character.isWhitespace(line.charAt(0))) {
        Item last = items.remove(items.size() - 1);
        List<Span> joined = new ArrayList<>(last.spans());
        joined.add(new Span(" ", false, false));
        joined.addAll(spans(line.trim()));
        items.add(new Item(last.depth(), joined));
        continue;
      }
      if (!items.isEmpty()) {
        flush(blocks, List.of(), items);
      }
      paragraph.add(line.startsWith(">") ? line.substring(1).trim() : line.trim());
    }
    flush(blocks, paragraph, items);
    if (title != null) {
      sections.add(new Section(title, blocks));
    }
    return new DocPage(sections);
  }

  private static void flush(List<Block> blocks, List<String> paragraph, List<Item> items) {
    if (!paragraph.isEmpty()) {
      blocks.add(new Block(Kind.PARAGRAPH, spans(String.join(" ", paragraph)), List.of(), "", ""));
      paragraph.clear();
    }
    if (!items.isEmpty()) {
      blocks.add(new Block(Kind.LIST, List.of(), items, "", ""));
      items.clear();
    }
  }

  /** Inline Markdown: `code`, **bold**, and [text](address) shown as "text (address)". */
  static List<Span> spans(String text) {
    List<Span> spans = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    boolean strong = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int end = text.indexOf('`', i + 1);
        if (end > i) {
          add(spans, plain, strong);
          spans.add(new Span(VisibleText.line(text.substring(i + 1, end)), true, strong));
          i = end + 1;
          continue;
        }
      } else if (c == '*' && text.startsWith("**", i)) {
        add(spans, plain, strong);
        strong = !strong;
        i += 2;
        continue;
      } else if (c == '[') {
        int close = text.indexOf("](", i);
        int end = close < 0 ? -1 : text.indexOf(')', close);
        if (close > i && end > close) {
          plain.append(text, i + 1, close).append(" (").append(text, close + 2, end).append(')');
          i = end + 1;
          continue;
        }
      }
      plain.append(c);
      i++;
    }
    add(spans, plain, strong);
    return spans;
  }

  private static void add(List<Span> spans, StringBuilder plain, boolean strong) {
    if (plain.length() > 0) {
      spans.add(new Span(VisibleText.line(plain.toString()), false, strong));
      plain.setLength(0);
    }
  }
}
