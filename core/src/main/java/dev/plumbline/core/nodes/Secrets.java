package dev.plumbline.core.nodes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Connect settings hold credentials, and how to show them without the credential.
 *
 * <p>A key is secret when its variable name (the part after the section, case ignored) contains
 * {@code password}, {@code passwd}, {@code passphrase}, {@code secret}, {@code token} or
 * {@code credential}, or ends with {@code key} ({@code Key}, {@code APIKey}, {@code SecretKey},
 * {@code SPPrivateKey}; not {@code KeepAlive} or {@code APIKeys}); except names ending with
 * {@code file}, {@code path} or {@code dir}, which say where a secret lives, a location HA rules
 * compare across nodes. {@code Postgres.URL} and {@code Postgres.InstrumentationURL} are secret too,
 * but as connection URLs they are kept with only the password replaced, so rules can still read the
 * host and {@code sslmode}. Any value with a password in a URL ({@code scheme://user:password@host}
 * or {@code password=} in a query) is redacted whatever its key.
 */
public final class Secrets {

  private static final String REDACTED = "REDACTED";
  private static final Set<String> CONNECTION_URLS = Set.of("postgres.url", "postgres.instrumentationurl");
  private static final List<String> SECRET_WORDS =
      List.of("password", "passwd", "passphrase", "secret", "token", "credential");
  private static final List<String> LOCATION_SUFFIXES = List.of("file", "path", "dir");
  /** Userinfo with a password; the password may hold a raw '@' (people forget to encode it), so the last '@' ends it. */
  private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\\s]*):([^/?#\\s]+)@");
  /** libpq also takes the password as a query or key=value parameter. */
  private static final Pattern PARAMETER_PASSWORD =
      Pattern.compile("((?:^|[?&;\\s])password=)('[^']*'|[^&#\\s]+)", Pattern.CASE_INSENSITIVE);

  private Secrets() {}

  /** Whether the setting under this key ({@code section.name} or {@code section "sub".name}) holds a credential. */
  public static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (CONNECTION_URLS.contains(lower)) {
      return true;
    }
    // Names cannot hold '.', so the last one ends the section (or the quoted subsection).
    String name = lower.substring(lower.lastIndexOf('.') + 1);
    if (LOCATION_SUFFIXES.stream().anyMatch(name::endsWith)) {
      return false;
    }
    return name.endsWith("key") || SECRET_WORDS.stream().anyMatch(name::contains);
  }

  /** The value fit to show: {@code REDACTED} for a credential, a URL's password replaced, else the value. */
  public static String redact(String key, String value) {
    if (isCredentialOnly(key)) {
      return REDACTED;
    }
    String hidden = URL_PASSWORD.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + REDACTED + "@"));
    return PARAMETER_PASSWORD.matcher(hidden).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED));
  }

  /** A secret with nothing else worth keeping, so facts leave it out. */
  static boolean isCredentialOnly(String key) {
    return isSecret(key) && !CONNECTION_URLS.contains(key.toLowerCase(Locale.ROOT));
  }
}
