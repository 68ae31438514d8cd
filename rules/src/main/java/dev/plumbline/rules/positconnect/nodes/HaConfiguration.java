package dev.plumbline.rules.positconnect.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.database.PostgresFlexibleServer;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matching nodes are not yet a cluster: each must keep its state in the shared PostgreSQL database
 * and NetApp volume, be addressed through the gateway's HTTPS URL, and write metrics of its own.
 */
@RuleDefinition(
    id = "PCHA-CFG-01",
    name = "Connect.Config.HighAvailability",
    summary = "Each Connect node is configured for HA: PostgreSQL on the audited server, its data directory on the"
        + " shared NetApp volume, an https:// server address and a metrics path of its own.",
    severity = Severity.HIGH,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture: \"Azure Database for PostgreSQL, serving as the application database for Connect\"",
        "Reference architecture, Storage: \"This architecture utilizes an encrypted Azure NetApp Files.\"",
        "Posit Connect HA checklist: \"Migrate to a PostgreSQL database (if running SQLite). All nodes in the cluster must"
            + " use the same PostgreSQL database.\", \"Configure each server's Server.DataDir to point to the same shared"
            + " location\", \"Configure each server's Metrics.DataPath directory to point to a unique-per-server location\""
            + " https://docs.posit.co/connect/admin/load-balancing/",
        "Connect with PostgreSQL (Database.Provider, Postgres.URL): https://docs.posit.co/connect/admin/database/postgres/",
        "Running Connect behind a proxy (\"Use the proxied URL as your Server.Address\"):"
            + " https://docs.posit.co/connect/admin/proxy/",
        "Moving the data directory to NFS: https://docs.posit.co/connect/admin/server-management/migration/nfs/",
        "Mounting an Azure NetApp Files volume: https://learn.microsoft.com/azure/azure-netapp-files/"
            + "azure-netapp-files-mount-unmount-volumes-for-virtual-machines"
    })
public final class HaConfiguration implements Rule {

  private static final String PROVIDER = "database.provider";
  private static final String POSTGRES_URL = "postgres.url";
  private static final String DATA_DIR = "server.datadir";
  private static final String ADDRESS = "server.address";
  private static final String METRICS = "metrics.datapath";

  /** Connect's data directory when {@code Server.DataDir} is not set. */
  static final String DEFAULT_DATA_DIR = "/var/lib/rstudio-connect";

  /** What one check found: its status, its evidence, and for a non-passing check the reason in words. */
  private record Check(Status status, Evidence evidence, String reason) {

    static Check pass(Evidence evidence) {
      return new Check(Status.PASS, evidence, "");
    }
  }

  @Override
  public List<Finding> evaluate(RuleContext context) {
    ConnectNodeFacts facts = ConnectNodeFacts.in(context);
    Optional<Finding> nothing = facts.nothingToJudge(context, "whether the nodes are configured for HA");
    if (nothing.isPresent()) {
      return List.of(nothing.get());
    }
    List<Finding> findings = new ArrayList<>();
    for (NodeFactsMatch match : facts.matches()) {
      if (match.facts().isEmpty()) {
        findings.add(context.unknown(match.subject(), "No node facts match " + match.label()
            + ", so its HA configuration cannot be checked; " + ConnectNodeFacts.HOW_TO_SUPPLY + ".", match.missingFacts()));
        continue;
      }
      NodeFacts node = match.facts().get();
      if (node.settings().isEmpty()) {
        findings.add(context.unknown(match.subject(), "The node facts of " + match.label() + " carry no configuration"
            + " settings, so its HA configuration cannot be checked.",
            Evidence.absent(node.path("config.settings"), "the node's parsed rstudio-connect.gcfg")));
        continue;
      }
      List<Check> checks = List.of(provider(node), postgresServer(node, context.topology()),
          dataDirectory(node, context.topology()), address(node), metricsPath(match, facts.matches()));
      findings.add(judge(context, match, checks));
    }
    return findings;
  }

  private static Finding judge(RuleContext context, NodeFactsMatch match, List<Check> checks) {
    Evidence[] evidence = checks.stream().map(Check::evidence).toArray(Evidence[]::new);
    List<String> failed = checks.stream().filter(c -> c.status() == Status.FAIL).map(Check::reason).toList();
    if (!failed.isEmpty()) {
      return context.fail(match.subject(), match.label() + " is not configured for HA: " + String.join("; ", failed) + ".",
          evidence);
    }
    List<String> unknown = checks.stream().filter(c -> c.status() == Status.UNKNOWN).map(Check::reason).toList();
    if (!unknown.isEmpty()) {
      return context.unknown(match.subject(), "The HA configuration of " + match.label() + " cannot be confirmed: "
          + String.join("; ", unknown) + ".", evidence);
    }
    return context.pass(match.subject(), match.label() + " is configured for HA: PostgreSQL on the audited server, its"
        + " data directory on the NetApp volume, an https:// address and a metrics path of its own.", evidence);
  }

