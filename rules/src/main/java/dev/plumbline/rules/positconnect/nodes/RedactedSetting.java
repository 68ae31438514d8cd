package dev.plumbline.rules.positconnect.nodes;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Connect setting's values as a finding may show them. Node facts arrive with secrets removed,
 * but a collector can miss one, and reports are shared widely: {@code Postgres.URL} shows only its
 * host, settings named like secrets show nothing, and any other URL loses its password.
 */
final class RedactedSetting {

  /** Setting names whose values are secrets by name ({@code postgres.password}, {@code oauth2.clientsecret}). */
  private static final Pattern SECRET_NAME = Pattern.compile(".*(password|secret|token|apikey|api_key|credential).*");

  /** {@code scheme://user:password@}: the part to mask in any other URL. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/:@\\s]*):[^@/\\s]*@");

  private RedactedSetting() {}

  /** The values joined with ", ", each shown without its secret. */
  static String display(String key, List<String> values) {
    return String.join(", ", values.stream().map(value -> display(key, value)).toList());
  }

  static String display(String key, String value) {
    String name = key.toLowerCase(Locale.ROOT);
    if (name.equals("postgres.url")) {
      return PostgresUrl.host(value).map(host -> "host " + host).orElse("(a URL naming no host)");
    }
    String property = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    if (SECRET_NAME.matcher(property).matches()) {
      return "(redacted)";
    }
    return URL_PASSWORD.matcher(value).replaceAll("$1:***@");
  }
}
