package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;

/** Assertions on a resource of any type. */
public class ResourceAssert extends AbstractResourceAssert<ResourceAssert> {

  ResourceAssert(Resource actual, AssertionScope scope) {
    super(actual, scope, ResourceAssert.class);
  }
}
