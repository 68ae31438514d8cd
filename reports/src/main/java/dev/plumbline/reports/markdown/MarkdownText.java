package dev.plumbline.reports.markdown;

import dev.plumbline.reports.UntrustedText;

/**
 * Makes untrusted text inert in GitHub-flavoured Markdown: it reads as the characters it is, inside a
 * table cell, a list item or a heading. Markup characters are backslash-escaped (CommonMark lets any
 * ASCII punctuation be escaped), line breaks and control characters become spaces, and the shapes
 * GitHub turns into links by themselves ({@code scheme://}, {@code www.}, {@code name@host}) get a
 * zero-width joiner, which no autolink rule accepts and no reader sees.
 */
final class MarkdownText {

  /** Breaks autolinks without showing. */
  static final char ZERO_WIDTH_JOINER = '\u200D';

  /** Characters with a meaning in GFM (or GitHub's math) wherever they stand. */
  private static final String ESCAPED = "\\`*_[]<>#|&~$!";

  private MarkdownText() {}

  /** The text on one line, shortened to {@code max} code points (with an ellipsis) and escaped. */
  static String inline(String text, int max) {
    if (text == null) {
      return "";
    }
    String line = UntrustedText.shortened(oneLine(text).strip(), max);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (ESCAPED.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c == ':' && line.startsWith("//", i + 1)) {
        out.append(c).append(ZERO_WIDTH_JOINER);
      } else if (c == '@') {
        out.append(c).append(ZERO_WIDTH_JOINER);
      } else if ((c == 'w' || c == 'W') && line.regionMatches(true, i, "www.", 0, 4)) {
        out.append(line, i, i + 3).append(ZERO_WIDTH_JOINER);
        i += 2;
      } else {
        out.append(c);
      }
    }
    return escapeBlockStart(out);
  }

  /**
   * One line of plain characters: line breaks (also U+2028, U+2029, U+0085) and other control
   * characters become spaces; bidirectional overrides, which make text read differently from what
   * it is, lone surrogates and the non-characters U+FFFE and U+FFFF become U+FFFD.
   */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
          || c == 0xFFFE || c == 0xFFFF) {
        out.append('\uFFFD');
      } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }


  /** A list item or heading must not turn into a nested list, a setext underline or an ordered item. */
  private static String escapeBlockStart(StringBuilder text) {
    if (text.length() == 0) {
      return "";
    }
    char first = text.charAt(0);
    if (first == '-' || first == '+' || first == '=') {
      return "\\" + text;
    }
    int digits = 0;
    while (digits < text.length() && digits < 10 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
      digits++;
    }
    if (digits > 0 && digits < text.length() && (text.charAt(digits) == '.' || text.charAt(digits) == ')')) {
      text.insert(digits, '\\');
    }
    return text.toString();
  }
}
