package dev.plumbline.core.model.network;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceView;
import dev.plumbline.core.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One NSG rule; singular and plural match fields are read as one set, as Azure applies them. */
public record SecurityRule(Resource resource, Topology topology) implements ResourceView {

  public Optional<Long> priority() {
    return resource.number("properties.priority");
  }

  public Optional<String> direction() {
    return text("properties.direction");
  }

  public Optional<String> access() {
    return text("properties.access");
  }

  public Optional<String> protocol() {
    return text("properties.protocol");
  }

  public List<String> sourceAddressPrefixes() {
    return union("properties.sourceAddressPrefix", "properties.sourceAddressPrefixes");
  }

  public List<String> destinationAddressPrefixes() {
    return union("properties.destinationAddressPrefix", "properties.destinationAddressPrefixes");
  }

  public List<String> destinationPortRanges() {
    return union("properties.destinationPortRange", "properties.destinationPortRanges");
  }

  public List<String> sourcePortRanges() {
    return union("properties.sourcePortRange", "properties.sourcePortRanges");
  }

  /** Paths are written out whole, not joined per call, so each is the same string every time it is read. */
  private List<String> union(String singular, String plural) {
    List<String> values = new ArrayList<>();
    text(singular).filter(v -> !v.isBlank()).ifPresent(values::add);
    get(plural).forEach(v -> {
      if (!v.asText("").isBlank()) {
        values.add(v.asText());
      }
    });
    return values;
  }
}
