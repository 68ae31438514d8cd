package dev.plumbline.rules.positconnect.storage;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceConditions.inOrder;
import static dev.plumbline.core.rule.dsl.ResourceConditions.when;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.equalTo;
import static dev.plumbline.core.rule.dsl.ValueConditions.oneOfKnown;

import dev.plumbline.core.model.ResourceType;
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
import dev.plumbline.core.rule.dsl.ConditionResult;
import dev.plumbline.core.rule.dsl.ResourceCondition;
import dev.plumbline.core.rule.dsl.ResourceRule;
import dev.plumbline.core.rule.dsl.Setting;
import java.util.List;
import java.util.Optional;

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
  private static final String POOL_ENCRYPTION = "capacityPool.properties.encryptionType";

  /** Double encryption is chosen on the capacity pool that holds the volume, not on the volume itself. */
  private static final ResourceCondition DOUBLE_ENCRYPTED_POOL = ResourceCondition.of(
      "sit in a capacity pool with encryption type 'Double'", (resource, context) -> {
        Optional<CapacityPool> pool = new NetAppVolume(resource, context.topology()).capacityPool();
        Optional<String> type = pool.flatMap(found -> found.text("properties.encryptionType"));
        Evidence evidence = new Evidence(POOL_ENCRYPTION, "Double", type.orElse(null));
        if (pool.isEmpty()) {
          return ConditionResult.undecided("is in a capacity pool that is not in the topology, so double encryption"
              + " cannot be confirmed", evidence);
        }
        String where = "is in capacity pool " + pool.get().name();
        if (type.isEmpty()) {
          return ConditionResult.undecided(where + ", which does not state its encryption type", evidence);
        }
        return type.get().equalsIgnoreCase("Double")
            ? ConditionResult.holds(where + ", which is double-encrypted", evidence)
            : ConditionResult.violated(where + ", which is encrypted once (" + type.get() + ")", evidence);
      });

  // The key source decides first: an unknown one leaves the volume UNKNOWN whatever the other checks say.
  private static final ResourceRule RULE = resources().ofType(ResourceType.NETAPP_VOLUME)
      .should(inOrder(
          haveProperty(KEY_SOURCE, oneOfKnown(List.of(PLATFORM, CUSTOMER), List.of())),
          when(Setting.flag("requireCustomerManagedKey"), haveProperty(KEY_SOURCE, equalTo(CUSTOMER))),
          when(Setting.flag("requireDoubleEncryption"), DOUBLE_ENCRYPTED_POOL)))
      .because("the shared volume holds every published bundle and its data, and the reference requires it encrypted");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    return RULE.evaluate(context);
  }
}
