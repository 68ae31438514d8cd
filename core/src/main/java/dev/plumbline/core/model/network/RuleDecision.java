package dev.plumbline.core.model.network;

import java.util.List;
import java.util.Optional;

/**
 * What decided some traffic at one level of an inbound path: an NSG rule (custom or default), or
 * the level itself when it has no NSG or one that cannot be read.
 *
 * @param attachment the level
 * @param rule the rule's name; empty when the level decided without a rule
 * @param priority the rule's priority, when it states one
 * @param defaultRule whether the rule is one of Azure's default rules
 * @param sources the rule's source prefixes and application security groups as written
 */
public record RuleDecision(SecurityGroupAttachment attachment, Optional<String> rule, Optional<Long> priority,
    boolean defaultRule, List<String> sources) {

  public RuleDecision {
    sources = List.copyOf(sources);
  }

  /** The decision of a level that has no rule to name. */
  public static RuleDecision ofLevel(SecurityGroupAttachment attachment) {
    return new RuleDecision(attachment, Optional.empty(), Optional.empty(), false, List.of());
  }

  /**
   * {@code nsg-connect/AllowSsh (priority 200, subnet snet-connect)}, {@code nsg-connect/DenyAllInBound
   * (priority 65500, default rule, NIC nic-1)}, or the level's own description.
   */
  public String describe() {
    if (rule.isEmpty() || attachment.group().isEmpty()) {
      return attachment.describe();
    }
    StringBuilder text = new StringBuilder(attachment.group().get().name()).append('/').append(rule.get()).append(" (");
    text.append(priority.map(p -> "priority " + p).orElse("no priority"));
    if (defaultRule) {
      text.append(", default rule");
    }
    text.append(", ").append(attachment.level().label()).append(' ').append(attachment.holder()).append(')');
    return text.toString();
  }
}
