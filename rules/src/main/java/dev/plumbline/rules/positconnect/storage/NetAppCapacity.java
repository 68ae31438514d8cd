package dev.plumbline.rules.positconnect.storage;

import dev.plumbline.core.model.storage.CapacityPool;
import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A volume's throughput grows with its quota and the pool caps what volumes can take; a full
 * volume stops Connect from publishing or building environments on every node at once.
 */
@RuleDefinition(
    id = "PCHA-ANF-03",
    name = "Connect.Storage.Capacity",
    summary = "The NetApp volume's capacity pool holds at least 2 TiB and the volume's quota is at least 100 GiB.",
    severity = Severity.MEDIUM,
    pillar = Pillar.PERFORMANCE,
    references = {
        "Reference architecture, Storage: \"NetApp Files is configured with a 2 TiB capacity pool and a 100 GiB volume.\"",
        "https://learn.microsoft.com/azure/azure-netapp-files/azure-netapp-files-resource-limits",
        "https://learn.microsoft.com/azure/azure-netapp-files/azure-netapp-files-service-levels"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "minPoolTib", type = ParameterType.INTEGER, defaultValue = "2",
            description = "The least capacity pool size, in TiB (properties.size of the pool), that passes."),
        @RuleDefinition.Parameter(name = "minVolumeGib", type = ParameterType.INTEGER, defaultValue = "100",
            description = "The least volume quota, in GiB (properties.usageThreshold of the volume), that passes.")
    })
public final class NetAppCapacity implements Rule {

  static final long GIB = 1L << 30;
  static final long TIB = 1L << 40;
  private static final String POOL_SIZE = "capacityPool.properties.size";
  private static final String QUOTA = "properties.usageThreshold";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    long minPool = context.integer("minPoolTib");
    long minVolume = context.integer("minVolumeGib");
    List<NetAppVolume> volumes = NetAppVolume.all(context.topology());
    if (volumes.isEmpty()) {
      return List.of(context.missing("an Azure NetApp Files volume",
          "No Azure NetApp Files volume is in scope, so there is no shared storage capacity to check."));
    }
    return volumes.stream().map(volume -> check(context, volume, minPool, minVolume)).toList();
  }

  private static Finding check(RuleContext context, NetAppVolume volume, long minPool, long minVolume) {
    String what = "NetApp volume " + volume.name();
    List<String> failures = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    List<String> facts = new ArrayList<>();

    Optional<CapacityPool> pool = volume.capacityPool();
    Optional<Long> poolBytes = pool.flatMap(CapacityPool::sizeBytes);
    Evidence poolEvidence = new Evidence(POOL_SIZE, ">= " + minPool * TIB + " (" + minPool + " TiB)",
        poolBytes.map(bytes -> bytes + " (" + units(bytes, TIB, "TiB") + ")").orElse(null));
    if (pool.isEmpty()) {
      unknowns.add("its capacity pool is not in the topology");
    } else if (poolBytes.isEmpty()) {
      unknowns.add("capacity pool " + pool.get().name() + " does not state its size");
    } else if (poolBytes.get() < minPool * TIB) {
      failures.add("its capacity pool " + pool.get().name() + " holds " + units(poolBytes.get(), TIB, "TiB")
          + ", less than " + minPool + " TiB");
    } else {
      facts.add("capacity pool " + pool.get().name() + " holds " + units(poolBytes.get(), TIB, "TiB"));
    }

    Optional<Long> quota = volume.quotaBytes();
    Evidence quotaEvidence = new Evidence(QUOTA, ">= " + minVolume * GIB + " (" + minVolume + " GiB)",
        quota.map(bytes -> bytes + " (" + units(bytes, GIB, "GiB") + ")").orElse(null));
    if (quota.isEmpty()) {
      unknowns.add("it does not state its quota");
    } else if (quota.get() < minVolume * GIB) {
      failures.add("its quota is " + units(quota.get(), GIB, "GiB") + ", less than " + minVolume + " GiB");
    } else {
      facts.add("its quota is " + units(quota.get(), GIB, "GiB"));
    }

    if (!failures.isEmpty()) {
      return context.fail(volume.resource(), what + " is smaller than the reference: " + String.join(" and ", failures)
          + ".", poolEvidence, quotaEvidence);
    }
    if (!unknowns.isEmpty()) {
      return context.unknown(volume.resource(), what + "'s capacity cannot be judged: " + String.join("; ", unknowns)
          + ".", poolEvidence, quotaEvidence);
    }
    return context.pass(volume.resource(), what + ": " + String.join(" and ", facts) + ".", poolEvidence, quotaEvidence);
  }

  /** Bytes in a binary unit, e.g. {@code 1.5 TiB}, to two places at most. */
  static String units(long bytes, long unit, String name) {
    return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 2, RoundingMode.DOWN).stripTrailingZeros()
        .toPlainString() + " " + name;
  }
}
