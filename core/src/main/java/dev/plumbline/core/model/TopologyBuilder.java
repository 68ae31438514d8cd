package dev.plumbline.core.model;

import static dev.plumbline.core.model.ResourceType.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Gathers resources from any number of inputs, then builds a {@link Topology}: embedded children
 * made addressable, duplicate ids reconciled, relationships and backend pool members resolved once.
 */
public final class TopologyBuilder {

  /** Where embedded children sit: the arrays under {@code properties} that hold them, per type. */
  private static final Map<ResourceType, List<String>> EMBEDDED = new HashMap<>(Map.of(
      VIRTUAL_NETWORK, List.of("subnets", "virtualNetworkPeerings"),
      NETWORK_INTERFACE, List.of("ipConfigurations"),
      NETWORK_SECURITY_GROUP, List.of("securityRules", "defaultSecurityRules"),
      APPLICATION_GATEWAY, List.of(
          "gatewayIPConfigurations", "frontendIPConfigurations", "frontendPorts", "backendAddressPools",
          "backendHttpSettingsCollection", "backendSettingsCollection", "probes", "httpListeners",
          "listeners", "requestRoutingRules", "routingRules", "redirectConfigurations", "urlPathMaps",
          "sslCertificates", "trustedRootCertificates", "sslProfiles", "rewriteRuleSets"),
      URL_PATH_MAP, List.of("pathRules")));

  private final List<Resource> topLevel = new ArrayList<>();
  private final Map<ResourceId, Resource> topLevelById = new HashMap<>();
  /** The children read out of each resource's JSON when it was added, in the order they stand. */
  private final Map<Resource, List<Resource>> embedded = new IdentityHashMap<>();
  /** The references read out of each resource's JSON when it was added, relation by relation. */
  private final Map<Resource, List<Found>> references = new IdentityHashMap<>();
  private final List<Gap> gaps = new ArrayList<>();
  private final List<InputSource> inputs = new ArrayList<>();
  private final List<JsonNode> nodes = new ArrayList<>();
  private final List<JsonNode> scopes = new ArrayList<>();
  private String capturedAt;

  /**
   * Adds a top-level resource. The caller has checked that it has a text {@code id}, and a text
   * {@code type} or an id that names one.
   *
   * @param positions finds the line and column of a JSON pointer in the same input, for embedded children
   */
  public TopologyBuilder add(JsonNode raw, Provenance provenance, Function<String, Provenance> positions) {
    return add(raw, provenance, positions, null);
  }

  /**
   * Adds a top-level resource whose JSON can be read again from {@code source}: everything the
   * build needs (its embedded children, its references) is read out of {@code raw} now, and the
   * tree is dropped, so that a large input is never held as trees all at once.
   *
   * @param source where the JSON can be read again, or null to keep the tree
   */
  public TopologyBuilder add(JsonNode raw, Provenance provenance, Function<String, Provenance> positions, JsonSource source) {
    ResourceId id = ResourceId.parse(raw.path("id").asText());
    String typeText = raw.path("type").asText("");
    ResourceType type = typeText.isBlank()
        ? id.type().orElseThrow(() -> new IllegalArgumentException("resource " + id + " has no type"))
        : ResourceType.of(typeText);
    Resource existing = topLevelById.get(id);
    if (existing != null) {
      if (!existing.raw().equals(raw)) {
        gaps.add(new Gap(Gap.Kind.DUPLICATE_CONFLICT, id.toString(), "", existing.provenance().toString(),
            "the same resource id is given twice with different content; the first, at "
                + existing.provenance() + ", is used",
            provenance));
      }
      return this;
    }
    Resource resource = new Resource(id, type, raw, provenance, null, source);
    topLevel.add(resource);
    topLevelById.put(id, resource);
    readParts(resource, raw, positions);
    resource.release();
    return this;
  }

  /** How far the builder has come, to {@link #rollback} to. */
  public record Mark(int resources, int gaps) {}

  public Mark mark() {
    return new Mark(topLevel.size(), gaps.size());
  }

  /** Forgets the resources and gaps added since {@code mark}. */
  public TopologyBuilder rollback(Mark mark) {
    while (topLevel.size() > mark.resources()) {
      Resource dropped = topLevel.remove(topLevel.size() - 1);
      topLevelById.remove(dropped.id());
      forget(dropped);
    }
    while (gaps.size() > mark.gaps()) {
      gaps.remove(gaps.size() - 1);
    }
    return this;
  }

