package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One template resource shaped like the body of an ARM GET, with its static expressions evaluated.
 *
 * @param pointer  RFC 6901 JSON pointer of the resource object inside the template, e.g. {@code /resources/0/resources/1}
 * @param resource a new node, sharing nothing with the template, with {@code id}, {@code name} and {@code type} set
 */
public record ResolvedResource(String pointer, ObjectNode resource) {

  public ResolvedResource {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(resource, "resource");
  }
}
