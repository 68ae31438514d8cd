package dev.plumbline.reports.html;

import dev.plumbline.reports.UntrustedText;

/**
 * Makes untrusted text safe to look at. jte escapes markup; this handles what escaping leaves alone:
 * control characters, line and paragraph separators, bidirectional overrides and lone surrogates,
 * which could garble a cell or make a name read differently from what it is ("Trojan source").
 * Each is replaced by a visible stand-in, so a reviewer sees that it was there.
 */
final class VisibleText {

  private VisibleText() {}

  /** The text with invisible and reordering characters made visible; tabs and newlines are kept. */
  static String of(String text) {
    if (text == null) {
      return "";
    }
    if (printableAscii(text, true)) {
      return text;
    }
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(text, i, c);
      if (replacement != null && clean == null) {
        clean = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (clean != null) {
        if (replacement != null) {
          clean.append(replacement);
        } else {
          clean.append(c);
        }
      }
    }
    return clean == null ? text : clean.toString();
  }

  /** The text on one line: newlines and tabs become spaces as well. */
  static String line(String text) {
    if (text != null && printableAscii(text, false)) {
      return text;
    }
    return of(text).replace('\n', ' ').replace('\t', ' ');
  }

  /**
   * Whether the text is printable ASCII (with tabs and newlines when they are kept), which needs no
   * stand-in: most names and sentences, checked in one pass before the careful one.
   */
  private static boolean printableAscii(String text, boolean keepsBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x7F || c < 0x20 && !(keepsBreaks && (c == '\n' || c == '\t'))) {
        return false;
      }
    }
    return true;
  }

  /** The first {@code max} code points of a one-line text, with an ellipsis when cut. */
  static String shortened(String text, int max) {
    return UntrustedText.shortened(line(text), max);
  }

  private static String replacement(String text, int i, char c) {
    if (c == '\n' || c == '\t') {
      return null;
    }
    if (c < 0x20) {
      return String.valueOf((char) (0x2400 + c)); // control pictures: U+2400 SYMBOL FOR NULL ...
    }
    if (c == 0x7F) {
      return "\u2421";
    }
    if (c >= 0x80 && c <= 0x9F || c == 0x2028 || c == 0x2029 || c >= 0x202A && c <= 0x202E
        || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF
        || c >= 0xFFF9 && c <= 0xFFFB) {
      return String.format(java.util.Locale.ROOT, "\u27e8U+%04X\u27e9", (int) c);
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : "\uFFFD";
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : "\uFFFD";
    }
    return null;
  }
}
