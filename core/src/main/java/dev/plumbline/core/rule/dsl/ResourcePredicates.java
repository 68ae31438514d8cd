package dev.plumbline.core.rule.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.PropertyPath;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Common ways to narrow a rule's resources. Names compare ignoring case, as ARM's do. */
public final class ResourcePredicates {

  private ResourcePredicates() {}

  public static ResourcePredicate named(String... names) {
    Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    wanted.addAll(List.of(names));
    String listed = List.of(names).stream().map(ValueConditions::quote).collect(Collectors.joining(" or "));
    return ResourcePredicate.describedAs("are named " + listed, resource -> wanted.contains(resource.name()));
  }

  public static ResourcePredicate nameMatching(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return ResourcePredicate.describedAs("have a name matching /" + regex + "/",
        resource -> pattern.matcher(resource.name()).matches());
  }

  /** The tag is set to the value, ignoring case in both. */
  public static ResourcePredicate taggedWith(String key, String value) {
    return ResourcePredicate.describedAs("are tagged " + ValueConditions.quote(key + "=" + value),
        resource -> resource.tags().entrySet().stream().anyMatch(tag ->
            tag.getKey().equalsIgnoreCase(key) && tag.getValue().equalsIgnoreCase(value)));
  }

  public static ResourcePredicate inResourceGroup(String resourceGroup) {
    return ResourcePredicate.describedAs("are in resource group " + ValueConditions.quote(resourceGroup),
        resource -> resource.id().resourceGroup().map(resourceGroup::equalsIgnoreCase).orElse(false));
  }

  /** The location, compared the way ARM does: ignoring case and spaces ("West Europe" is westeurope). */
  public static ResourcePredicate inLocation(String location) {
    String wanted = location.replace(" ", "").toLowerCase(Locale.ROOT);
    return ResourcePredicate.describedAs("are in location " + ValueConditions.quote(location),
        resource -> resource.location().map(l -> l.replace(" ", "").toLowerCase(Locale.ROOT).equals(wanted)).orElse(false));
  }

  /** The property is present and meets the value condition. */
  public static ResourcePredicate haveProperty(String path, ValueCondition value) {
    return ResourcePredicate.describedAs("have property " + ValueConditions.quote(path) + " " + value.description(null),
        (resource, context) -> {
          JsonNode node = PropertyPath.resolve(resource.raw(), path);
          return !node.isMissingNode() && value.judge(node, context) == Verdict.HOLDS;
        });
  }
}
