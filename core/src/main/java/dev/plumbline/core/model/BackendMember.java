package dev.plumbline.core.model;

import java.util.Optional;

/**
 * One member of an Application Gateway backend pool, as the pool lists it, and the VM it was
 * traced to (if any) with how.
 *
 * @param kind how the pool names the member
 * @param value the NIC IP configuration id, IP address or FQDN as written
 * @param ipConfiguration the NIC IP configuration the member resolved to
 * @param virtualMachine the VM that owns that configuration's NIC
 * @param resolvedBy how the member was traced, in words ("NIC IP configuration", "private IP 10.0.1.4", ...)
 */
public record BackendMember(
    Kind kind, String value, Optional<Resource> ipConfiguration, Optional<Resource> virtualMachine, String resolvedBy) {

  /** How a pool names a member. */
  public enum Kind {
    IP_CONFIGURATION,
    IP_ADDRESS,
    FQDN
  }

  /** Whether the member was traced to a VM. */
  public boolean isResolved() {
    return virtualMachine.isPresent();
  }
}
