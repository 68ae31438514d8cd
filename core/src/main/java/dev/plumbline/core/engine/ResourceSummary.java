package dev.plumbline.core.engine;

import dev.plumbline.core.model.Provenance;
import java.util.List;

/**
 * One resource of the audited topology as reports show it, without the raw ARM JSON: enough to list
 * it and to draw it in its subnet and zones.
 *
 * @param subnets ids of the subnets it sits in
 * @param zones availability zones it is pinned to; empty for regional resources
 */
public record ResourceSummary(String id, String name, String type, List<String> subnets, List<String> zones,
    Provenance provenance) {

  public ResourceSummary {
    subnets = List.copyOf(subnets);
    zones = List.copyOf(zones);
  }
}
