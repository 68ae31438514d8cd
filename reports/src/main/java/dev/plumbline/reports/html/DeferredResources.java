package dev.plumbline.reports.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of the resources table beyond the rendered ones, as a JSON data block ({@link
 * JsonDataBlock}): an audit of a thousand deployments lists 23,000 resources that pass, and as HTML
 * they were 40% of the page. The script draws them (as text, never as markup) when the reader asks
 * for them or follows a link to one of them.
 *
 * <p>The block is {@code {"rows": [...], "groups": [...], "kinds": [...], "rules": [...]}}. Each row is
 * {@code [anchor, name, group, id, kind, zones, subnet, look, links]}: the resource id is {@code
 * groups[group] + id}, where a group is the id up to and with {@code /providers/} (one per resource
 * group); {@code kinds[kind]} is {@code [kind in words, type]}; {@code links} is a flat list of
 * {@code rule, look} pairs with {@code rules[rule]} being {@code [anchor, id]}. Those tables repeat
 * in every row otherwise. Rows are converted one by one while writing.
 */
final class DeferredResources<T> extends JsonDataBlock {

  private static final String PROVIDERS = "/providers/";

  private final List<T> resources;
  private final Function<T, ReportView.ResourceRow> toRow;

  DeferredResources(List<T> resources, Function<T, ReportView.ResourceRow> toRow) {
    this.resources = List.copyOf(resources);
    this.toRow = toRow;
  }

  @Override
  void writeJson(JsonGenerator json) throws IOException {
    // The tables are small (a group per resource group, a kind per type, a rule per requirement); they come last.
    Map<String, Integer> groups = new LinkedHashMap<>();
    Map<List<String>, Integer> kinds = new LinkedHashMap<>();
    Map<List<String>, Integer> rules = new LinkedHashMap<>();
    json.writeStartObject();
    json.writeFieldName("rows");
    json.writeStartArray();
    for (T resource : resources) {
      ReportView.ResourceRow row = toRow.apply(resource);
      json.writeStartArray();
      json.writeString(row.anchor());
      json.writeString(row.name());
      int cut = group(row.id());
      json.writeNumber(groups.computeIfAbsent(row.id().substring(0, cut), g -> groups.size()));
      json.writeString(row.id().substring(cut));
      json.writeNumber(kinds.computeIfAbsent(List.of(row.kind(), row.type()), k -> kinds.size()));
      json.writeString(row.zones());
      json.writeString(row.subnet());
      json.writeString(row.worst().name());
      json.writeStartArray();
      for (ReportView.RuleLink link : row.rules()) {
        json.writeNumber(rules.computeIfAbsent(List.of(link.anchor(), link.id()), r -> rules.size()));
        json.writeString(link.look().name());
      }
      json.writeEndArray();
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeFieldName("groups");
    json.writeStartArray();
    for (String group : groups.keySet()) {
      json.writeString(group);
    }
    json.writeEndArray();
    writeTable(json, "kinds", kinds);
    writeTable(json, "rules", rules);
    json.writeEndObject();
  }

  /** Where the resource group part of an id ends: after its first {@code /providers/}, or 0. */
  private static int group(String id) {
    int at = id.indexOf(PROVIDERS);
    return at < 0 ? 0 : at + PROVIDERS.length();
  }

  private static void writeTable(JsonGenerator json, String name, Map<List<String>, Integer> table) throws IOException {
    json.writeFieldName(name);
    json.writeStartArray();
    for (List<String> entry : table.keySet()) {
      json.writeStartArray();
      for (String value : entry) {
        json.writeString(value);
      }
      json.writeEndArray();
    }
    json.writeEndArray();
  }

  @Override
  public boolean isEmptyContent() {
    return resources.isEmpty();
  }
}
