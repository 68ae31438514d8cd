package dev.plumbline.rules.positconnect.database;

import dev.plumbline.core.rule.Rule;
import java.util.List;

/** The pack's PostgreSQL rules, in catalog order. */
public final class DatabaseRules {

  public static final List<Rule> ALL = List.of(
      new ConnectDatabase(),
      new PostgresVersion(),
      new PostgresStorage(),
      new PostgresCompute(),
      new PostgresPrivateAccess(),
      new PostgresBackup());

  private DatabaseRules() {}
}
