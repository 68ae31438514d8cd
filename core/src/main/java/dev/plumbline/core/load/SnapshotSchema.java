package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The JSON Schema every snapshot is validated against, shipped in this module. */
public final class SnapshotSchema {

  /** Where the schema sits on the class path, for tools that want to publish it. */
  public static final String RESOURCE = "/dev/plumbline/core/load/snapshot.schema.json";

  private final Schema schema;

  public SnapshotSchema() {
    this(RESOURCE);
  }

  /** Another schema shipped in this module, read the same way (the suppressions file's, say). */
  SnapshotSchema(String resource) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream in = SnapshotSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the class path: " + resource);
      }
      this.schema = registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A violation: where in the document (JSON pointer) and what is wrong. */
  public record Violation(String pointer, String message) {}

  /** The first violation the validator reports, or empty when the snapshot is valid. */
  public Optional<Violation> firstViolation(JsonNode snapshot) {
    List<Error> errors = schema.validate(snapshot);
    return errors.stream()
        .map(error -> new Violation(pointer(error.getInstanceLocation()), message(error)))
        .findFirst();
  }

  private static String message(Error error) {
    String text = error.getMessage();
    // The library prefixes the instance location; the caller states the location itself.
    int colon = text.indexOf(": ");
    return colon > 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
  }

  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/').append(element instanceof Integer ? element.toString() : JsonDocument.escape(String.valueOf(element)));
    }
    return pointer.toString();
  }
}