  private void forget(Resource resource) {
    references.remove(resource);
    for (Resource child : embedded.getOrDefault(resource, List.of())) {
      forget(child);
    }
    embedded.remove(resource);
  }

  public TopologyBuilder addGap(Gap gap) {
    gaps.add(gap);
    return this;
  }

  public TopologyBuilder addInput(InputSource input) {
    inputs.add(input);
    return this;
  }

  /** Adds a node-facts entry (the snapshot's {@code nodes} section). */
  public TopologyBuilder addNode(JsonNode node) {
    nodes.add(node);
    return this;
  }

  public TopologyBuilder addScope(JsonNode scope) {
    scopes.add(scope);
    return this;
  }

  /** Records when the topology was captured; the earliest of several inputs wins. */
  public TopologyBuilder capturedAt(String when) {
    if (when != null && (capturedAt == null || when.compareTo(capturedAt) < 0)) {
      capturedAt = when;
    }
    return this;
  }

  /** Builds the topology; the builder may be used again afterwards. */
  public Topology build() {
    List<Resource> all = new ArrayList<>();
    Map<ResourceId, Resource> byId = new HashMap<>(topLevelById);
    for (Resource resource : topLevel) {
      all.add(resource);
      addEmbedded(resource, byId, all);
    }
    // References are looked up by their lower-cased text, sparing a parse of each id they hold.
    Map<String, Resource> byKey = new HashMap<>(byId.size() * 2);
    byId.forEach((id, resource) -> byKey.put(id.key(), resource));
    Map<Resource, Map<Relation, List<Resource>>> forward = new HashMap<>();
    List<Gap> allGaps = new ArrayList<>(gaps);
    for (Resource resource : all) {
      Resource parent = resource.embeddedIn().orElse(null);
      if (parent == null) {
        parent = resource.id().parent().map(byId::get).orElse(null);
        if (parent == null && resource.id().parent().isPresent() && needsParent(resource)) {
          allGaps.add(new Gap(Gap.Kind.DANGLING_REFERENCE, resource.id().toString(), "id",
              resource.id().parent().get().toString(), "the resource that holds this one is not in the topology",
              resource.provenance()));
        }
      }
      if (parent != null) {
        link(forward, resource, Relation.PARENT, parent);
      }
      for (Found found : references.getOrDefault(resource, List.of())) {
        Relation relation = found.relation();
        ReferenceAt reference = found.reference();
        Resource target = byKey.get(ResourceId.keyOf(reference.id()));
        if (target != null) {
          link(forward, resource, relation, target);
        } else if (relation.to() != null) {
          allGaps.add(new Gap(Gap.Kind.DANGLING_REFERENCE, resource.id().toString(), reference.path(),
              reference.id(), "the referenced " + relation.to().name() + " resource is not in the topology",
              resource.provenance()));
        }
      }
    }
    linkPrivateEndpoints(all, forward);
    Map<Resource, List<BackendMember>> members = new BackendPoolResolver(all, forward, byId).resolve(allGaps);
    return new Topology(all, forward, members, allGaps, inputs, nodes, scopes, capturedAt);
  }

  private static boolean needsParent(Resource resource) {
    return resource.is(NETAPP_VOLUME) || resource.is(NETAPP_CAPACITY_POOL) || resource.is(SUBNET);
  }

