package dev.plumbline.rules.positconnect.storage;

import dev.plumbline.core.rule.Rule;
import java.util.List;

/** The pack's Azure NetApp Files rules, in catalog order. */
public final class StorageRules {

  public static final List<Rule> ALL = List.of(
      new NetAppReachability(),
      new NetAppEncryption(),
      new NetAppCapacity(),
      new NetAppPrivateExport(),
      new NetAppDataProtection());

  private StorageRules() {}
}
