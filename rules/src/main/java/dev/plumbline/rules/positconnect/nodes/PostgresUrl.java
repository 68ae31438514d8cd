package dev.plumbline.rules.positconnect.nodes;

import java.util.Locale;
import java.util.Optional;

/**
 * The host named by a Connect {@code Postgres.URL}, the only part of it a finding may show: the URL
 * can carry a password. Reads the URL form {@code postgres://user:password@host:port/db?sslmode=require}
 * and the key-value form {@code host=... dbname=...} that Connect's PostgreSQL driver also accepts.
 */
public final class PostgresUrl {

  private PostgresUrl() {}

  /** The host in lower case, or empty when the value names none. */
  public static Optional<String> host(String url) {
    String value = url.trim();
    int scheme = value.indexOf("://");
    if (scheme < 0) {
      return keyValueHost(value);
    }
    String authority = value.substring(scheme + 3);
    int end = firstOf(authority, "/?#");
    authority = end < 0 ? authority : authority.substring(0, end);
    // The user information ends at the last '@'; a percent-encoded password holds none.
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    // Only the first host of a multi-host URL: the server Connect tries first.
    authority = authority.contains(",") ? authority.substring(0, authority.indexOf(',')) : authority;
    String host;
    if (authority.startsWith("[")) {
      host = authority.indexOf(']') > 0 ? authority.substring(1, authority.indexOf(']')) : "";
    } else {
      host = authority.contains(":") ? authority.substring(0, authority.indexOf(':')) : authority;
    }
    return normalized(host);
  }

  private static Optional<String> keyValueHost(String value) {
    for (String pair : value.split("\\s+")) {
      if (pair.toLowerCase(Locale.ROOT).startsWith("host=")) {
        return normalized(pair.substring(5).replace("'", ""));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code host} reaches the server with this FQDN: the FQDN itself, or its Private Link
   * name ({@code psql.privatelink.postgres.database.azure.com} for {@code psql.postgres.database.azure.com}).
   */
  public static boolean names(String host, String fqdn) {
    int dot = fqdn.indexOf('.');
    String privateLink = dot < 0 ? fqdn : fqdn.substring(0, dot) + ".privatelink" + fqdn.substring(dot);
    return host.equals(fqdn) || host.equals(privateLink);
  }

  /** A host name in the form {@link #host} returns it: lower case, no trailing dot; empty when blank. */
  public static Optional<String> normalized(String host) {
    String trimmed = host.trim().toLowerCase(Locale.ROOT);
    trimmed = trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  private static int firstOf(String text, String characters) {
    int first = -1;
    for (char c : characters.toCharArray()) {
      int at = text.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
