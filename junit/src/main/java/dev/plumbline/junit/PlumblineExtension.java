package dev.plumbline.junit;

import com.azure.core.exception.ClientAuthenticationException;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.live.LiveOptions;
import dev.plumbline.core.live.LiveScope;
import dev.plumbline.core.live.LiveTopologyLoader;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.rule.SuppressionsReader;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Suppressions;
import dev.plumbline.rules.BuiltInPacks;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link PlumblineTest}; register it yourself with
 * {@code @RegisterExtension static PlumblineExtension plumbline = PlumblineExtension.builder()...build()}
 * to choose packs, custom rules, parameters, suppressions and node facts in code. Loading happens
 * once per run for the same source, before the class's tests; a live scope without credentials
 * aborts them with the reason, and an input that cannot be read fails them with its one-line error.
 */
public final class PlumblineExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlumblineExtension.class);

  private final AuditSettings configured;
  private final Function<String, String> properties;
  private final Function<String, String> variables;

  /** The extension as {@link PlumblineTest} registers it: settings come from the annotation. */
  public PlumblineExtension() {
    this(null, System::getProperty, System::getenv);
  }

  PlumblineExtension(AuditSettings configured, Function<String, String> properties, Function<String, String> variables) {
    this.configured = configured;
    this.properties = properties;
    this.variables = variables;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    audit(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Topology.class || type == AuditResult.class || type == PlumblineAudit.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PlumblineAudit audit = audit(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Topology.class) {
      return audit.topology();
    }
    if (type == AuditResult.class) {
      return audit.result();
    }
    if (type == PlumblineAudit.class) {
      return audit;
    }
    throw new ParameterResolutionException("Plumbline does not provide " + type.getName());
  }

  /** The audit for the context's settings, loaded at most once per run; a failed load is remembered and rethrown. */
  private PlumblineAudit audit(ExtensionContext context) {
    AuditSettings settings = settings(context);
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    Outcome outcome = store.getOrComputeIfAbsent(settings.resultKey(), key -> compute(store, settings), Outcome.class);
    if (outcome.aborted() != null) {
      throw new TestAbortedException(outcome.aborted());
    }
    if (outcome.failure() != null) {
      throw new ExtensionConfigurationException(outcome.failure());
    }
    return outcome.audit();
  }

  /** The audit, or why there is none: aborted (a reason to skip) or failed (a one-line error). */
  private record Outcome(PlumblineAudit audit, String aborted, String failure) {}

  private Outcome compute(ExtensionContext.Store store, AuditSettings settings) {
    Outcome loaded = store.getOrComputeIfAbsent(settings.topologyKey(), key -> load(settings), Outcome.class);
    if (loaded.audit() == null) {
      return loaded;
    }
    Topology topology = loaded.audit().topology();
    try {
      List<RulePack> packs = new ArrayList<>(settings.packs().isEmpty() && settings.rules().isEmpty()
          ? BuiltInPacks.all() : settings.packs());
      if (!settings.rules().isEmpty()) {
        packs.add(RulePack.of("custom", "Custom rules", "0", settings.rules()));
      }
      AuditResult result = new AuditEngine().evaluate(topology, packs, RuleParameters.parse(settings.parameters()));
      if (settings.suppressions().isPresent()) {
        Suppressions suppressions = new SuppressionsReader().read(settings.suppressions().get());
        result = result.withSuppressions(suppressions, LocalDate.now(ZoneOffset.UTC));
      }
      return new Outcome(new PlumblineAudit(topology, result, settings.unknown(), settings.failOn()), null, null);
    } catch (ParameterException e) {
      return new Outcome(null, null, "Plumbline: " + e.getMessage());
    } catch (InputException e) {
      return new Outcome(null, null, "Plumbline could not read the suppressions: " + e.getMessage());
    }
  }

  private Outcome load(AuditSettings settings) {
    if (settings.live().isPresent()) {
      return loadLive(settings.live().get());
    }
    List<Path> files = new ArrayList<>(settings.inputs());
    files.addAll(settings.nodeFacts());
    try {
      Topology topology = new TopologyLoader().load(files);
      return new Outcome(new PlumblineAudit(topology, null, settings.unknown(), settings.failOn()), null, null);
    } catch (InputException e) {
      return new Outcome(null, null, "Plumbline could not load the topology: " + e.getMessage());
    }
  }

  /** A live scope, read through the same loader as {@code plumbline audit --subscription}. */
  private Outcome loadLive(LiveTarget target) {
    Optional<String> token = Optional.ofNullable(variables.apply("PLUMBLINE_ACCESS_TOKEN")).filter(t -> !t.isBlank());
    if (token.isEmpty()) {
      Optional<String> missing = AzureCredentials.whyUnavailable(variables);
      if (missing.isPresent()) {
        return new Outcome(null, "Live audit of " + target + " skipped: " + missing.get(), null);
      }
    }
    LiveOptions options = LiveOptions.of(target.scope());
    try {
      if (target.armEndpoint().isPresent()) {
        options = options.withArmEndpoint(target.armEndpoint().get());
      }
      if (target.caCertificates().isPresent()) {
        options = options.withCaCertificates(target.caCertificates().get());
      }
      if (token.isPresent()) {
        options = options.withAccessToken(token.get());
      }
      Topology topology = new LiveTopologyLoader().load(options).topology();
      return new Outcome(new PlumblineAudit(topology, null, UnknownPolicy.FAIL, Severity.LOW), null, null);
    } catch (ClientAuthenticationException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      return new Outcome(null, "Live audit of " + target + " skipped: no Azure credential could sign in: " + reason, null);
    } catch (IllegalArgumentException e) {
      return new Outcome(null, null, "Plumbline cannot audit " + target + " live: " + e.getMessage());
    }
  }

  private AuditSettings settings(ExtensionContext context) {
    if (configured != null) {
      return configured;
    }
    PlumblineTest annotation = context.getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, PlumblineTest.class))
        .orElseThrow(() -> new ExtensionConfigurationException(
            "PlumblineExtension needs @PlumblineTest on the test class, or registration through PlumblineExtension.builder()"));
    List<RulePack> packs = new ArrayList<>();
    for (String id : annotation.packs()) {
      packs.add(BuiltInPacks.byId(id).orElseThrow(() -> new ExtensionConfigurationException(
          "@PlumblineTest names pack '" + id + "', but the built-in packs are "
              + BuiltInPacks.all().stream().map(RulePack::id).toList())));
    }
    // The run's setting wins over the class's, so CI can point one suite at each night's export.
    List<Path> inputs = fromEnvironment("plumbline.snapshot", "PLUMBLINE_SNAPSHOT").map(PlumblineExtension::paths)
        .orElse(Arrays.stream(annotation.snapshot()).map(Path::of).toList());
    Optional<LiveTarget> live = Optional.empty();
    if (inputs.isEmpty()) {
      Optional<URI> endpoint = fromEnvironment("plumbline.armEndpoint", "PLUMBLINE_ARM_ENDPOINT").map(URI::create);
      live = fromEnvironment("plumbline.subscription", "AZURE_SUBSCRIPTION_ID").map(subscription -> new LiveTarget(
          LiveScope.subscription(subscription, fromEnvironment("plumbline.resourceGroups", "PLUMBLINE_RESOURCE_GROUPS")
              .map(PlumblineExtension::list).orElse(List.of()).toArray(String[]::new)),
          endpoint, Optional.empty()));
      if (live.isEmpty()) {
        throw new ExtensionConfigurationException("@PlumblineTest has no topology source: give snapshot = \"...\", or set"
            + " -Dplumbline.snapshot=FILE, or -Dplumbline.subscription=ID (AZURE_SUBSCRIPTION_ID) for a live scope");
      }
    }
    return new AuditSettings(inputs, live, packs, List.of(), List.of(annotation.parameters()),
        annotation.suppressions().isBlank() ? Optional.empty() : Optional.of(Path.of(annotation.suppressions())),
        Arrays.stream(annotation.nodeFacts()).map(Path::of).toList(), annotation.unknown(), annotation.failOn());
  }

  private Optional<String> fromEnvironment(String property, String variable) {
    String value = properties.apply(property);
    if (value == null || value.isBlank()) {
      value = variables.apply(variable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static List<Path> paths(String text) {
    return list(text).stream().map(Path::of).toList();
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Settings in code, for {@code @RegisterExtension}. */
  public static final class Builder {

    private final List<Path> inputs = new ArrayList<>();
    private LiveTarget live;
    private final List<RulePack> packs = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private Path suppressions;
    private final List<Path> nodeFacts = new ArrayList<>();
    private UnknownPolicy unknown = UnknownPolicy.FAIL;
    private Severity failOn = Severity.LOW;
    private Map<String, String> environment;

    private Builder() {}

    /** Input files of any shape Plumbline reads. */
    public Builder snapshot(Path... files) {
      inputs.addAll(List.of(files));
      return this;
    }

    /** A live Azure scope instead of files; aborts the tests when no Azure credentials are found. */
    public Builder live(String subscription, String... resourceGroups) {
      live = new LiveTarget(LiveScope.subscription(subscription, resourceGroups), Optional.empty(), Optional.empty());
      return this;
    }

    /**
     * The Resource Manager endpoint of the live scope (Azure Stack Hub, a private cloud) and the CA
     * its certificate chain ends in, when private.
     */
    public Builder armEndpoint(URI endpoint, Path caCertificates) {
      if (live == null) {
        throw new IllegalStateException("armEndpoint(...) follows live(...)");
      }
      live = new LiveTarget(live.scope(), Optional.of(endpoint), Optional.ofNullable(caCertificates));
      return this;
    }

    /** Packs to run instead of every built-in pack. */
    public Builder packs(RulePack... chosen) {
      packs.addAll(List.of(chosen));
      return this;
    }

    /** Custom rules (e.g. from the rule DSL's {@code asRule}), run as one extra pack beside the others. */
    public Builder rules(Rule... custom) {
      rules.addAll(List.of(custom));
      return this;
    }

    /** Parameter overrides as on the command line. */
    public Builder parameters(String... assignments) {
      parameters.addAll(List.of(assignments));
      return this;
    }

    public Builder suppressions(Path file) {
      suppressions = file;
      return this;
    }

    /** Files holding Connect node facts, added to the topology. */
    public Builder nodeFacts(Path... files) {
      nodeFacts.addAll(List.of(files));
      return this;
    }

    public Builder unknown(UnknownPolicy policy) {
      unknown = policy;
      return this;
    }

    public Builder failOn(Severity severity) {
      failOn = severity;
      return this;
    }

    /** Where credentials are looked up instead of the process environment (for tests of the extension). */
    Builder environment(Map<String, String> variables) {
      environment = Map.copyOf(variables);
      return this;
    }

    public PlumblineExtension build() {
      if (inputs.isEmpty() && live == null) {
        throw new IllegalStateException("PlumblineExtension needs snapshot(...) files or a live(...) scope");
      }
      List<RulePack> packsChosen = new ArrayList<>(packs);
      if (packsChosen.isEmpty() && !rules.isEmpty()) {
        packsChosen.addAll(BuiltInPacks.all());
      }
      AuditSettings settings = new AuditSettings(inputs, Optional.ofNullable(inputs.isEmpty() ? live : null), packsChosen, rules,
          parameters, Optional.ofNullable(suppressions), nodeFacts, unknown, failOn);
      Map<String, String> chosen = environment;
      return new PlumblineExtension(settings, System::getProperty, chosen == null ? System::getenv : chosen::get);
    }
  }
}
