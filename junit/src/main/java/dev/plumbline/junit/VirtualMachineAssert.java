package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;

/** Assertions on a virtual machine, each backed by the Posit Connect HA rule that checks the same thing. */
public class VirtualMachineAssert extends AbstractResourceAssert<VirtualMachineAssert> {

  VirtualMachineAssert(Resource actual, AssertionScope scope) {
    super(actual, scope, VirtualMachineAssert.class);
  }

  /** The VM's size meets the Connect node minimum (PCHA-VM-03). */
  public VirtualMachineAssert hasConnectNodeSize() {
    return passesRule("PCHA-VM-03", "be sized for a Connect node");
  }

  /** The VM sits in a private subnet with no public IP (PCHA-VM-05). */
  public VirtualMachineAssert isPrivate() {
    return passesRule("PCHA-VM-05", "sit in a private subnet with no public IP");
  }
}
