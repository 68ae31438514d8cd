package dev.plumbline.core.model.network;

import java.util.Optional;

/**
 * What guards one level of an inbound path: the NSG on the subnet or on the NIC, no NSG at all
 * (which lets everything through), or an NSG that is referenced but could not be read.
 *
 * @param level the subnet or the NIC
 * @param holder the name of the subnet or NIC, for messages
 * @param group the NSG, when one is attached and in the topology
 * @param unresolved why the level cannot be evaluated (an NSG or subnet outside the topology); empty otherwise
 */
public record SecurityGroupAttachment(Level level, String holder, Optional<NetworkSecurityGroup> group,
    Optional<String> unresolved) {

  /** Where an NSG can sit; inbound traffic meets the subnet's first, then the NIC's. */
  public enum Level {
    SUBNET("subnet"),
    NETWORK_INTERFACE("NIC");

    private final String label;

    Level(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static SecurityGroupAttachment of(Level level, String holder, NetworkSecurityGroup group) {
    return new SecurityGroupAttachment(level, holder, Optional.of(group), Optional.empty());
  }

  public static SecurityGroupAttachment none(Level level, String holder) {
    return new SecurityGroupAttachment(level, holder, Optional.empty(), Optional.empty());
  }

  public static SecurityGroupAttachment unresolved(Level level, String holder, String why) {
    return new SecurityGroupAttachment(level, holder, Optional.empty(), Optional.of(why));
  }

  /** Whether no NSG sits at this level, so that it lets all traffic through. */
  public boolean isOpen() {
    return group.isEmpty() && unresolved.isEmpty();
  }

  /** {@code NSG nsg-connect on subnet snet-connect}, {@code no NSG on NIC nic-1}, or why it cannot be read. */
  public String describe() {
    if (group.isPresent()) {
      return "NSG " + group.get().name() + " on " + level.label() + " " + holder;
    }
    return unresolved.map(why -> level.label() + " " + holder + ": " + why)
        .orElse("no NSG on " + level.label() + " " + holder);
  }
}
