package dev.plumbline.reports.junit;

/**
 * Makes untrusted text fit XML 1.0. The StAX writer escapes markup but writes any character it is
 * given, and XML 1.0 cannot hold most control characters, U+FFFE, U+FFFF or a lone surrogate even as
 * a character reference: one such character in a resource name would make the whole report
 * unreadable. Each is replaced by U+FFFD, so a reader sees that something was there.
 */
final class XmlText {

  /** Stands in for a character XML 1.0 cannot carry. */
  static final char REPLACEMENT = '\uFFFD';

  private XmlText() {}

  /** Text content: tabs and line breaks are kept. */
  static String content(String text) {
    return clean(text, false);
  }

  /** An attribute value: tabs and line breaks become spaces, as a parser would turn them anyway. */
  static String attribute(String text) {
    return clean(text, true);
  }

  private static String clean(String text, boolean oneLine) {
    if (text == null) {
      return "";
    }
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char replacement = c;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (clean != null) {
          clean.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (!allowed(c)) {
        replacement = REPLACEMENT;
      } else if (oneLine && (c == '\t' || c == '\n' || c == '\r')) {
        replacement = ' ';
      }
      if (replacement != c && clean == null) {
        clean = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (clean != null) {
        clean.append(replacement);
      }
    }
    return clean == null ? text : clean.toString();
  }

  /** The XML 1.0 {@code Char} production, for one UTF-16 unit that is not part of a surrogate pair. */
  private static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r'
        || c >= 0x20 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD;
  }
}
