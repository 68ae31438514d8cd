package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;

/** Assertions on a PostgreSQL flexible server, each backed by the Posit Connect HA rule that checks the same thing. */
public class PostgresServerAssert extends AbstractResourceAssert<PostgresServerAssert> {

  PostgresServerAssert(Resource actual, AssertionScope scope) {
    super(actual, scope, PostgresServerAssert.class);
  }

  /** The server runs one of these major versions (PCHA-PG-02; the reference uses 16). */
  public PostgresServerAssert hasMajorVersion(String... majors) {
    return passesRule("PCHA-PG-02", "run PostgreSQL major version " + String.join(" or ", majors),
        "PCHA-PG-02.allowedVersions=" + String.join(",", majors));
  }

  /** At least this much storage is provisioned (PCHA-PG-03; the reference asks 64 GB). */
  public PostgresServerAssert hasStorageOfAtLeastGb(long gigabytes) {
    return passesRule("PCHA-PG-03", "have at least " + gigabytes + " GB of storage", "PCHA-PG-03.minStorageGb=" + gigabytes);
  }

  /** Nothing reaches the server from the internet (PCHA-PG-05). */
  public PostgresServerAssert isPrivate() {
    return passesRule("PCHA-PG-05", "be reachable only privately");
  }

  /** Backups are kept long enough and geo-redundantly (PCHA-PG-06). */
  public PostgresServerAssert hasSafeBackups() {
    return passesRule("PCHA-PG-06", "keep backups long enough and geo-redundantly");
  }
}