  /**
   * Reads what the build needs out of a resource's JSON while it is at hand: its references, and
   * its embedded children (each with its own), which read their JSON again through the holder's.
   */
  private void readParts(Resource holder, JsonNode json, Function<String, Provenance> positions) {
    List<Found> found = new ArrayList<>(2);
    for (Relation relation : Relation.from(holder.type())) {
      for (ReferenceAt reference : references(json, relation)) {
        found.add(new Found(relation, reference));
      }
    }
    if (!found.isEmpty()) {
      references.put(holder, found);
    }
    List<Resource> children = null;
    for (String segment : EMBEDDED.getOrDefault(holder.type(), List.of())) {
      JsonNode array = json.path("properties").path(segment);
      if (!array.isArray()) {
        continue;
      }
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (!element.isObject()) {
          continue;
        }
        Optional<ResourceId> childId = ResourceId.tryParse(element.path("id").asText(null))
            .or(() -> Optional.ofNullable(element.path("name").asText(null))
                .filter(name -> !name.isBlank())
                .map(name -> holder.id().child(segment, name)));
        if (childId.isEmpty()) {
          continue;
        }
        Provenance provenance = positions.apply(holder.provenance().pointer() + "/properties/" + segment + "/" + i);
        JsonSource source = holder.source() == null ? null : JsonSource.partOf(holder, segment, i);
        Resource child = new Resource(childId.get(), holder.type().child(segment), element, provenance, holder, source);
        if (children == null) {
          children = new ArrayList<>();
        }
        children.add(child);
        readParts(child, element, positions);
        child.release();
      }
    }
    if (children != null) {
      embedded.put(holder, children);
    }
  }

  /** The children read out of {@code holder}, but for those given as their own resources, which keep that reading. */
  private void addEmbedded(Resource holder, Map<ResourceId, Resource> byId, List<Resource> all) {
    for (Resource child : embedded.getOrDefault(holder, List.of())) {
      if (byId.containsKey(child.id())) {
        // A child also given as its own resource (a subnet read by itself) keeps that reading.
        continue;
      }
      byId.put(child.id(), child);
      all.add(child);
      addEmbedded(child, byId, all);
    }
  }

  /** Private endpoints name their target; the target (a PostgreSQL server) is linked back to them. */
  private static void linkPrivateEndpoints(List<Resource> all, Map<Resource, Map<Relation, List<Resource>>> forward) {
    for (Resource endpoint : all) {
      if (!endpoint.is(PRIVATE_ENDPOINT)) {
        continue;
      }
      Set<Resource> targets = new LinkedHashSet<>();
      Map<Relation, List<Resource>> out = forward.getOrDefault(endpoint, Map.of());
      targets.addAll(out.getOrDefault(Relation.PRIVATE_ENDPOINT_SERVICE, List.of()));
      targets.addAll(out.getOrDefault(Relation.PRIVATE_ENDPOINT_MANUAL_SERVICE, List.of()));
      for (Resource target : targets) {
        if (target.is(POSTGRES_FLEXIBLE_SERVER)) {
          List<Resource> known = forward.getOrDefault(target, Map.of()).getOrDefault(Relation.POSTGRES_PRIVATE_ENDPOINT, List.of());
          if (!known.contains(endpoint)) {
            link(forward, target, Relation.POSTGRES_PRIVATE_ENDPOINT, endpoint);
          }
        }
      }
    }
  }

  static void link(Map<Resource, Map<Relation, List<Resource>>> forward, Resource from, Relation relation, Resource to) {
    List<Resource> targets = forward.computeIfAbsent(from, k -> new EnumMap<>(Relation.class))
        .computeIfAbsent(relation, k -> new ArrayList<>());
    if (!targets.contains(to)) {
      targets.add(to);
    }
  }

  /** A reference found in a resource's JSON: the dotted path where it stands and the id it holds. */
  record ReferenceAt(String path, String id) {}

  /** A reference read when its resource was added, with the relation it belongs to. */
  private record Found(Relation relation, ReferenceAt reference) {}

  /** Every non-blank text value at the relation's path, expanding {@code [*]} over array elements. */
  static List<ReferenceAt> references(JsonNode root, Relation relation) {
    List<ReferenceAt> found = new ArrayList<>(1);
    collect(root, relation, 0, "", found);
    return found;
  }

  private static void collect(JsonNode node, Relation relation, int index, String at, List<ReferenceAt> found) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (index == relation.stepCount()) {
      if (node.isTextual() && !node.asText().isBlank()) {
        found.add(new ReferenceAt(at, node.asText()));
      }
      return;
    }
    String step = relation.step(index);
    String prefix = at.isEmpty() ? "" : at + ".";
    if (step.endsWith("[*]")) {
      String field = step.substring(0, step.length() - 3);
      JsonNode array = node.path(field);
      if (array.isArray()) {
        for (int i = 0; i < array.size(); i++) {
          collect(array.get(i), relation, index + 1, prefix + field + "[" + i + "]", found);
        }
      }
    } else {
      collect(node.path(step), relation, index + 1, prefix + step, found);
    }
  }

}
