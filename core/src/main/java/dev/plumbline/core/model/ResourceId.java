package dev.plumbline.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An Azure Resource Manager resource id, parsed once and compared case-insensitively, as ARM does.
 *
 * <p>Parsing never fails on a non-blank string: ids from Microsoft's examples ({@code subid},
 * {@code {placeholders}}) and half-formed ids are kept and compared as text, with {@link
 * #isWellFormed()} telling which is which.
 */
public final class ResourceId implements Comparable<ResourceId> {

  private final String text;
  private final String key;
  private final String subscriptionId;
  private final String resourceGroup;
  private final String resourceType;
  private final String name;
  /** Index in {@link #segments()} of the last name segment, or -1 when the id names no resource. */
  private final int lastNameIndex;
  /** Index in {@link #segments()} where the last resource's type chain starts ("providers" keyword). */
  private final int providerIndex;
  private final boolean wellFormed;

  private ResourceId(String text, List<String> segments) {
    this.text = text;
    this.key = text.toLowerCase(Locale.ROOT);
    int n = segments.size();
    String sub = null;
    String rg = null;
    int lastProvider = -1;
    boolean complete = true;
    int i = 0;
    while (i < n) {
      String keyword = segments.get(i);
      boolean hasValue = i + 1 < n;
      if (lastProvider < 0 && keyword.equalsIgnoreCase("subscriptions") && hasValue) {
        sub = segments.get(i + 1);
      } else if (lastProvider < 0 && keyword.equalsIgnoreCase("resourceGroups") && hasValue) {
        rg = segments.get(i + 1);
      } else if (keyword.equalsIgnoreCase("providers") && hasValue) {
        // An extension resource starts a new type chain at its own "providers" keyword.
        lastProvider = i;
      } else if (lastProvider < 0 || !hasValue) {
        complete = false;
        break;
      }
      i += 2;
    }
    // Every id of a group repeats its subscription and group; one copy of each serves them all.
    this.subscriptionId = sub == null ? null : sub.intern();
    this.resourceGroup = rg == null ? null : rg.intern();
    this.providerIndex = lastProvider;
    int pairsStart = lastProvider + 2;
    if (lastProvider >= 0 && n > pairsStart) {
      StringBuilder type = new StringBuilder(segments.get(lastProvider + 1));
      for (int j = pairsStart; j < n; j += 2) {
        type.append('/').append(segments.get(j));
      }
      // Shared with every other id of the type: a large input holds many ids of few types.
      this.resourceType = ResourceType.of(type.toString()).name();
      this.lastNameIndex = (n - pairsStart) % 2 == 0 ? n - 1 : -1;
      this.name = lastNameIndex >= 0 ? segments.get(lastNameIndex) : null;
      this.wellFormed = complete && lastNameIndex >= 0 && (sub != null || lastProvider == 0);
    } else if (lastProvider < 0 && rg != null && n == 4 && complete) {
      this.resourceType = "Microsoft.Resources/resourceGroups";
      this.lastNameIndex = 3;
      this.name = rg;
      this.wellFormed = true;
    } else if (lastProvider < 0 && sub != null && n == 2) {
      this.resourceType = "Microsoft.Resources/subscriptions";
      this.lastNameIndex = 1;
      this.name = sub;
      this.wellFormed = true;
    } else {
      this.resourceType = null;
      this.lastNameIndex = -1;
      this.name = n == 0 ? null : segments.get(n - 1);
      this.wellFormed = false;
    }
  }

  /**
   * Parses an id. Leading, trailing and doubled slashes are dropped (the SDK itself sends
   * {@code //subscriptions/...}); the original casing is kept for display.
   *
   * @throws IllegalArgumentException when {@code id} is null or blank
   */
  public static ResourceId parse(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a resource id must not be blank");
    }
    List<String> segments = new ArrayList<>();
    for (String part : id.trim().split("/")) {
      if (!part.isEmpty()) {
        segments.add(part);
      }
    }
    return new ResourceId(isNormal(id) ? id : "/" + String.join("/", segments), List.copyOf(segments));
  }

  /**
   * The {@link #key()} of the id {@code id} would parse to, without parsing it when it is already
   * written the normal way (one leading slash, no doubled or trailing slash, no surrounding space),
   * as ids in ARM's and Resource Graph's output are; null for a null or blank id.
   */
  public static String keyOf(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    return isNormal(id) ? id.toLowerCase(Locale.ROOT) : parse(id).key();
  }

  private static boolean isNormal(String id) {
    int length = id.length();
    if (length < 2 || id.charAt(0) != '/' || id.charAt(length - 1) == '/'
        || id.charAt(length - 1) <= ' ') {
      return false;
    }
    return !id.contains("//");
  }

  /** Parses an id, or returns empty for a null, blank or non-text value. */
  public static Optional<ResourceId> tryParse(String id) {
    return id == null || id.isBlank() ? Optional.empty() : Optional.of(parse(id));
  }

  /** The id with single slashes and its original casing. */
  @Override
  public String toString() {
    return text;
  }

  /** The lower-cased id, the form ids are compared and indexed by. */
  public String key() {
    return key;
  }

  public Optional<String> subscriptionId() {
    return Optional.ofNullable(subscriptionId);
  }

  public Optional<String> resourceGroup() {
    return Optional.ofNullable(resourceGroup);
  }

  /** The full type, e.g. {@code Microsoft.Network/virtualNetworks/subnets}; empty when it cannot be told. */
  public Optional<ResourceType> type() {
    return Optional.ofNullable(resourceType).map(ResourceType::of);
  }

  /** The last name segment, e.g. the subnet's name for a subnet id. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** ARM's {@code name} for the resource: names of nested types joined by '/', e.g. {@code acct/pool/vol}. */
  public Optional<String> fullName() {
    if (providerIndex < 0 || lastNameIndex < 0) {
      return name();
    }
    List<String> names = new ArrayList<>();
    List<String> segments = segments();
    for (int j = providerIndex + 3; j < segments.size(); j += 2) {
      names.add(segments.get(j));
    }
    return Optional.of(String.join("/", names));
  }

  /** True when the id has a subscription, a provider namespace and type/name pairs throughout. */
  public boolean isWellFormed() {
    return wellFormed;
  }

  /**
   * The enclosing resource: a subnet's VNet, a volume's capacity pool, an extension resource's
   * target. Empty for a top-level resource (its resource group is a scope, not a parent here).
   */
  public Optional<ResourceId> parent() {
    if (providerIndex < 0 || lastNameIndex < 0) {
      return Optional.empty();
    }
    List<String> segments = segments();
    if (lastNameIndex - providerIndex > 3) {
      return Optional.of(fromSegments(segments.subList(0, lastNameIndex - 1)));
    }
    boolean extension = false;
    for (int j = 0; j < providerIndex; j++) {
      extension |= segments.get(j).equalsIgnoreCase("providers");
    }
    return extension ? Optional.of(fromSegments(segments.subList(0, providerIndex))) : Optional.empty();
  }

  /** The id of a child: {@code vnetId.child("subnets", "snet-a")}. */
  public ResourceId child(String childType, String childName) {
    return parse(text + "/" + childType + "/" + childName);
  }

  /** Whether this id lies under {@code ancestor} (a VNet's subnet under the VNet, any resource under its group). */
  public boolean isWithin(ResourceId ancestor) {
    return key.startsWith(ancestor.key + "/");
  }

  /**
   * The id's segments, worked out again when asked: keeping them for every id of a large input cost
   * more memory than the rest of the id.
   */
  private List<String> segments() {
    return text.length() <= 1 ? List.of() : List.of(text.substring(1).split("/"));
  }

  private static ResourceId fromSegments(List<String> segments) {
    return new ResourceId("/" + String.join("/", segments), List.copyOf(segments));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResourceId that && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public int compareTo(ResourceId other) {
    return key.compareTo(other.key);
  }
}
