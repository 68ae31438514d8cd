package dev.plumbline.rules.positconnect.storage;

import dev.plumbline.core.model.storage.NetAppVolume;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/** The shared volume holds every published bundle and its data; the reference requires it encrypted. */
@RuleDefinition(
    id = "PCHA-ANF-02",
    name = "Connect.Storage.Encryption",
    summary = "The Azure NetApp Files volume shared by the Connect nodes is encrypted at rest with a platform or customer-managed key.",
    severity = Severity.HIGH,
    pillar = Pillar.SECURITY,
    references = {
        "Reference architecture, Storage: \"This architecture utilizes an encrypted Azure NetApp Files\"",
        "https://learn.microsoft.com/azure/azure-netapp-files/configure-customer-managed-keys",
        "https://learn.microsoft.com/azure/azure-netapp-files/double-encryption-at-rest"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "requireCustomerManagedKey", type = ParameterType.BOOLEAN, defaultValue = "false",
            description = "Pass only volumes whose key source is Microsoft.KeyVault (customer-managed keys)."),
        @RuleDefinition.Parameter(name = "requireDoubleEncryption", type = ParameterType.BOOLEAN, defaultValue = "false",
            description = "Also require the capacity pool's encryptionType to be Double.")
    })
public final class NetAppEncryption implements Rule {

  private static final String KEY_SOURCE = "properties.encryptionKeySource";
  private static final String PLATFORM = "Microsoft.NetApp";
  private static final String CUSTOMER = "Microsoft.KeyVault";

  @Override
  public List<Finding> evaluate(RuleContext context) {
    boolean customerKey = context.flag("requireCustomerManagedKey");
    boolean doubleEncryption = context.flag("requireDoubleEncryption");
    String expected = customerKey ? CUSTOMER : PLATFORM + " or " + CUSTOMER;
    List<NetAppVolume> volumes = NetAppVolume.all(context.topology());
    if (volumes.isEmpty()) {
      return List.of(context.missing("an Azure NetApp Files volume",
          "No Azure NetApp Files volume is in scope, so the nodes have no encrypted shared storage."));
    }
    List<Finding> findings = new ArrayList<>();
    for (NetAppVolume volume : volumes) {
      String what = "NetApp volume " + volume.name();
      String source = volume.encryptionKeySource().orElse(null);
      Evidence keyEvidence = new Evidence(KEY_SOURCE, expected, source);
      if (source == null) {
        findings.add(context.unknown(volume.resource(), what + " does not state its encryption key source, so its"
            + " encryption at rest cannot be confirmed.", keyEvidence));
        continue;
      }
      boolean known = source.equalsIgnoreCase(PLATFORM) || source.equalsIgnoreCase(CUSTOMER);
      if (!known) {
        findings.add(context.unknown(volume.resource(), what + " names an unrecognised encryption key source.", keyEvidence));
        continue;
      }
      if (customerKey && !source.equalsIgnoreCase(CUSTOMER)) {
        findings.add(context.fail(volume.resource(), what + " is encrypted with a Microsoft-managed key, but a"
            + " customer-managed key is required.", keyEvidence));
        continue;
      }
      if (doubleEncryption) {
        String poolPath = "capacityPool.properties.encryptionType";
        String type = volume.capacityPool().flatMap(pool -> pool.text("properties.encryptionType")).orElse(null);
        Evidence poolEvidence = new Evidence(poolPath, "Double", type);
        if (type == null) {
          findings.add(context.unknown(volume.resource(), what + " is encrypted, but its capacity pool's encryption"
              + " type is not known, so double encryption cannot be confirmed.", keyEvidence, poolEvidence));
          continue;
        }
        if (!type.equalsIgnoreCase("Double")) {
          findings.add(context.fail(volume.resource(), what + " is encrypted once, but double encryption is required.",
              keyEvidence, poolEvidence));
          continue;
        }
        findings.add(context.pass(volume.resource(), what + " is double-encrypted at rest with key source " + source + ".",
            keyEvidence, poolEvidence));
        continue;
      }
      findings.add(context.pass(volume.resource(), what + " is encrypted at rest with key source " + source + ".", keyEvidence));
    }
    return findings;
  }
}
