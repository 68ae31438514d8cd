package dev.plumbline.core.model.network;

/** Traffic that one level of an inbound path decided, and what decided it. */
public record DecidedTraffic(TrafficSet traffic, RuleDecision decision) {}
