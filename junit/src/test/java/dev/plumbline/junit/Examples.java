package dev.plumbline.junit;

import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import java.nio.file.Path;

/** The bundled examples, found from the build's root. */
final class Examples {

  private Examples() {}

  static Path compliant() {
    return root().resolve("examples/posit-connect-ha/compliant.json");
  }

  static Path violation(String name) {
    return root().resolve("examples/posit-connect-ha/violations/" + name + ".json");
  }

  static Topology load(Path file) {
    try {
      return new TopologyLoader().load(file);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Path root() {
    return Path.of(System.getProperty("plumbline.root", ".."));
  }
}
