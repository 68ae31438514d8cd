package dev.plumbline.core.rule;

/** The Well-Architected pillar a rule serves. */
public enum Pillar {
  RELIABILITY,
  SECURITY,
  PERFORMANCE,
  OPERATIONS,
  COST
}
