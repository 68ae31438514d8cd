package dev.plumbline.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of Plumbline that reports print. */
public final class Plumbline {

  public static final String NAME = "Plumbline";

  public static final String INFORMATION_URI = "https://plumbline.dev";

  /** Where each rule's page lives: this followed by the rule id. */
  public static final String RULE_PAGES = INFORMATION_URI + "/rules/";

  private static final String VERSION = readVersion();

  private Plumbline() {}

  /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = Plumbline.class.getResourceAsStream("/dev/plumbline/core/plumbline.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
