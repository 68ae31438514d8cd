package dev.plumbline.rules.positconnect.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.Relation;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The volume is the only copy of every published bundle; without snapshots or backups one bad
 * deployment or deletion cannot be rolled back.
 */
@RuleDefinition(
    id = "PCHA-ANF-05",
    name = "Connect.Storage.DataProtection",
    summary = "The NetApp volume is protected by an enabled snapshot policy or by Azure NetApp Files backup.",
    severity = Severity.LOW,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Resiliency and availability: \"We recommend using proper backup and disaster recovery procedures with the database and Azure NetApp Files instances of the cluster.\"",
        "https://learn.microsoft.com/azure/azure-netapp-files/snapshots-manage-policy",
        "https://learn.microsoft.com/azure/azure-netapp-files/backup-introduction"
    })
public final class NetAppDataProtection implements Rule {

  private static final String SNAPSHOT_POLICY = "properties.dataProtection.snapshot.snapshotPolicyId";
  private static final String BACKUP = "properties.dataProtection.backup";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<NetAppVolume> volumes = NetAppVolume.all(context.topology());
    if (volumes.isEmpty()) {
      return List.of(context.missing("an Azure NetApp Files volume",
          "No Azure NetApp Files volume is in scope, so there is no shared storage to protect."));
    }
    return volumes.stream().map(volume -> check(context, volume)).toList();
  }

  private static Finding check(RuleContext context, NetAppVolume volume) {
    String what = "NetApp volume " + volume.name();
    List<String> protections = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<String> gaps = new ArrayList<>();

    Evidence snapshotEvidence = snapshots(volume, protections, unknowns, gaps);
    Evidence backupEvidence = backup(volume, protections, gaps);

    if (!protections.isEmpty()) {
      return context.pass(volume.resource(), what + " is protected by " + String.join(" and ", protections) + ".",
          snapshotEvidence, backupEvidence);
    }
    if (!unknowns.isEmpty()) {
      return context.unknown(volume.resource(), "Whether " + what + " is protected cannot be told: "
          + String.join("; ", unknowns) + ".", snapshotEvidence, backupEvidence);
    }
    return context.fail(volume.resource(), what + " has no snapshots or backups configured: "
        + String.join("; ", gaps) + ".", snapshotEvidence, backupEvidence);
  }

  private static Evidence snapshots(NetAppVolume volume, List<String> protections, List<String> unknowns,
      List<String> gaps) {
    String expected = "an enabled snapshot policy";
    if (volume.text(SNAPSHOT_POLICY).isEmpty()) {
      gaps.add("no snapshot policy is attached");
      return Evidence.absent(SNAPSHOT_POLICY, expected);
    }
    Optional<Resource> policy = volume.relatedOne(Relation.VOLUME_SNAPSHOT_POLICY);
    if (policy.isEmpty()) {
      unknowns.add("its snapshot policy is not in the topology");
      return new Evidence(SNAPSHOT_POLICY, expected, "a snapshot policy that is not in the topology");
    }
    JsonNode enabled = policy.get().get("properties.enabled");
    String name = policy.get().name();
    if (!enabled.isBoolean()) {
      unknowns.add("snapshot policy " + name + " does not state whether it is enabled");
      return new Evidence(SNAPSHOT_POLICY, expected, name + ", enabled not stated");
    }
    if (!enabled.asBoolean()) {
      gaps.add("snapshot policy " + name + " is disabled");
      return new Evidence(SNAPSHOT_POLICY, expected, name + ", disabled");
    }
    protections.add("snapshot policy " + name);
    return new Evidence(SNAPSHOT_POLICY, expected, name + ", enabled");
  }

  private static Evidence backup(NetAppVolume volume, List<String> protections, List<String> gaps) {
    String expected = "a backup policy or backup vault";
    Optional<String> policy = volume.text(BACKUP + ".backupPolicyId");
    Optional<String> vault = volume.text(BACKUP + ".backupVaultId");
    // Older API versions carry an explicit switch; an explicit false means backups are off.
    JsonNode switched = volume.get(BACKUP + ".backupEnabled");
    boolean off = switched.isBoolean() && !switched.asBoolean();
    if ((policy.isPresent() || vault.isPresent()) && !off) {
      protections.add("Azure NetApp Files backup");
      return new Evidence(BACKUP, expected, vault.isPresent() ? "backup vault set" : "backup policy set");
    }
    gaps.add(off ? "backup is switched off" : "no backup is configured");
    return new Evidence(BACKUP, expected, off ? "backupEnabled false" : null);
  }
}
