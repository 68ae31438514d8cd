package dev.plumbline.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every resource of an audit, indexed by id and by type, with the relationships between them
 * resolved once and the gaps in what was read. Immutable; built by {@link TopologyBuilder}.
 */
public final class Topology {

  private final List<Resource> resources;
  private final Map<ResourceId, Resource> byId;
  private final Map<ResourceType, List<Resource>> byType;
  private final Map<Resource, Map<Relation, List<Resource>>> forward;
  private final Map<Resource, Map<Relation, List<Resource>>> inverse;
  private final Map<Resource, List<Resource>> children;
  private final Map<Resource, List<BackendMember>> members;
  private final List<Gap> gaps;
  private final List<InputSource> inputs;
  private final List<JsonNode> nodes;
  private final List<JsonNode> scopes;
  private final String capturedAt;
  private final Map<Resource, List<Resource>> embeddedParts;
  /** The gaps a subset keeps whatever it holds: what was not read, and expressions not evaluated. */
  private final List<Gap> unreadGaps;
  /** Dangling references by the id of the resource that holds them, for subsets. */
  private final Map<String, List<Gap>> danglingBySubject;
  /** What {@link #derived} has computed so far; it only ever holds values that follow from this topology. */
  private final Map<Object, Object> derived = new ConcurrentHashMap<>();

  Topology(
      List<Resource> resources,
      Map<Resource, Map<Relation, List<Resource>>> forward,
      Map<Resource, List<BackendMember>> members,
      List<Gap> gaps,
      List<InputSource> inputs,
      List<JsonNode> nodes,
      List<JsonNode> scopes,
      String capturedAt) {
    this.resources = List.copyOf(resources);
    Map<ResourceId, Resource> ids = new HashMap<>();
    Map<ResourceType, List<Resource>> types = new LinkedHashMap<>();
    Map<Resource, List<Resource>> kids = new HashMap<>();
    for (Resource resource : this.resources) {
      ids.put(resource.id(), resource);
      types.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
    }
    this.forward = forward;
    Map<Resource, Map<Relation, List<Resource>>> back = new HashMap<>();
    // Walked in input order, not the map's, so children and referrers come out in the order they were read.
    for (Resource from : this.resources) {
      forward.getOrDefault(from, Map.of()).forEach((relation, targets) -> {
        for (Resource to : targets) {
          back.computeIfAbsent(to, k -> new EnumMap<>(Relation.class))
              .computeIfAbsent(relation, k -> new ArrayList<>())
              .add(from);
          if (relation == Relation.PARENT) {
            kids.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
          }
        }
      });
    }
    this.byId = ids;
    this.byType = types;
    this.inverse = back;
    this.children = kids;
    this.members = members;
    this.gaps = List.copyOf(gaps);
    this.inputs = List.copyOf(inputs);
    this.nodes = List.copyOf(nodes);
    this.scopes = List.copyOf(scopes);
    this.capturedAt = capturedAt;
    Map<Resource, List<Resource>> parts = new HashMap<>();
    for (Resource resource : this.resources) {
      if (resource.embeddedIn().isPresent()) {
        parts.computeIfAbsent(topOf(resource), k -> new ArrayList<>()).add(resource);
      }
    }
    this.embeddedParts = parts;
    List<Gap> unread = new ArrayList<>();
    Map<String, List<Gap>> dangling = new HashMap<>();
    for (Gap gap : this.gaps) {
      if (gap.kind() == Gap.Kind.UNREAD || gap.kind() == Gap.Kind.UNRESOLVED_EXPRESSION) {
        unread.add(gap);
      } else if (gap.kind() == Gap.Kind.DANGLING_REFERENCE) {
        dangling.computeIfAbsent(gap.subject(), k -> new ArrayList<>()).add(gap);
      }
    }
    this.unreadGaps = unread;
    this.danglingBySubject = dangling;
  }

