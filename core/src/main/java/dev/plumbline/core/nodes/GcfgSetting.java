package dev.plumbline.core.nodes;

import java.util.Locale;
import java.util.Objects;

/**
 * One {@code name = value} line of a gcfg file, as written; {@link #toString()} redacts secrets.
 *
 * @param section the section name as written
 * @param subsection the quoted subsection with escapes resolved, or null when there is none
 * @param name the variable name as written
 * @param value the value unquoted, escapes resolved, trimmed; {@code "true"} for a bare name
 * @param line the 1-based line the name is on
 */
public record GcfgSetting(String section, String subsection, String name, String value, int line) {

  public GcfgSetting {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Lower-cased {@code section.name}, or {@code section "Sub".name}: gcfg matches section and variable
   * names ignoring case but subsection names exactly.
   */
  public String key() {
    String lowerSection = section.toLowerCase(Locale.ROOT);
    String lowerName = name.toLowerCase(Locale.ROOT);
    if (subsection == null) {
      return lowerSection + "." + lowerName;
    }
    // Escaped as in the file, so a subsection holding '"' cannot be mistaken for another key.
    String quoted = subsection.replace("\\", "\\\\").replace("\"", "\\\"");
    return lowerSection + " \"" + quoted + "\"." + lowerName;
  }

  /** The value as Connect would read it. */
  public GcfgValue typed() {
    return GcfgValue.of(value);
  }

  /** Whether the value is, or holds, a credential. */
  public boolean secret() {
    return Secrets.isSecret(key()) || !Secrets.redact(key(), value).equals(value);
  }

  @Override
  public String toString() {
    return key() + " = " + Secrets.redact(key(), value) + " (line " + line + ")";
  }
}
