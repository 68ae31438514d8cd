package dev.plumbline.reports;

/** What every writer needs to know about text that came from the audited topology. */
public final class UntrustedText {

  private UntrustedText() {}

  /**
   * Controls (C0, DEL, C1), format characters (bidirectional overrides, zero-width), line and
   * paragraph separators, unpaired surrogates and noncharacters: what no name should show raw.
   */
  public static boolean invisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
        || (codePoint & 0xFFFE) == 0xFFFE || codePoint >= 0xFDD0 && codePoint <= 0xFDEF;
  }

  /** The first {@code max} code points, with an ellipsis when cut; a surrogate pair is never split. */
  public static String shortened(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
