package dev.plumbline.rules.positconnect.nodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure VM sizes the pack knows, from the table shipped with it ({@code vm-sizes.csv}), with the
 * size name's vCPU count as a fallback for sizes the table lacks.
 */
public final class VmSizes {

  private static final String TABLE = "/dev/plumbline/rules/positconnect/vm-sizes.csv";

  /**
   * {@code [Family][# vCPUs][-constrained vCPUs][features][_accelerator][_version]}, after an optional
   * {@code Standard_} or {@code Basic_}; ARM spells features lower-case, Resource Graph may lower-case it all.
   */
  private static final Pattern NAME = Pattern.compile(
      "(?i)(?:standard_|basic_)?([a-z]+)(\\d+)(?:-(\\d+))?([a-z]*)((?:_[a-z0-9]+)*)");

  private static final VmSizes BUILT_IN = load();

  private final Map<String, VmSize> byName;

  private VmSizes(Map<String, VmSize> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** One VM size: how many vCPUs it gives and how much memory, and where that was read. */
  public record VmSize(String name, long vcpus, Optional<Double> memoryGib, Source source) {

    /** Where a size's figures come from. */
    public enum Source {
      /** The size table shipped with the pack, copied from Microsoft's size pages. */
      TABLE,
      /** The size's name, following Azure's naming convention; memory cannot be read from a name. */
      NAME
    }
  }

  /** The table shipped with the pack, read once. */
  public static VmSizes builtIn() {
    return BUILT_IN;
  }

  /**
   * The size called {@code name} (in any case): from the table when it lists the size, otherwise
   * with only the vCPUs the name gives (for a constrained size such as {@code E32-8s_v5}, the
   * number after the dash); empty when the name does not follow the convention.
   */
  public Optional<VmSize> find(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    VmSize known = byName.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Matcher matcher = NAME.matcher(name.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String vcpus = matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
    return Optional.of(new VmSize(name.trim(), Long.parseLong(vcpus), Optional.empty(), VmSize.Source.NAME));
  }

  private static VmSizes load() {
    Map<String, VmSize> sizes = new LinkedHashMap<>();
    try (InputStream in = VmSizes.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException("the size table " + TABLE + " is missing from the rules jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (header == null || !header.startsWith("size,family,vcpus,memory_gib")) {
        throw new IllegalStateException("the size table " + TABLE + " does not start with size,family,vcpus,memory_gib");
      }
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] columns = line.split(",", -1);
        String name = columns[0].trim();
        sizes.put(name.toLowerCase(Locale.ROOT), new VmSize(name, Long.parseLong(columns[2].trim()),
            Optional.of(Double.parseDouble(columns[3].trim())), VmSize.Source.TABLE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new VmSizes(sizes);
  }
}
