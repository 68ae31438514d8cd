package dev.plumbline.core.rule.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.PropertyPath;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The conditions resources are most often held to; combine them with {@link ResourceCondition#and}. */
public final class ResourceConditions {

  private ResourceConditions() {}

  /**
   * The property at a dotted path ({@code properties.storage.storageSizeGB}, {@code tags['owner']})
   * meets the value condition. An absent property is UNKNOWN: nothing shows it holds.
   */
  public static ResourceCondition haveProperty(String path, ValueCondition value) {
    return new ResourceCondition(
        context -> "have property " + ValueConditions.quote(path) + " " + value.description(context),
        (resource, root, base, context) -> {
          String fullPath = base + path;
          String wanted = value.description(context);
          String expected = value.expected(context);
          JsonNode node = PropertyPath.resolve(root, path);
          if (node.isMissingNode()) {
            return ConditionResult.undecided("does not state property " + ValueConditions.quote(fullPath),
                Evidence.absent(fullPath, expected));
          }
          String actual = ValueConditions.spell(node);
          Evidence evidence = new Evidence(fullPath, expected, actual);
          String property = "property " + ValueConditions.quote(fullPath) + " " + wanted;
          return switch (value.judge(node, context)) {
            case HOLDS -> ConditionResult.holds("has " + property + " (is " + ValueConditions.quote(actual) + ")", evidence);
            case VIOLATED -> ConditionResult.violated("does not have " + property + " (was " + ValueConditions.quote(actual) + ")", evidence);
            case UNDECIDED -> ConditionResult.undecided("has property " + ValueConditions.quote(fullPath) + " "
                + ValueConditions.quote(actual) + ", which cannot be judged as " + wanted, evidence);
          };
        });
  }

  /** The property at the path is present, whatever its value. */
  public static ResourceCondition haveProperty(String path) {
    return haveProperty(path, ValueConditions.present());
  }

  /**
   * The tag is set to the value, the tag's name and value compared ignoring case. A missing tag
   * fails: tags are stated in full, so absence is a fact, not missing data.
   */
  public static ResourceCondition haveTag(String key, String value) {
    ValueCondition equal = ValueConditions.equalTo(value);
    return new ResourceCondition(
        context -> "have tag " + ValueConditions.quote(key + "=" + value),
        (resource, root, base, context) -> {
          // Tag names are case-insensitive in ARM: find the key as written.
          java.util.Iterator<String> names = PropertyPath.resolve(root, "tags").fieldNames();
          String written = key;
          while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(key)) {
              written = name;
            }
          }
          ConditionResult result = haveProperty("tags['" + written + "']", equal).check(resource, root, base, context);
          String tag = ValueConditions.quote(key + "=" + value);
          String statement = switch (result.status()) {
            case PASS -> "has tag " + tag;
            case FAIL -> "does not have tag " + tag + " (was " + ValueConditions.quote(result.evidence().get(0).actual()) + ")";
            default -> "does not have tag " + ValueConditions.quote(key);
          };
          Status status = result.status() == Status.UNKNOWN ? Status.FAIL : result.status();
          return new ConditionResult(status, statement, result.evidence());
        });
  }

  /**
   * Every entry of the array at {@code arrayPath} meets the condition, whose property paths are
   * read inside the entry: {@code haveEach("properties.backendHttpSettingsCollection",
   * haveProperty("properties.cookieBasedAffinity", equalTo("Enabled")))}. An absent array is
   * UNKNOWN; an empty one fails, since no entry shows the requirement holds.
   */
  public static ResourceCondition haveEach(String arrayPath, ResourceCondition entryCondition) {
    return new ResourceCondition(
        context -> "have every entry of " + ValueConditions.quote(arrayPath) + " " + entryCondition.description(context),
        (resource, root, base, context) -> {
          String fullPath = base + arrayPath;
          JsonNode array = PropertyPath.resolve(root, arrayPath);
          if (!array.isArray()) {
            return ConditionResult.undecided("does not state property " + ValueConditions.quote(fullPath),
                Evidence.absent(fullPath, "a list"));
          }
          if (array.isEmpty()) {
            return ConditionResult.violated("has no entries in " + ValueConditions.quote(fullPath),
                new Evidence(fullPath, "at least one entry", "[]"));
          }
          List<ConditionResult> entries = new ArrayList<>();
          for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            ConditionResult result = entryCondition.check(resource, entry, fullPath + "[" + i + "].", context);
            String label = entry.path("name").isTextual() ? entry.path("name").asText() : "#" + i;
            String statement = result.status() == Status.PASS
                ? result.statement()
                : "has entry " + ValueConditions.quote(label) + " of " + ValueConditions.quote(fullPath) + " that " + result.statement();
            entries.add(new ConditionResult(result.status(), statement, result.evidence()));
          }
          ConditionResult combined = ResourceCondition.combine(entries);
          if (combined.status() == Status.PASS) {
            return ConditionResult.holds("has every entry of " + ValueConditions.quote(fullPath) + " "
                + entryCondition.description(context) + " (" + array.size() + " checked)",
                combined.evidence().toArray(Evidence[]::new));
          }
          return combined;
        });
  }

  /**
   * The condition, held to only while the boolean setting is true, so that a rule parameter such as
   * {@code requireGeoRedundant=false} can waive one requirement without changing the others; while
   * waived, the condition holds and leaves no evidence.
   */
  public static ResourceCondition when(Setting<Boolean> required, ResourceCondition condition) {
    return new ResourceCondition(
        context -> {
          String words = condition.description(context);
          String parameter = required.parameter();
          if (context == null && parameter != null) {
            return words + " if {" + parameter + "}";
          }
          // With the value in force the sentence says whether the condition applies, not what switches it.
          if (required.resolve(context)) {
            return words;
          }
          return words + (parameter == null ? " (waived)" : " (waived: " + parameter + " is false)");
        },
        (resource, root, base, context) -> required.resolve(context)
            ? condition.check(resource, root, base, context)
            : ConditionResult.holds("is not required to " + condition.description(context)));
  }

  /**
   * The conditions in order, each one's verdict counting only once those before it hold, because a
   * value often cannot be judged until another is known (vCores only count on a recognised tier):
   * the outcome is that of the first condition that does not hold, or PASS when all do. Every
   * condition is still read, so the evidence shows all the properties either way.
   */
  public static ResourceCondition inOrder(ResourceCondition first, ResourceCondition... then) {
    List<ResourceCondition> all = Stream.concat(Stream.of(first), Stream.of(then)).toList();
    return new ResourceCondition(
        context -> all.stream().map(condition -> condition.description(context)).collect(Collectors.joining(" and then ")),
        (resource, root, base, context) -> {
          List<ConditionResult> results = all.stream()
              .map(condition -> condition.check(resource, root, base, context)).toList();
          List<Evidence> evidence = new ArrayList<>();
          results.forEach(result -> evidence.addAll(result.evidence()));
          return results.stream().filter(result -> result.status() != Status.PASS).findFirst()
              .map(decisive -> new ConditionResult(decisive.status(), decisive.statement(), evidence))
              .orElseGet(() -> ResourceCondition.combine(results));
        });
  }

  /**
   * The resource is pinned to every one of the zones (it may be in more). A resource that states
   * no zones is regional, so it fails.
   */
  public static ResourceCondition beInZones(String... zones) {
    Set<String> wanted = new TreeSet<>(List.of(zones));
    String listed = wanted.stream().map(ValueConditions::quote).collect(Collectors.joining(", "));
    String expected = String.join(", ", wanted);
    return new ResourceCondition(
        context -> "be in zones " + listed,
        (resource, root, base, context) -> {
          String path = base + "zones";
          Set<String> actual = new TreeSet<>();
          PropertyPath.resolve(root, "zones").forEach(zone -> actual.add(zone.asText()));
          String found = actual.isEmpty() ? "none" : String.join(", ", actual);
          Evidence evidence = new Evidence(path, expected, found);
          if (actual.containsAll(wanted)) {
            return ConditionResult.holds("is in zones " + listed + " (is in " + found + ")", evidence);
          }
          return ConditionResult.violated("is not in zones " + listed + " (was "
              + (actual.isEmpty() ? "in no zone" : "in " + found) + ")", evidence);
        });
  }
}
