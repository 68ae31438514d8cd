package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.rule.Suppression;
import dev.plumbline.core.rule.Suppressions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a suppressions file ({@code {"plumblineSuppressions": 1, "suppressions": [{"rule",
 * "resource", "justification", "expires"}]}}), validated against the schema shipped beside the
 * snapshot schema; a bad file is one {@link InputException} naming line and column.
 */
public final class SuppressionsReader {

  /** Where the schema sits on the class path. */
  public static final String SCHEMA = "/dev/plumbline/core/load/suppressions.schema.json";

  private SnapshotSchema schema;

  public Suppressions read(Path file) throws InputException {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(name, 0, 0, "no such file");
    } catch (IOException e) {
      throw new InputException(name, 0, 0, "cannot be read: " + e.getMessage(), e);
    }
    JsonDocument document = JsonDocument.parse(name, bytes);
    if (schema == null) {
      schema = new SnapshotSchema(SCHEMA);
    }
    Optional<SnapshotSchema.Violation> violation = schema.firstViolation(document.root());
    if (violation.isPresent()) {
      var at = document.at(violation.get().pointer());
      throw new InputException(name, at.line(), at.column(),
          "not a valid Plumbline suppressions file: " + violation.get().message());
    }
    List<Suppression> entries = new ArrayList<>();
    JsonNode list = document.root().get("suppressions");
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String pointer = "/suppressions/" + i;
      Optional<LocalDate> expires = Optional.empty();
      if (entry.hasNonNull("expires")) {
        try {
          expires = Optional.of(LocalDate.parse(entry.get("expires").asText()));
        } catch (DateTimeParseException e) {
          var at = document.at(pointer + "/expires");
          throw new InputException(name, at.line(), at.column(), "expected a calendar date YYYY-MM-DD in 'expires', found '"
              + entry.get("expires").asText() + "'");
        }
      }
      entries.add(new Suppression(entry.get("rule").asText(), entry.get("resource").asText(),
          entry.get("justification").asText().trim(), expires, document.at(pointer)));
    }
    return new Suppressions(entries);
  }
}
