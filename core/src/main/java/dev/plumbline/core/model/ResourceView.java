package dev.plumbline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A typed view over one resource's raw JSON, with the relationships the topology resolved. */
public interface ResourceView {

  Resource resource();

  Topology topology();

  default ResourceId id() {
    return resource().id();
  }

  default String name() {
    return resource().name();
  }

  default JsonNode get(String path) {
    return resource().get(path);
  }

  default Optional<String> text(String path) {
    return resource().text(path);
  }

  default List<String> zones() {
    return resource().zones();
  }

  /** Resources reached from this one through a relation. */
  default List<Resource> related(Relation relation) {
    return topology().related(resource(), relation);
  }

  default Optional<Resource> relatedOne(Relation relation) {
    return topology().relatedOne(resource(), relation);
  }
}
