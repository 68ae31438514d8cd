package dev.plumbline.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tags of a rendered report the way a browser would see them, for assertions. Text from the
 * audit is escaped, so every raw {@code <} outside the script and style elements starts a real tag.
 */
final class HtmlMarkup {

  private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

  /** A start tag with its attributes (names lower-cased, values raw). */
  record Tag(String name, List<String[]> attributes, int offset) {
    String attribute(String name) {
      for (String[] attribute : attributes) {
        if (attribute[0].equals(name)) {
          return attribute[1];
        }
      }
      return null;
    }
  }

  /** An element's raw text between its start and end tag (script and style only). */
  record RawText(String tag, Tag start, String text) {}

  private HtmlMarkup() {}

  static List<Tag> tags(String html) {
    List<Tag> tags = new ArrayList<>();
    scan(html, tags, new ArrayList<>());
    return tags;
  }

  static List<RawText> rawTexts(String html) {
    List<RawText> texts = new ArrayList<>();
    scan(html, new ArrayList<>(), texts);
    return texts;
  }

  private static void scan(String html, List<Tag> tags, List<RawText> texts) {
    int i = 0;
    while (true) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= html.length()) {
        return;
      }
      if (html.startsWith("<!--", lt)) {
        i = html.indexOf("-->", lt) + 3;
        continue;
      }
      char next = html.charAt(lt + 1);
      if (next == '!' || next == '/' || next == '?') {
        i = html.indexOf('>', lt) + 1;
        continue;
      }
      if (!Character.isLetter(next)) {
        throw new AssertionError("a raw '<' that starts no tag at offset " + lt + ": "
            + html.substring(lt, Math.min(html.length(), lt + 60)));
      }
      int end = tagEnd(html, lt);
      String inside = html.substring(lt + 1, end);
      int space = 0;
      while (space < inside.length() && !Character.isWhitespace(inside.charAt(space)) && inside.charAt(space) != '/') {
        space++;
      }
      String name = inside.substring(0, space).toLowerCase(Locale.ROOT);
      List<String[]> attributes = new ArrayList<>();
      Matcher m = ATTRIBUTE.matcher(inside.substring(space));
      while (m.find()) {
        String value = m.group(2);
        if (value != null && (value.startsWith("\"") || value.startsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        attributes.add(new String[] {m.group(1).toLowerCase(Locale.ROOT), value});
      }
      Tag tag = new Tag(name, attributes, lt);
      tags.add(tag);
      i = end + 1;
      if (name.equals("script") || name.equals("style")) {
        int close = html.indexOf("</" + name + ">", i);
        if (close < 0) {
          throw new AssertionError("<" + name + "> at offset " + lt + " is never closed");
        }
        texts.add(new RawText(name, tag, html.substring(i, close)));
        i = close + name.length() + 3;
      }
    }
  }

  /** The '>' that ends a tag, skipping quoted attribute values. */
  private static int tagEnd(String html, int lt) {
    char quote = 0;
    for (int j = lt + 1; j < html.length(); j++) {
      char c = html.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return j;
      }
    }
    throw new AssertionError("a tag at offset " + lt + " is never closed");
  }

  /** Undoes the HTML escapes jte writes in attribute values. */
  static String unescapeAttribute(String value) {
    return value.replace("&#39;", "'").replace("&#34;", "\"").replace("&quot;", "\"").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }
}
