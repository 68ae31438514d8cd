package dev.plumbline.reports.html;

import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;

/**
 * How an outcome is shown, worst first: a colour from the Okabe–Ito palette, a glyph and a word, so
 * that the meaning never rests on colour alone (and survives greyscale print through the hatch).
 *
 * <p>Text on the fills is black: white on vermillion (3.9:1) or bluish green (3.4:1) falls short of
 * WCAG's 4.5:1, black reaches 5.4:1 and 6.1:1.
 */
public enum Look {
  FAIL_HIGH(Status.FAIL, "\u2716", "FAIL", "H", "#D55E00", "#000000", "#1b1b1b", 3, false),
  FAIL_MEDIUM(Status.FAIL, "\u2716", "FAIL", "M", "#E69F00", "#000000", "#1b1b1b", 1.5, false),
  FAIL_LOW(Status.FAIL, "\u2716", "FAIL", "L", "#E69F00", "#000000", "#1b1b1b", 1.5, false),
  FAIL_INFO(Status.FAIL, "\u2716", "FAIL", "I", "#E69F00", "#000000", "#1b1b1b", 1.5, false),
  ERROR(Status.ERROR, "!", "ERROR", "", "#CC79A7", "#000000", "#1b1b1b", 1.5, false),
  UNKNOWN(Status.UNKNOWN, "?", "UNKNOWN", "", "url(#hatch)", "#1b1b1b", "#4d4d4d", 1.5, true),
  PASS(Status.PASS, "\u2713", "PASS", "", "#009E73", "#000000", "#1b1b1b", 1.5, false),
  NOT_APPLICABLE(Status.NOT_APPLICABLE, "\u2013", "N/A", "", "#F2F2F2", "#4d4d4d", "#767676", 1, false),
  NONE(null, "\u25cb", "no finding", "", "#FFFFFF", "#4d4d4d", "#767676", 1, true);

  private final Status status;
  private final String glyph;
  private final String word;
  private final String severityLetter;
  private final String fill;
  private final String ink;
  private final String stroke;
  private final double strokeWidth;
  private final boolean dashed;

  Look(Status status, String glyph, String word, String severityLetter, String fill, String ink, String stroke,
      double strokeWidth, boolean dashed) {
    this.status = status;
    this.glyph = glyph;
    this.word = word;
    this.severityLetter = severityLetter;
    this.fill = fill;
    this.ink = ink;
    this.stroke = stroke;
    this.strokeWidth = strokeWidth;
    this.dashed = dashed;
  }

  /** The look of an outcome; the severity matters only for FAIL. */
  public static Look of(Status status, Severity severity) {
    if (status == null) {
      return NONE;
    }
    return switch (status) {
      case FAIL -> switch (severity) {
        case HIGH -> FAIL_HIGH;
        case MEDIUM -> FAIL_MEDIUM;
        case LOW -> FAIL_LOW;
        case INFO -> FAIL_INFO;
      };
      case ERROR -> ERROR;
      case UNKNOWN -> UNKNOWN;
      case PASS -> PASS;
      case NOT_APPLICABLE -> NOT_APPLICABLE;
    };
  }

  /** The worse of two looks. */
  public Look worse(Look other) {
    return other.ordinal() < ordinal() ? other : this;
  }

  /** Whether a reviewer must act on it: a FAIL, an ERROR or an UNKNOWN. */
  public boolean needsAttention() {
    return ordinal() <= UNKNOWN.ordinal();
  }

  /** The status name as data attributes and filters use it, or "" for no finding. */
  public String status() {
    return status == null ? "" : status.name();
  }

  public String glyph() {
    return glyph;
  }

  /** The status in words: {@code FAIL}, {@code N/A}. */
  public String word() {
    return word;
  }

  /** {@code FAIL H}: the word with the severity letter for failures. */
  public String label() {
    return severityLetter.isEmpty() ? word : word + " " + severityLetter;
  }

  /** The legend's wording: {@code FAIL · HIGH}. */
  public String legend() {
    return TopologyPicture.statusLine(this).substring(glyph.length() + 1);
  }

  /** The CSS class of badges and rows: {@code lk-fail-high}. */
  public String css() {
    return "lk-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public String fill() {
    return fill;
  }

  public String ink() {
    return ink;
  }

  public String stroke() {
    return stroke;
  }

  public double strokeWidth() {
    return strokeWidth;
  }

  /** The SVG dash pattern of the outline, or null for a solid one (jte then leaves the attribute out). */
  public String dash() {
    return dashed ? "4 3" : null;
  }
}