  /**
   * The top-level resources in groups that reference each other, directly or through embedded
   * children, parents and pool members: each group is one connected deployment. Groups come in
   * the order of their first resource.
   */
  public List<List<Resource>> connectedGroups() {
    // The scope is grouped once per audit, so no loop here runs often enough to be compiled while
    // it runs: the work for each resource is a method of its own, compiled after its first calls.
    Grouping grouping = new Grouping(resources);
    for (int i = 0; i < resources.size(); i++) {
      grouping.place(i);
    }
    for (Map.Entry<Resource, Map<Relation, List<Resource>>> out : forward.entrySet()) {
      grouping.link(out.getKey(), out.getValue());
    }
    for (Map.Entry<Resource, List<BackendMember>> pool : members.entrySet()) {
      grouping.linkMembers(pool.getKey(), pool.getValue());
    }
    Map<Integer, List<Resource>> groups = new LinkedHashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      grouping.collect(i, groups);
    }
    return List.copyOf(groups.values());
  }

  /**
   * Union-find over positions in a resource list. Positions are found by the resource's id (whose
   * hash the resource keeps), not by identity: under C1 an identity hash is a call into the VM.
   */
  private static final class Grouping {
    private final List<Resource> resources;
    private final Map<Resource, Integer> position;
    private final int[] top;
    private final int[] root;
    private int lastTop = -1;

    Grouping(List<Resource> resources) {
      this.resources = resources;
      this.position = new HashMap<>(2 * resources.size());
      for (int i = 0; i < resources.size(); i++) {
        position.put(resources.get(i), i);
      }
      this.top = new int[resources.size()];
      this.root = new int[resources.size()];
    }

    /** Notes where the resource at {@code i} belongs: with the top-level resource it is embedded in. */
    void place(int i) {
      Resource resource = resources.get(i);
      Resource topLevel = topOf(resource);
      // Embedded children follow the resource they are embedded in, so their top is usually the last one seen.
      if (topLevel == resource) {
        lastTop = i;
        top[i] = i;
      } else {
        top[i] = lastTop >= 0 && resources.get(lastTop) == topLevel ? lastTop : position.get(topLevel);
      }
      root[i] = i;
    }

    /** Joins a resource's group with those of the resources it references. */
    void link(Resource from, Map<Relation, List<Resource>> relations) {
      Integer at = position.get(from);
      if (at == null) {
        return;
      }
      // An embedded child's parent is the resource it is embedded in, already in its group.
      boolean embedded = from.embeddedIn().isPresent();
      for (Map.Entry<Relation, List<Resource>> relation : relations.entrySet()) {
        if (relation.getKey() == Relation.PARENT && embedded) {
          continue;
        }
        for (Resource to : relation.getValue()) {
          union(root, top[at], top[position.get(to)]);
        }
      }
    }

    /** Joins a backend pool's group with those of its members' IP configurations and VMs. */
    void linkMembers(Resource pool, List<BackendMember> poolMembers) {
      Integer at = position.get(pool);
      if (at == null) {
        return;
      }
      for (BackendMember member : poolMembers) {
        if (member.ipConfiguration().isPresent()) {
          union(root, top[at], top[position.get(member.ipConfiguration().get())]);
        }
        if (member.virtualMachine().isPresent()) {
          union(root, top[at], top[position.get(member.virtualMachine().get())]);
        }
      }
    }

    /** Adds the resource at {@code i} to its group, if it is a top-level resource. */
    void collect(int i, Map<Integer, List<Resource>> groups) {
      Resource resource = resources.get(i);
      if (resource.embeddedIn().isEmpty()) {
        groups.computeIfAbsent(find(root, i), k -> new ArrayList<>()).add(resource);
      }
    }
  }

  private static int find(int[] root, int at) {
    int current = at;
    while (root[current] != current) {
      root[current] = root[root[current]];
      current = root[current];
    }
    return current;
  }

  private static void union(int[] root, int a, int b) {
    int ra = find(root, a);
    int rb = find(root, b);
    if (ra != rb) {
      root[rb] = ra;
    }
  }

  private static Resource topOf(Resource resource) {
    Resource top = resource;
    while (top.embeddedIn().isPresent()) {
      top = top.embeddedIn().get();
    }
    return top;
  }

  /**
   * A topology of some of these top-level resources (with their embedded children), relations
   * resolved among them alone; it keeps the node facts, scopes, inputs and the gaps of what was not read.
   */
  public Topology subset(List<Resource> topLevel) {
    int size = 0;
    for (Resource resource : topLevel) {
      size += 1 + embeddedParts.getOrDefault(resource, List.of()).size();
    }
    List<Resource> all = new ArrayList<>(size);
    Map<ResourceId, Resource> ids = new HashMap<>(2 * size);
    for (Resource resource : topLevel) {
      if (resource.embeddedIn().isPresent() || byId.get(resource.id()) != resource || ids.containsKey(resource.id())) {
        return rebuilt(topLevel);
      }
      all.add(resource);
      ids.put(resource.id(), resource);
      for (Resource part : embeddedParts.getOrDefault(resource, List.of())) {
        all.add(part);
        ids.put(part.id(), part);
      }
    }
    // The relations resolved here are those a build of the subset alone would resolve, as long as no
    // relation leads out of the subset (true of connected groups); otherwise it is built afresh.
    Map<Resource, Map<Relation, List<Resource>>> restricted = new HashMap<>(2 * size);
    for (Resource resource : all) {
      Map<Relation, List<Resource>> out = forward.get(resource);
      if (out == null) {
        continue;
      }
      for (List<Resource> targets : out.values()) {
        for (Resource target : targets) {
          if (ids.get(target.id()) != target) {
            return rebuilt(topLevel);
          }
        }
      }
      restricted.put(resource, out);
    }
    List<Gap> subsetGaps = new ArrayList<>(unreadGaps);
    // The references that lead nowhere from these resources, in the order a build of them reports
    // them; a gap the input itself carried has its own provenance and is not the subset's.
    for (Resource resource : all) {
      for (Gap gap : danglingBySubject.getOrDefault(resource.id().toString(), List.of())) {
        if (gap.provenance().equals(resource.provenance())) {
          subsetGaps.add(gap);
        }
      }
    }
    // Pool members are traced again: an address that several deployments share names one NIC in each.
    Map<Resource, List<BackendMember>> subsetMembers = new BackendPoolResolver(all, restricted, ids).resolve(subsetGaps);
    return new Topology(all, restricted, subsetMembers, subsetGaps, inputs, nodes, scopes, capturedAt);
  }

  /** {@link #subset} by building the resources again from their JSON. */
  private Topology rebuilt(List<Resource> topLevel) {
    TopologyBuilder builder = new TopologyBuilder();
    for (Resource resource : topLevel) {
      Map<String, Provenance> known = new HashMap<>();
      for (Resource part : embeddedParts.getOrDefault(resource, List.of())) {
        known.put(part.provenance().pointer(), part.provenance());
      }
      Provenance base = resource.provenance();
      builder.add(resource.raw(), base, pointer -> known.getOrDefault(pointer,
          new Provenance(base.source(), pointer, base.line(), base.column())));
    }
    unreadGaps.forEach(builder::addGap);
    inputs.forEach(builder::addInput);
    nodes.forEach(builder::addNode);
    scopes.forEach(builder::addScope);
    builder.capturedAt(capturedAt);
    return builder.build();
  }

  /**
   * The same topology with Connect node facts gathered outside it (from the nodes' API, their
   * configuration files, or the collection script) added, and the gaps of the nodes that could not be read.
   */
  public Topology withNodes(List<JsonNode> moreNodes, List<Gap> moreGaps, List<InputSource> moreInputs) {
    List<JsonNode> allNodes = new ArrayList<>(nodes);
    allNodes.addAll(moreNodes);
    List<Gap> allGaps = new ArrayList<>(gaps);
    allGaps.addAll(moreGaps);
    List<InputSource> allInputs = new ArrayList<>(inputs);
    allInputs.addAll(moreInputs);
    return new Topology(resources, forward, members, allGaps, allInputs, allNodes, scopes, capturedAt);
  }

  /**
   * A value that follows from this topology alone (an NSG's rules read for evaluation, say), computed
   * by the first caller and kept with the topology, so that views asking again do not read the JSON
   * again. {@code compute} must be pure; {@code key} must say what is computed and from which resource.
   */
  public <T> T derived(Object key, Class<T> type, Supplier<T> compute) {
    return Memo.computeOnce(derived, key, type, compute);
  }

  /** Every resource, top-level ones in input order, each followed by the children embedded in it. */
  public List<Resource> resources() {
    return resources;
  }

  /** The resources that were given as resources, not embedded in another. */
  public List<Resource> topLevelResources() {
    return resources.stream().filter(r -> r.embeddedIn().isEmpty()).toList();
  }

  public Optional<Resource> find(ResourceId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Resource> find(String id) {
    return ResourceId.tryParse(id).flatMap(this::find);
  }

  /** The resources of a type, in any casing of the type name. */
  public List<Resource> ofType(ResourceType type) {
    return Collections.unmodifiableList(byType.getOrDefault(type, List.of()));
  }

  /** The resources {@code from} references through {@code relation}, in the order it lists them. */
  public List<Resource> related(Resource from, Relation relation) {
    return Collections.unmodifiableList(
        forward.getOrDefault(from, Map.of()).getOrDefault(relation, List.of()));
  }

  /** The first resource {@code from} references through {@code relation}. */
  public Optional<Resource> relatedOne(Resource from, Relation relation) {
    return related(from, relation).stream().findFirst();
  }

  /** The resources that reference {@code to} through {@code relation}. */
  public List<Resource> referencing(Resource to, Relation relation) {
    return Collections.unmodifiableList(
        inverse.getOrDefault(to, Map.of()).getOrDefault(relation, List.of()));
  }

  /** The resource that holds {@code child}: a subnet's VNet, a volume's pool. */
  public Optional<Resource> parent(Resource child) {
    return relatedOne(child, Relation.PARENT);
  }

  /** The children of {@code parent}, embedded or given as nested resources. */
  public List<Resource> children(Resource parent) {
    return Collections.unmodifiableList(children.getOrDefault(parent, List.of()));
  }

  /** The children of {@code parent} of one type. */
  public List<Resource> children(Resource parent, ResourceType type) {
    return children(parent).stream().filter(child -> child.is(type)).toList();
  }

  /** The members of an Application Gateway backend pool, each traced to a VM where it could be. */
  public List<BackendMember> members(Resource backendPool) {
    return members.getOrDefault(backendPool, List.of());
  }

  /** What could not be read or resolved. */
  public List<Gap> gaps() {
    return gaps;
  }

  public List<InputSource> inputs() {
    return inputs;
  }

  /** Facts gathered from the Connect nodes themselves (the snapshot's {@code nodes} section). */
  public List<JsonNode> nodes() {
    return nodes;
  }

  /** The scopes a snapshot says were read (subscriptions, resource groups, with their status). */
  public List<JsonNode> scopes() {
    return scopes;
  }

  /** When the topology was captured, as the snapshot says; empty for plain exports. */
  public Optional<String> capturedAt() {
    return Optional.ofNullable(capturedAt);
  }

  public int size() {
    return resources.size();
  }
}
