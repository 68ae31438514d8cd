package dev.plumbline.core.nodes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed configuration: settings in file order. */
public final class GcfgFile {

  private final String name;
  private final String digest;
  private final List<GcfgSetting> settings;
  private final Map<String, List<String>> facts;

  GcfgFile(String name, String digest, List<GcfgSetting> settings) {
    this.name = name;
    this.digest = digest;
    this.settings = List.copyOf(settings);
    Map<String, List<String>> collected = new LinkedHashMap<>();
    for (GcfgSetting setting : this.settings) {
      String key = setting.key();
      if (!Secrets.isCredentialOnly(key)) {
        collected.computeIfAbsent(key, k -> new ArrayList<>()).add(Secrets.redact(key, setting.value()));
      }
    }
    collected.replaceAll((key, values) -> List.copyOf(values));
    this.facts = collected;
  }

  /** The file as it was named to the reader. */
  public String name() {
    return name;
  }

  /** sha256:<hex> of the file's bytes as read (UTF-8 of the text for parse()). */
  public String digest() {
    return digest;
  }

  public List<GcfgSetting> settings() {
    return settings;
  }

  /**
   * Lower-cased key to its values in file order: repeated keys are collected (the "multi" properties
   * such as {@code Python.Executable}; for single ones Connect takes the last) and repeated sections
   * add up. Credentials are dropped and passwords inside URLs replaced, so facts can be shown and
   * compared across nodes. A fresh copy; the lists in it are unmodifiable.
   */
  public LinkedHashMap<String, List<String>> facts() {
    return new LinkedHashMap<>(facts);
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "GcfgFile[" + name + ", " + digest + ", " + settings.size() + " settings]";
  }
}
