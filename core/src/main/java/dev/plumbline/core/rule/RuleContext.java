package dev.plumbline.core.rule;

import dev.plumbline.core.model.Memo;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What a rule sees while it runs: the topology, its parameters in force, and finding factories. */
public final class RuleContext {

  private final RuleMetadata metadata;
  private final Topology topology;
  private final Map<String, Object> parameters;
  private final Map<String, Object> packParameters;
  private final Map<String, Object> derived;
  private final Map<String, Object> fromParameters;

  public RuleContext(RuleMetadata metadata, Topology topology, Map<String, Object> parameters) {
    this(metadata, topology, parameters, Map.of());
  }

  public RuleContext(RuleMetadata metadata, Topology topology, Map<String, Object> parameters,
      Map<String, Object> packParameters) {
    this(metadata, topology, parameters, packParameters, new ConcurrentHashMap<>());
  }

  /**
   * @param packParameters the values in force of the parameters the rule's pack shares
   * @param derived where {@link #derived} keeps what the pack's rules compute from the topology;
   *     one map per pack and audit, shared by the contexts of that pack's rules
   */
  public RuleContext(RuleMetadata metadata, Topology topology, Map<String, Object> parameters,
      Map<String, Object> packParameters, Map<String, Object> derived) {
    this(metadata, topology, parameters, packParameters, derived, new ConcurrentHashMap<>());
  }

  /**
   * @param fromParameters where {@link #fromParameters} keeps what this rule computes from its
   *     parameters; one map per rule and audit, shared by the rule's contexts for every deployment
   */
  public RuleContext(RuleMetadata metadata, Topology topology, Map<String, Object> parameters,
      Map<String, Object> packParameters, Map<String, Object> derived, Map<String, Object> fromParameters) {
    this.metadata = metadata;
    this.topology = topology;
    this.parameters = Map.copyOf(parameters);
    this.packParameters = Map.copyOf(packParameters);
    this.derived = derived;
    this.fromParameters = fromParameters;
  }

  /**
   * A value the pack's rules derive from the topology and the pack parameters alone (which VMs are
   * nodes, say), computed by the first rule that asks and reused by the others in the same audit.
   * {@code compute} must be pure; if it throws, nothing is kept and the asking rule fails on its own.
   */
  public <T> T derived(String key, Class<T> type, Supplier<T> compute) {
    return Memo.computeOnce(derived, key, type, compute);
  }

  /**
   * A value the rule derives from its parameters alone (compiled patterns, say), computed by its
   * first run in an audit and reused by its runs over the audit's other deployments. {@code compute}
   * must be pure and read nothing but the parameters: the value is not computed again for another topology.
   */
  public <T> T fromParameters(String key, Class<T> type, Supplier<T> compute) {
    return Memo.computeOnce(fromParameters, key, type, compute);
  }

  /** The values of the parameters the pack shares (the tag that marks a node, say). */
  public Map<String, Object> packParameters() {
    return packParameters;
  }

  public Topology topology() {
    return topology;
  }

  public RuleMetadata metadata() {
    return metadata;
  }

  public long integer(String name) {
    return (Long) parameter(name, ParameterType.INTEGER);
  }

  public double decimal(String name) {
    return (Double) parameter(name, ParameterType.DECIMAL);
  }

  public boolean flag(String name) {
    return (Boolean) parameter(name, ParameterType.BOOLEAN);
  }

  public String text(String name) {
    return (String) parameter(name, ParameterType.TEXT);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    return (List<String>) parameter(name, ParameterType.LIST);
  }

  private Object parameter(String name, ParameterType type) {
    RuleMetadata.ParameterSpec spec = metadata.parameter(name).orElseThrow(() ->
        new IllegalArgumentException(metadata.id() + " reads parameter '" + name + "', which it does not declare"));
    if (spec.type() != type) {
      throw new IllegalArgumentException(metadata.id() + " reads parameter '" + name + "' as " + type
          + " but declares it " + spec.type());
    }
    return parameters.get(name);
  }

  public Finding finding(Subject subject, Status status, String message, Evidence... evidence) {
    return new Finding(metadata.id(), subject, status, message, Arrays.asList(evidence));
  }

  public Finding pass(Resource resource, String message, Evidence... evidence) {
    return finding(Subject.of(resource), Status.PASS, message, evidence);
  }

  public Finding fail(Resource resource, String message, Evidence... evidence) {
    return finding(Subject.of(resource), Status.FAIL, message, evidence);
  }

  public Finding unknown(Resource resource, String message, Evidence... evidence) {
    return finding(Subject.of(resource), Status.UNKNOWN, message, evidence);
  }

  public Finding pass(Subject subject, String message, Evidence... evidence) {
    return finding(subject, Status.PASS, message, evidence);
  }

  public Finding fail(Subject subject, String message, Evidence... evidence) {
    return finding(subject, Status.FAIL, message, evidence);
  }

  public Finding unknown(Subject subject, String message, Evidence... evidence) {
    return finding(subject, Status.UNKNOWN, message, evidence);
  }

  /**
   * The finding for a resource the requirement needs that is missing from the scope altogether: a
   * {@code FAIL} of the scope, never {@code NOT_APPLICABLE}; {@code UNKNOWN} instead when part of
   * the scope (a resource group, a subscription, a query) could not be read.
   *
   * @param what the missing resource in words, e.g. "a PostgreSQL flexible server"
   */
  public Finding missing(String what, String message) {
    List<String> unread = unreadScopes();
    if (!unread.isEmpty()) {
      // Part of the scope was never read, so the resource may well exist there: fail closed as UNKNOWN.
      return unknown(Subject.scope(), message + " Part of the scope could not be read (" + String.join("; ", unread)
          + "), so it may be there.", new Evidence("type", what, "none in what could be read"));
    }
    return fail(Subject.scope(), message, new Evidence("type", what, "none"));
  }

  /** Resource groups, subscriptions or queries that could not be read, as the gaps name them. */
  private List<String> unreadScopes() {
    return topology.gaps().stream()
        .filter(gap -> gap.kind() == dev.plumbline.core.model.Gap.Kind.UNREAD)
        // A scope is a subscription, a resource group or a query, never a resource under a provider.
        .filter(gap -> !gap.subject().toLowerCase(java.util.Locale.ROOT).contains("/providers/"))
        .map(gap -> gap.subject().isEmpty() ? gap.target() : gap.subject())
        .distinct()
        .toList();
  }

  public Finding notApplicable(Subject subject, String message, Evidence... evidence) {
    return finding(subject, Status.NOT_APPLICABLE, message, evidence);
  }
}
