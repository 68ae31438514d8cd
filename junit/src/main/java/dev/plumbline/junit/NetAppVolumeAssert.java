package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;

/** Assertions on an Azure NetApp Files volume, each backed by the Posit Connect HA rule that checks the same thing. */
public class NetAppVolumeAssert extends AbstractResourceAssert<NetAppVolumeAssert> {

  NetAppVolumeAssert(Resource actual, AssertionScope scope) {
    super(actual, scope, NetAppVolumeAssert.class);
  }

  /** The volume's data is encrypted at rest as the reference asks (PCHA-ANF-02). */
  public NetAppVolumeAssert isEncrypted() {
    return passesRule("PCHA-ANF-02", "be encrypted");
  }

  /** The volume exports only to private clients (PCHA-ANF-04). */
  public NetAppVolumeAssert exportsOnlyPrivately() {
    return passesRule("PCHA-ANF-04", "export only to private clients");
  }

  /** The Connect nodes can reach and mount the volume (PCHA-ANF-01). */
  public NetAppVolumeAssert isReachableFromConnectNodes() {
    return passesRule("PCHA-ANF-01", "be reachable from every Connect node");
  }
}
