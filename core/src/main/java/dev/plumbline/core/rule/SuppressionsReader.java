package dev.plumbline.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.load.ValidatedJson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a suppressions file ({@code {"plumblineSuppressions": 1, "suppressions": [{"rule",
 * "resource", "justification", "expires"}]}}), checked against its shipped JSON Schema; a bad file
 * is one {@link InputException} naming line and column.
 */
public final class SuppressionsReader {

  /** Where the schema sits on the class path, for tools that want to publish it. */
  public static final String SCHEMA = "/dev/plumbline/core/rule/suppressions.schema.json";

  public Suppressions read(Path file) throws InputException {
    ValidatedJson json = ValidatedJson.read(file, SCHEMA, "Plumbline suppressions file");
    List<Suppression> entries = new ArrayList<>();
    JsonNode list = json.root().get("suppressions");
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String pointer = "/suppressions/" + i;
      Optional<LocalDate> expires = Optional.empty();
      if (entry.hasNonNull("expires")) {
        try {
          expires = Optional.of(LocalDate.parse(entry.get("expires").asText()));
        } catch (DateTimeParseException e) {
          throw json.error(pointer + "/expires", "expected a calendar date YYYY-MM-DD in 'expires', found '"
              + entry.get("expires").asText() + "'");
        }
      }
      entries.add(new Suppression(entry.get("rule").asText(), entry.get("resource").asText(),
          entry.get("justification").asText().trim(), expires, json.at(pointer)));
    }
    return new Suppressions(entries);
  }
}
