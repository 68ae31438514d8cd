package dev.plumbline.core.rule;

import dev.plumbline.core.model.Topology;

/**
 * One deployment a pack audits on its own, when a scope holds several (a tenant with a Connect
 * cluster per team): its label, and the topology of its resources alone.
 *
 * @param label names the deployment in findings about it as a whole, e.g. its resource group
 */
public record Deployment(String label, Topology topology) {}
