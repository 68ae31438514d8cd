package dev.plumbline.core.model;

/**
 * Where a resource came from: a file with the JSON pointer, line and column of its object, or the
 * ARM request URL of a live read. Reports point at it.
 *
 * @param source the input file as the user named it, or the request URL for live reads
 * @param pointer RFC 6901 JSON pointer of the resource inside the file ("" for the whole document)
 * @param line 1-based line of the object's opening brace, or 0 when unknown
 * @param column 1-based column of the object's opening brace, or 0 when unknown
 */
public record Provenance(String source, String pointer, int line, int column) {

  public Provenance {
    source = source == null ? "" : source;
    pointer = pointer == null ? "" : pointer;
  }

  /** Provenance for something that has no place in a file (a scope-wide finding, a synthetic subject). */
  public static Provenance none() {
    return new Provenance("", "", 0, 0);
  }

  /** Whether the line and column are known. */
  public boolean hasPosition() {
    return line > 0;
  }

  /** {@code file:line:column}, the form editors and CI annotations understand. */
  @Override
  public String toString() {
    return hasPosition() ? source + ":" + line + ":" + column : source;
  }
}