  /** {@code Database.Provider} is postgres; Connect's default, when it is not set, is SQLite. */
  private static Check provider(NodeFacts node) {
    String path = node.path("config.settings." + PROVIDER);
    Optional<String> provider = node.effectiveSetting(PROVIDER);
    if (provider.isEmpty()) {
      return new Check(Status.FAIL, Evidence.absent(path, "postgres"),
          "Database.Provider is not set, so Connect uses its default, SQLite");
    }
    Evidence evidence = new Evidence(path, "postgres", RedactedSetting.display(PROVIDER, provider.get()));
    String value = provider.get().toLowerCase(Locale.ROOT);
    if (value.equals("postgres")) {
      return Check.pass(evidence);
    }
    if (value.equals("sqlite")) {
      return new Check(Status.FAIL, evidence, "Database.Provider is SQLite, which each node keeps on its own disk");
    }
    return new Check(Status.UNKNOWN, evidence, "Database.Provider has the unrecognised value '" + evidence.actual() + "'");
  }

  /** {@code Postgres.URL} names a flexible server in scope, by its FQDN or its privatelink name. */
  private static Check postgresServer(NodeFacts node, Topology topology) {
    String path = node.path("config.settings." + POSTGRES_URL);
    List<PostgresFlexibleServer> servers = PostgresFlexibleServer.all(topology);
    List<String> names = new ArrayList<>();
    boolean unnamed = false;
    for (PostgresFlexibleServer server : servers) {
      Optional<String> fqdn = server.text("properties.fullyQualifiedDomainName").flatMap(PostgresUrl::normalized);
      if (fqdn.isPresent()) {
        names.add(fqdn.get());
      } else {
        unnamed = true;
      }
    }
    String expected = names.isEmpty() ? "host of a PostgreSQL flexible server in scope" : "host " + String.join(" or ", names);
    Optional<String> url = node.effectiveSetting(POSTGRES_URL);
    if (url.isEmpty()) {
      // Collectors may drop the whole URL as a secret; Connect may also read it from its environment.
      return new Check(Status.UNKNOWN, Evidence.absent(path, expected), "Postgres.URL is not in the node facts");
    }
    Optional<String> host = PostgresUrl.host(url.get());
    if (host.isEmpty()) {
      return new Check(Status.UNKNOWN, new Evidence(path, expected, "(a URL naming no host)"),
          "Postgres.URL names no host");
    }
    Evidence evidence = new Evidence(path, expected, "host " + host.get());
    if (names.stream().anyMatch(name -> PostgresUrl.names(host.get(), name))) {
      return Check.pass(evidence);
    }
    if (servers.isEmpty()) {
      return new Check(Status.UNKNOWN, evidence, "no PostgreSQL flexible server is in scope to compare Postgres.URL"
          + " with (PCHA-PG-01 reports the missing server)");
    }
    if (unnamed) {
      return new Check(Status.UNKNOWN, evidence, "Postgres.URL names host " + host.get() + " and a PostgreSQL server in"
          + " scope does not state its fullyQualifiedDomainName");
    }
    return new Check(Status.FAIL, evidence, "Postgres.URL names host " + host.get() + ", not the audited PostgreSQL server");
  }

  /** {@code Server.DataDir} lies on an NFS mount served by a mount target of a NetApp volume in scope. */
  private static Check dataDirectory(NodeFacts node, Topology topology) {
    String path = node.path("config.settings." + DATA_DIR);
    Optional<String> set = node.effectiveSetting(DATA_DIR);
    String dataDir = set.orElse(DEFAULT_DATA_DIR);
    String shown = set.isPresent() ? dataDir : dataDir + " (Connect's default)";
    List<String> exports = new ArrayList<>();
    List<String> volumeNames = new ArrayList<>();
    List<NetAppVolume> volumes = NetAppVolume.all(topology);
    for (NetAppVolume volume : volumes) {
      for (JsonNode target : volume.get("properties.mountTargets")) {
        String ip = target.path("ipAddress").asText("");
        if (!ip.isEmpty()) {
          exports.add(ip + ":/" + volume.text("properties.creationToken").orElse("*"));
          volumeNames.add(volume.name());
        }
      }
    }
    String expected = exports.isEmpty() ? "a path on the shared NetApp volume's mount"
        : "a path on the NetApp volume mount " + String.join(" or ", exports);
    if (node.mounts().isEmpty()) {
      return new Check(Status.UNKNOWN, new Evidence(path, expected, shown), "the node's mounts are not in its facts,"
          + " so where Server.DataDir " + dataDir + " lies is not known");
    }
    Optional<NodeFacts.Mount> mount = node.mountHolding(dataDir).filter(NodeFacts.Mount::isNetworkFileSystem);
    if (mount.isEmpty()) {
      return new Check(Status.FAIL, new Evidence(path, expected, shown + " on the node's local disk"),
          "Server.DataDir " + dataDir + " is on the node's local disk, not on the shared NetApp volume");
    }
    String source = mount.get().source().orElse("an unnamed source");
    Evidence evidence = new Evidence(path, expected, shown + " on " + source
        + mount.get().fstype().map(type -> " (" + type + ")").orElse(""));
    for (NetAppVolume volume : volumes) {
      if (served(volume, mount.get())) {
        return Check.pass(evidence);
      }
    }
    if (exports.isEmpty()) {
      return new Check(Status.UNKNOWN, evidence, "Server.DataDir is on the network share " + source + ", but no NetApp"
          + " volume in scope states its mount targets to confirm it is the shared volume");
    }
    return new Check(Status.FAIL, evidence, "Server.DataDir is on the network share " + source + ", which is not a mount"
        + " target of NetApp volume " + String.join(", ", volumeNames.stream().distinct().toList()));
  }

