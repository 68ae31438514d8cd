package dev.plumbline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ARM resource, or a child embedded in one (a subnet in a VNet, a probe in a gateway), with its
 * raw JSON kept whole. Typed views read this JSON; nothing is copied into a second model. A
 * resource read from a file may drop its JSON once the topology is built and read it again from the
 * file's bytes when asked ({@link JsonSource}).
 */
public final class Resource {

  private final ResourceId id;
  private final ResourceType type;
  private volatile JsonNode raw;
  private final JsonSource source;
  private final Provenance provenance;
  private final Resource parent;
  /** The id's hash, kept here: resources key the topology's maps, and reaching the id's text for it was most of a lookup. */
  private final int hash;

  /**
   * @param parent the resource this one is embedded in, or null for a top-level resource
   */
  public Resource(ResourceId id, ResourceType type, JsonNode raw, Provenance provenance, Resource parent) {
    this(id, type, raw, provenance, parent, null);
  }

  /**
   * @param source where the JSON can be read again once {@link #release()} dropped it, or null to keep it
   */
  Resource(ResourceId id, ResourceType type, JsonNode raw, Provenance provenance, Resource parent, JsonSource source) {
    this.id = id;
    this.type = type;
    this.raw = raw;
    this.provenance = provenance;
    this.parent = parent;
    this.source = source;
    this.hash = id.hashCode();
  }

  /** Drops the JSON tree when it can be read again from its source. */
  void release() {
    if (source != null) {
      raw = null;
    }
  }

  /** Whether the tree is held now (not dropped for its source to read again). */
  boolean holdsTree() {
    return raw != null;
  }

  /** Where the JSON can be read again, or null when the resource keeps it. */
  JsonSource source() {
    return source;
  }

  public ResourceId id() {
    return id;
  }

  public ResourceType type() {
    return type;
  }

  /** Whether this resource is of {@code other} type, ignoring case. */
  public boolean is(ResourceType other) {
    return type.equals(other);
  }

  /** The JSON as it was read. */
  public JsonNode raw() {
    JsonNode tree = raw;
    return tree != null ? tree : JsonSource.Recent.read(source);
  }

  public Provenance provenance() {
    return provenance;
  }

  /** The resource this one is embedded in (a subnet's VNet when the subnet was read inside it). */
  public Optional<Resource> embeddedIn() {
    return Optional.ofNullable(parent);
  }

  /** The short name: the last segment of the id, even where ARM's {@code name} is {@code acct/pool/vol}. */
  public String name() {
    return id.name().orElseGet(() -> raw().path("name").asText(""));
  }

  public Optional<String> location() {
    return text("location");
  }

  /** The availability zones the resource is pinned to; empty when it is regional or the field is absent. */
  public List<String> zones() {
    JsonNode zones = raw().path("zones");
    if (!zones.isArray()) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    zones.forEach(zone -> result.add(zone.asText()));
    return List.copyOf(result);
  }

  /** Tags as given; look keys up with {@link #tag(String)}, which ignores case like Azure does. */
  public Map<String, String> tags() {
    JsonNode tags = raw().path("tags");
    if (!tags.isObject()) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    tags.fields().forEachRemaining(entry -> result.put(entry.getKey(), entry.getValue().asText()));
    return Collections.unmodifiableMap(result);
  }

  /** The value of a tag, matching the key without regard to case. */
  public Optional<String> tag(String key) {
    return tags().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  public JsonNode sku() {
    return raw().path("sku");
  }

  public JsonNode properties() {
    return raw().path("properties");
  }

  /**
   * The value at a dotted property path such as {@code properties.storage.storageSizeGB} or
   * {@code properties.exportPolicy.rules[0].allowedClients}; a {@link MissingNode} when any step is
   * absent. JSON {@code null} counts as absent, so fail-closed rules need only one check.
   */
  public JsonNode get(String path) {
    return PropertyPath.resolve(raw(), path);
  }

  /** The text at a property path, or empty when it is absent or not a scalar. */
  public Optional<String> text(String path) {
    JsonNode node = get(path);
    return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
  }

  /** The whole number at a property path (a number, or text holding one), or empty. */
  public Optional<Long> number(String path) {
    JsonNode node = get(path);
    if (node.isIntegralNumber()) {
      return Optional.of(node.asLong());
    }
    if (node.isNumber()) {
      return Optional.of((long) Math.floor(node.asDouble()));
    }
    if (node.isTextual()) {
      try {
        return Optional.of(Long.parseLong(node.asText().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The id referenced at a path such as {@code properties.subnet.id}, or empty. */
  public Optional<ResourceId> reference(String path) {
    return text(path).flatMap(ResourceId::tryParse);
  }

  @Override
  public String toString() {
    return type.name() + " " + id;
  }

  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof Resource that && hash == that.hash && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
