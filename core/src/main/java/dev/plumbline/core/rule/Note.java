package dev.plumbline.core.rule;

import java.util.List;

/**
 * Something a rule pack states about the audited topology as a whole, shown in every report beside
 * the findings: "Connect nodes: vm-1 (member of pool ...; tagged role=posit-connect)".
 *
 * @param title a short heading
 * @param lines one line per item
 */
public record Note(String packId, String title, List<String> lines) {

  public Note {
    lines = List.copyOf(lines);
  }
}
