package dev.plumbline.core.live;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resourcegraph.models.QueryRequest;
import com.azure.resourcemanager.resourcegraph.models.QueryRequestOptions;
import com.azure.resourcemanager.resourcegraph.models.QueryResponse;
import com.azure.resourcemanager.resourcegraph.models.ResultFormat;
import com.azure.resourcemanager.resourcegraph.models.ResultTruncated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceId;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.TopologyBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Reads a live Azure scope into a topology, read-only: one Resource Graph query for the whole scope,
 * paged, then ARM GETs only for what Resource Graph lacks (PostgreSQL's require_secure_transport,
 * NetApp snapshot policies, private DNS A records the gateway's pool names) and for resources the
 * scope refers to but does not hold. Whatever could not be read becomes a gap with its reason.
 */
public final class LiveTopologyLoader {

  /** Rows per Resource Graph page: the most the service returns. */
  static final int PAGE_ROWS = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECTION =
      "| project id, name, type, kind, location, zones, sku, tags, identity, properties, managedBy, plan, extendedLocation";

  /** What a live load read, and what it cost. */
  public record LiveLoad(Topology topology, int requests, int resourceGraphPages, int retries) {}

  /** Reads the scope. Throws only for what makes reading impossible (no credential at all). */
  public LiveLoad load(LiveOptions options) {
    ArmClient arm = new ArmClient(options);
    Reading reading = new Reading(options, arm);
    if (options.resourceGraph()) {
      reading.resourceGraph();
    } else {
      reading.listings();
    }
    reading.extras();
    Topology topology = reading.followReferences();
    return new LiveLoad(topology, arm.requestCount(), reading.pages, arm.retryCount());
  }

  /** The state of one load: resources by lower-cased id, gaps, scopes. */
  private static final class Reading {

    private final LiveOptions options;
    private final ArmClient arm;
    private final ApiVersions versions;
    private final Map<String, Read> resources = new LinkedHashMap<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final List<JsonNode> scopes = new ArrayList<>();
    private final Set<String> tried = new HashSet<>();
    private final String capturedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private int pages;

    Reading(LiveOptions options, ArmClient arm) {
      this.options = options;
      this.arm = arm;
      this.versions = new ApiVersions(arm);
    }

    /** A resource as read, with where it came from. */
    private record Read(JsonNode raw, Provenance provenance) {}

    void resourceGraph() {
      LiveScope scope = options.scope();
      AzureProfile profile = new AzureProfile(options.tenant().orElse(null),
          scope.subscriptions().isEmpty() ? null : scope.subscriptions().get(0), environment());
      ResourceGraphManager graph = ResourceGraphManager.authenticate(arm.pipeline(), profile);
      String query = query(scope);
      String skipToken = null;
      long total = -1;
      try {
        do {
          QueryRequestOptions paging = new QueryRequestOptions().withResultFormat(ResultFormat.OBJECT_ARRAY)
              .withTop(PAGE_ROWS).withSkipToken(skipToken);
          QueryRequest request = new QueryRequest().withQuery(query).withOptions(paging);
          if (!scope.subscriptions().isEmpty()) {
            request.withSubscriptions(scope.subscriptions());
          }
          if (!scope.managementGroups().isEmpty()) {
            request.withManagementGroups(scope.managementGroups());
          }
          QueryResponse response = graph.resourceProviders().resources(request);
          pages++;
          total = response.totalRecords();
          JsonNode rows = JSON.valueToTree(response.data());
          int index = 0;
          for (JsonNode row : rows) {
            add(row, new Provenance("resource-graph", "/page/" + pages + "/data/" + index++, 0, 0));
          }
          options.progress().accept("Resource Graph page " + pages + ": " + rows.size() + " resources ("
              + resources.size() + " of " + total + ")");
          skipToken = response.skipToken();
          if ((skipToken == null || skipToken.isEmpty()) && response.resultTruncated() == ResultTruncated.TRUE) {
            gaps.add(new Gap(Gap.Kind.UNREAD, scopeLabel(), "", "resource-graph",
                "Resource Graph truncated the result after " + resources.size() + " of " + total
                    + " resources and gave no page token to continue", Provenance.none()));
          }
        } while (skipToken != null && !skipToken.isEmpty());
      } catch (ClientAuthenticationException e) {
        // No credential at all: nothing can be read, which is the caller's to report, not a gap.
        throw e;
      } catch (HttpResponseException e) {
        String reason = (e.getResponse() == null ? "" : "HTTP " + e.getResponse().getStatusCode() + ": ")
            + firstLine(e.getMessage());
        gaps.add(new Gap(Gap.Kind.UNREAD, scopeLabel(), "", "resource-graph",
            "the Resource Graph query failed (" + reason + "), so the scope was read through ARM listings instead",
            Provenance.none()));
        options.progress().accept("Resource Graph failed (" + reason + "); reading through ARM listings");
        listings();
        return;
      }
      for (String subscription : scope.subscriptions()) {
        scopes.add(scopeNode(subscription, null, "read", null));
      }
      scope.managementGroups().forEach(group -> {
        ObjectNode node = JSON.createObjectNode().put("managementGroup", group).put("status", "read");
        scopes.add(node);
      });
      checkResourceGroupsThatReturnedNothing();
    }

    /** Resource groups named in the scope that Resource Graph returned nothing for: empty, missing, or denied. */
    private void checkResourceGroupsThatReturnedNothing() {
      LiveScope scope = options.scope();
      for (String subscription : scope.subscriptions()) {
        for (String group : scope.resourceGroups()) {
          String prefix = ("/subscriptions/" + subscription + "/resourcegroups/" + group + "/").toLowerCase(Locale.ROOT);
          if (resources.keySet().stream().anyMatch(id -> id.startsWith(prefix))) {
            scopes.add(scopeNode(subscription, group, "read", null));
            continue;
          }
          try {
            arm.get("/subscriptions/" + subscription + "/resourcegroups/" + group + "?api-version=" + ApiVersions.RESOURCES);
            scopes.add(scopeNode(subscription, group, "read", "empty"));
          } catch (ArmException e) {
            unreadGroup(subscription, group, e);
          }
        }
      }
    }

    /** Without Resource Graph: list each resource group's resources, then GET each with its provider's api-version. */
    void listings() {
      LiveScope scope = options.scope();
      if (scope.subscriptions().isEmpty()) {
        gaps.add(new Gap(Gap.Kind.UNREAD, scopeLabel(), "", "management groups",
            "management groups can only be read through Resource Graph", Provenance.none()));
        return;
      }
      for (String subscription : scope.subscriptions()) {
        List<String> groups = new ArrayList<>(scope.resourceGroups());
        if (groups.isEmpty()) {
          try {
            arm.list("/subscriptions/" + subscription + "/resourcegroups?api-version=" + ApiVersions.RESOURCES)
                .forEach(group -> groups.add(group.path("name").asText()));
            scopes.add(scopeNode(subscription, null, "read", null));
          } catch (ArmException e) {
            gaps.add(new Gap(Gap.Kind.UNREAD, "/subscriptions/" + subscription, "", "resource groups",
                "the subscription's resource groups could not be listed: " + e.reason(), Provenance.none()));
            scopes.add(scopeNode(subscription, null, e.status() == 403 ? "denied" : "failed", e.reason()));
            continue;
          }
        }
        List<String> ids = new ArrayList<>();
        for (String group : groups) {
          try {
            List<JsonNode> listed = arm.list("/subscriptions/" + subscription + "/resourceGroups/" + group
                + "/resources?api-version=" + ApiVersions.RESOURCES);
            for (JsonNode item : listed) {
              if (matchesTags(item)) {
                ids.add(item.path("id").asText());
              }
            }
            scopes.add(scopeNode(subscription, group, "read", null));
            options.progress().accept("listed resource group " + group + ": " + listed.size() + " resources");
          } catch (ArmException e) {
            unreadGroup(subscription, group, e);
          }
        }
        getAll(ids, "listed in its resource group");
      }
    }

    private void unreadGroup(String subscription, String group, ArmException e) {
      String id = "/subscriptions/" + subscription + "/resourceGroups/" + group;
      String why = e.status() == 404 ? "the resource group does not exist (" + e.reason() + ")"
          : "the resource group could not be read: " + e.reason();
      gaps.add(new Gap(Gap.Kind.UNREAD, id, "", id, why, Provenance.none()));
      scopes.add(scopeNode(subscription, group, e.status() == 403 ? "denied" : "failed", e.reason()));
      options.progress().accept("resource group " + group + " not read: " + e.reason());
    }

    /** What Resource Graph does not hold, read by ARM GETs, only where the rules can use it. */
    void extras() {
      Topology topology = build();
      List<String> lists = new ArrayList<>();
      List<String> singles = new ArrayList<>();
      for (Resource server : topology.ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)) {
        String id = server.id() + "/configurations/require_secure_transport";
        if (!resources.containsKey(key(id))) {
          singles.add(id);
        }
      }
      for (Resource account : topology.ofType(ResourceType.NETAPP_ACCOUNT)) {
        boolean hasPolicies = !topology.children(account, ResourceType.NETAPP_SNAPSHOT_POLICY).isEmpty();
        boolean volumesNeedOne = topology.ofType(ResourceType.NETAPP_VOLUME).stream()
            .anyMatch(volume -> volume.id().isWithin(account.id())
                && volume.text("properties.dataProtection.snapshot.snapshotPolicyId").isPresent());
        if (!hasPolicies && volumesNeedOne) {
          lists.add(account.id() + "/snapshotPolicies");
        }
      }
      Set<String> poolNames = new HashSet<>();
      topology.ofType(ResourceType.BACKEND_ADDRESS_POOL).forEach(pool -> pool.get("properties.backendAddresses")
          .forEach(address -> {
            String fqdn = address.path("fqdn").asText("");
            if (!fqdn.isEmpty()) {
              poolNames.add(fqdn.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
            }
          }));
      for (Resource zone : topology.ofType(ResourceType.PRIVATE_DNS_ZONE)) {
        String suffix = "." + zone.name().toLowerCase(Locale.ROOT);
        if (poolNames.stream().anyMatch(name -> name.endsWith(suffix))
            && topology.children(zone, ResourceType.PRIVATE_DNS_A_RECORD).isEmpty()) {
          lists.add(zone.id() + "/A");
        }
      }
      getAll(singles, "not held by Resource Graph");
      for (String list : lists) {
        String type = ResourceId.parse(list + "/x").type().map(ResourceType::name).orElse("");
        try {
          String version = versions.forType(subscriptionOf(list), type);
          int index = 0;
          for (JsonNode item : arm.list(list + "?api-version=" + version)) {
            add(item, new Provenance("arm", list + "/" + index++, 0, 0));
          }
        } catch (ArmException e) {
          gaps.add(new Gap(Gap.Kind.UNREAD, list.substring(0, list.lastIndexOf('/')), "", list,
              "could not be listed: " + e.reason(), Provenance.none()));
        }
      }
    }

    /** Reads resources the scope refers to but does not hold (a VNet in a network team's group), two hops deep. */
    Topology followReferences() {
      for (int round = 0; round < 2; round++) {
        Topology topology = build();
        List<String> wanted = new ArrayList<>();
        for (Gap gap : topology.gaps()) {
          if (gap.kind() != Gap.Kind.DANGLING_REFERENCE) {
            continue;
          }
          Optional<ResourceId> target = ResourceId.tryParse(gap.target()).filter(ResourceId::isWellFormed);
          target.map(this::readable).map(ResourceId::toString)
              .filter(id -> !tried.contains(key(id)) && !resources.containsKey(key(id)))
              .ifPresent(id -> {
                if (!wanted.contains(id)) {
                  wanted.add(id);
                }
              });
        }
        if (wanted.isEmpty()) {
          return topology;
        }
        options.progress().accept("reading " + wanted.size() + " referenced resources outside the scope");
        getAll(wanted, "referenced from the scope");
      }
      return build();
    }

    /** The id to GET for a reference: the resource that embeds it (a subnet's VNet), or itself. */
    private ResourceId readable(ResourceId id) {
      ResourceId current = id;
      while (current.parent().isPresent() && embedsChildren(current.parent().get())) {
        current = current.parent().get();
      }
      return current;
    }

    private static boolean embedsChildren(ResourceId parent) {
      String type = parent.type().map(ResourceType::key).orElse("");
      return type.equals("microsoft.network/virtualnetworks") || type.equals("microsoft.network/networkinterfaces")
          || type.equals("microsoft.network/applicationgateways") || type.equals("microsoft.network/networksecuritygroups")
          || type.equals("microsoft.network/loadbalancers");
    }

    /** GETs each id with bounded concurrency; a failure becomes a gap. */
    private void getAll(List<String> ids, String why) {
      if (ids.isEmpty()) {
        return;
      }
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.concurrency(), ids.size()), runnable -> {
        Thread thread = new Thread(runnable, "plumbline-arm");
        thread.setDaemon(true);
        return thread;
      });
      try {
        Map<String, Future<JsonNode>> pending = new LinkedHashMap<>();
        for (String id : ids) {
          tried.add(key(id));
          pending.put(id, pool.submit(() -> {
            String type = ResourceId.tryParse(id).flatMap(ResourceId::type).map(ResourceType::name).orElse("");
            return arm.get(id + "?api-version=" + versions.forType(subscriptionOf(id), type));
          }));
        }
        int done = 0;
        for (Map.Entry<String, Future<JsonNode>> entry : pending.entrySet()) {
          try {
            add(entry.getValue().get(), new Provenance("arm", entry.getKey(), 0, 0));
          } catch (ExecutionException e) {
            String reason = e.getCause() instanceof ArmException arm ? arm.reason() : ArmClient.transportReason(e.getCause());
            if (e.getCause() instanceof ReadOnlyGuard.ReadOnlyViolation violation) {
              throw violation;
            }
            if (e.getCause() instanceof ClientAuthenticationException unauthenticated) {
              throw unauthenticated;
            }
            gaps.add(new Gap(Gap.Kind.UNREAD, entry.getKey(), "", entry.getKey(),
                "could not be read (" + why + "): " + reason, Provenance.none()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gaps.add(new Gap(Gap.Kind.UNREAD, entry.getKey(), "", entry.getKey(), "reading was interrupted", Provenance.none()));
          }
          if (++done % 100 == 0) {
            options.progress().accept("read " + done + " of " + ids.size() + " resources by ARM GET");
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private void add(JsonNode raw, Provenance provenance) {
      String id = raw.path("id").asText("");
      if (id.isEmpty() || !raw.isObject()) {
        gaps.add(new Gap(Gap.Kind.UNREAD, provenance.source() + provenance.pointer(), "", "",
            "a response held something that is not a resource (no id)", provenance));
        return;
      }
      resources.putIfAbsent(key(id), new Read(raw, provenance));
    }

    private Topology build() {
      TopologyBuilder builder = new TopologyBuilder();
      for (Read read : resources.values()) {
        builder.add(read.raw(), read.provenance(), pointer -> new Provenance(read.provenance().source(),
            read.provenance().pointer() + pointer, 0, 0));
      }
      gaps.forEach(builder::addGap);
      scopes.forEach(builder::addScope);
      builder.addInput(new InputSource("azure: " + options.scope() + " at " + options.endpoint(),
          options.resourceGraph() ? "live (Resource Graph)" : "live (ARM)", resources.size(), ""));
      builder.capturedAt(capturedAt);
      return builder.build();
    }

    private boolean matchesTags(JsonNode item) {
      for (Map.Entry<String, String> tag : options.scope().tags().entrySet()) {
        boolean found = false;
        var fields = item.path("tags").fields();
        while (fields.hasNext()) {
          var field = fields.next();
          found |= field.getKey().equalsIgnoreCase(tag.getKey()) && field.getValue().asText().equalsIgnoreCase(tag.getValue());
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }

    private AzureEnvironment environment() {
      Map<String, String> endpoints = new HashMap<>(options.cloud() == AzureCloud.AZURE_CHINA_CLOUD
          ? AzureEnvironment.AZURE_CHINA.getEndpoints()
          : options.cloud() == AzureCloud.AZURE_US_GOVERNMENT ? AzureEnvironment.AZURE_US_GOVERNMENT.getEndpoints()
          : AzureEnvironment.AZURE.getEndpoints());
      endpoints.put("resourceManagerEndpointUrl", options.endpoint());
      return new AzureEnvironment(endpoints);
    }

    private String scopeLabel() {
      return options.scope().toString();
    }

    private static ObjectNode scopeNode(String subscription, String group, String status, String reason) {
      ObjectNode node = JSON.createObjectNode().put("subscriptionId", subscription);
      if (group != null) {
        node.put("resourceGroup", group);
      }
      node.put("status", status);
      if (reason != null) {
        node.put("reason", reason);
      }
      return node;
    }

    private static String subscriptionOf(String id) {
      return ResourceId.tryParse(id).flatMap(ResourceId::subscriptionId).orElse("");
    }

    private static String key(String id) {
      return id.toLowerCase(Locale.ROOT);
    }
  }

  /** The KQL for a scope: resource groups and tags narrowed in the query, rows shaped as ARM GET bodies. */
  static String query(LiveScope scope) {
    StringBuilder kql = new StringBuilder("Resources");
    if (!scope.resourceGroups().isEmpty()) {
      kql.append("\n| where resourceGroup in~ (")
          .append(scope.resourceGroups().stream().map(LiveTopologyLoader::literal).collect(Collectors.joining(", ")))
          .append(")");
    }
    scope.tags().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(tag ->
        kql.append("\n| where tags[").append(literal(tag.getKey())).append("] =~ ").append(literal(tag.getValue())));
    return kql.append("\n").append(PROJECTION).toString();
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int cut = text.indexOf('\n');
    return cut < 0 ? text : text.substring(0, cut);
  }
}
