package dev.plumbline.junit;

import dev.plumbline.core.live.LiveScope;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A live Azure scope and how to reach it, as a test suite names it.
 *
 * @param armEndpoint another Resource Manager endpoint than the public cloud's
 * @param caCertificates the CA the endpoint's certificate chain ends in, when it is private
 */
record LiveTarget(LiveScope scope, Optional<URI> armEndpoint, Optional<Path> caCertificates) {

  @Override
  public String toString() {
    return scope + armEndpoint.map(endpoint -> " at " + endpoint).orElse("");
  }
}
