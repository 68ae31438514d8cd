package dev.plumbline.core.rule;

import dev.plumbline.core.model.Topology;
import java.util.function.Supplier;

/**
 * One deployment a pack audits on its own, when a scope holds several (a tenant with a Connect
 * cluster per team): its label, and the topology of its resources alone. A scope of many
 * deployments builds each one's topology only when it is judged, so few are held at a time.
 */
public final class Deployment {

  private final String label;
  private final Supplier<Topology> topology;

  /** @param label names the deployment in findings about it as a whole, e.g. its resource group */
  public Deployment(String label, Topology topology) {
    this(label, () -> topology);
  }

  private Deployment(String label, Supplier<Topology> topology) {
    this.label = label;
    this.topology = topology;
  }

  /**
   * A deployment whose topology {@code build} makes anew each time {@link #topology} is asked for:
   * the engine asks once per audit and lets go of it once the deployment is judged.
   */
  public static Deployment builtOnDemand(String label, Supplier<Topology> build) {
    return new Deployment(label, build);
  }

  /** Names the deployment in findings about it as a whole, e.g. its resource group. */
  public String label() {
    return label;
  }

  /** The topology of the deployment's resources alone; built on each call for {@link #builtOnDemand}. */
  public Topology topology() {
    return topology.get();
  }

  @Override
  public String toString() {
    return "Deployment[label=" + label + "]";
  }
}
