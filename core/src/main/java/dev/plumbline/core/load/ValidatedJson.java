package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Provenance;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A JSON file of a kind Plumbline defines (suppressions, say), read with positions kept and checked
 * against its JSON Schema, so every complaint about it names the file, line and column.
 */
public final class ValidatedJson {

  private final JsonDocument document;

  private ValidatedJson(JsonDocument document) {
    this.document = document;
  }

  /**
   * Reads and validates a file.
   *
   * @param schemaResource the schema's class-path location in this module
   * @param kind what the file is, for messages: "Plumbline suppressions file"
   * @throws InputException when the file is missing, not JSON, or not valid against the schema
   */
  public static ValidatedJson read(Path file, String schemaResource, String kind) throws InputException {
    ValidatedJson json = read(file);
    Optional<SnapshotSchema.Violation> violation = new SnapshotSchema(schemaResource).firstViolation(json.root());
    if (violation.isPresent()) {
      Provenance at = json.document.at(violation.get().pointer());
      throw new InputException(file.toString(), at.line(), at.column(), "not a valid " + kind + ": " + violation.get().message());
    }
    return json;
  }

  /** Reads a file that the caller checks itself, keeping positions for its complaints. */
  public static ValidatedJson read(Path file) throws InputException {
    return new ValidatedJson(JsonDocument.parse(file.toString(), InputFiles.readAllBytes(file)));
  }

  public JsonNode root() {
    return document.root();
  }

  /** Where the value at a JSON pointer sits in the file. */
  public Provenance at(String pointer) {
    return document.at(pointer);
  }

  /** A complaint about the value at a JSON pointer, naming its line and column. */
  public InputException error(String pointer, String problem) {
    Provenance at = document.at(pointer);
    return new InputException(document.file(), at.line(), at.column(), problem);
  }
}