  /** Whether a volume serves the mount: its host is one of the volume's mount target IPs and its export the volume's path. */
  private static boolean served(NetAppVolume volume, NodeFacts.Mount mount) {
    Optional<String> host = mount.serverHost();
    if (host.isEmpty()) {
      return false;
    }
    boolean byAddress = false;
    for (JsonNode target : volume.get("properties.mountTargets")) {
      byAddress |= target.path("ipAddress").asText("").equals(host.get());
    }
    Optional<String> token = volume.text("properties.creationToken");
    // The export path of an Azure NetApp Files NFS volume is "/" followed by its creation token (file path).
    boolean byPath = token.isEmpty() || mount.exportPath()
        .map(export -> export.equals("/" + token.get()) || export.startsWith("/" + token.get() + "/")).orElse(false);
    return byAddress && byPath;
  }

  /** {@code Server.Address} is the https:// URL users reach through the gateway. */
  private static Check address(NodeFacts node) {
    String path = node.path("config.settings." + ADDRESS);
    Optional<String> address = node.effectiveSetting(ADDRESS);
    if (address.isEmpty()) {
      return new Check(Status.FAIL, Evidence.absent(path, "an https:// URL"),
          "Server.Address is not set, so Connect does not know the gateway's public URL");
    }
    String shown = RedactedSetting.display(ADDRESS, address.get());
    Evidence evidence = new Evidence(path, "an https:// URL", shown);
    String value = address.get().toLowerCase(Locale.ROOT);
    if (value.startsWith("https://") && value.length() > "https://".length()) {
      return Check.pass(evidence);
    }
    return new Check(Status.FAIL, evidence, "Server.Address " + shown + " is not an https:// URL");
  }

  /**
   * {@code Metrics.DataPath} is this node's own: on the node's local disk, or a path no other node uses.
   * The same path on two nodes is shared only when it lies on a network file system.
   */
  private static Check metricsPath(NodeFactsMatch match, List<NodeFactsMatch> all) {
    NodeFacts node = match.facts().orElseThrow();
    String path = node.path("config.settings." + METRICS);
    String expected = "a path unique to this node";
    Optional<String> metrics = node.effectiveSetting(METRICS);
    if (metrics.isEmpty()) {
      return new Check(Status.UNKNOWN, Evidence.absent(path, expected),
          "Metrics.DataPath is not set, and where Connect then writes metrics is not documented");
    }
    Optional<Boolean> onNetwork = node.mounts().map(mounts ->
        node.mountHolding(metrics.get()).map(NodeFacts.Mount::isNetworkFileSystem).orElse(false));
    if (onNetwork.isPresent() && !onNetwork.get()) {
      return Check.pass(new Evidence(path, expected, metrics.get() + " on the node's local disk"));
    }
    List<String> sharing = new ArrayList<>();
    boolean othersUnknown = false;
    for (NodeFactsMatch other : all) {
      if (other == match) {
        continue;
      }
      Optional<String> theirs = other.facts().flatMap(facts -> facts.effectiveSetting(METRICS));
      if (theirs.isEmpty()) {
        othersUnknown = true;
      } else if (theirs.get().equals(metrics.get())) {
        sharing.add(other.name());
      }
    }
    String where = onNetwork.isPresent() ? " on a network share" : "";
    if (!sharing.isEmpty()) {
      Evidence evidence = new Evidence(path, expected, metrics.get() + where + ", also used by " + String.join(", ", sharing));
      return onNetwork.isPresent()
          ? new Check(Status.FAIL, evidence, "Metrics.DataPath " + metrics.get() + " is on a network share and also"
              + " used by " + String.join(", ", sharing))
          : new Check(Status.UNKNOWN, evidence, "Metrics.DataPath " + metrics.get() + " is also used by "
              + String.join(", ", sharing) + " and the node's mounts are not known to tell whether it is shared");
    }
    Evidence evidence = new Evidence(path, expected, metrics.get() + where);
    if (othersUnknown) {
      return new Check(Status.UNKNOWN, evidence, "Metrics.DataPath " + metrics.get() + where
          + " may be shared, as another node's is not known");
    }
    return Check.pass(evidence);
  }
}
