package dev.plumbline.core.rule;

import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.Resource;

/**
 * What a finding is about: usually a resource, sometimes the audited scope as a whole (when a
 * required resource is missing altogether) or a pair of nodes.
 *
 * @param id the resource id, or a label such as {@code scope} for scope-wide findings
 * @param name a short name for people
 * @param type the resource type, or "" for non-resources
 * @param provenance where the subject came from
 */
public record Subject(String id, String name, String type, Provenance provenance) {

  public Subject {
    type = type == null ? "" : type;
    provenance = provenance == null ? Provenance.none() : provenance;
  }

  public static Subject of(Resource resource) {
    return new Subject(resource.id().toString(), resource.name(), resource.type().name(), resource.provenance());
  }

  /** The audited scope as a whole. */
  public static Subject scope() {
    return new Subject("scope", "the audited scope", "", Provenance.none());
  }

  /** Whether the subject is a resource rather than the scope or another grouping. */
  public boolean isResource() {
    return !type.isEmpty();
  }
}
