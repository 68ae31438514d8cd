package com.example.connect;

import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourcePredicates.taggedWith;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.equalTo;

import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.dsl.ResourceRule;

/** Our own requirements on top of the Posit Connect reference design. */
final class HouseRules {

  private HouseRules() {}

  /** Connect nodes take SSH keys only: a leaked password must not open a node. */
  static final ResourceRule SSH_KEYS_ONLY = resources()
      .ofType(ResourceType.VIRTUAL_MACHINE)
      .that(taggedWith("role", "posit-connect"))
      .should(haveProperty("properties.osProfile.linuxConfiguration.disablePasswordAuthentication", equalTo(true)))
      .because("our Connect nodes are reached with SSH keys only");
}
