package dev.plumbline.rules.positconnect;

import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.Deployment;
import dev.plumbline.core.rule.Note;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.rules.positconnect.database.DatabaseRules;
import dev.plumbline.rules.positconnect.gateway.GatewayRules;
import dev.plumbline.rules.positconnect.network.NetworkRules;
import dev.plumbline.rules.positconnect.nodes.ConnectNode;
import dev.plumbline.rules.positconnect.nodes.ConnectNodes;
import dev.plumbline.rules.positconnect.nodes.NodeRules;
import dev.plumbline.rules.positconnect.resilience.ResilienceRules;
import dev.plumbline.rules.positconnect.storage.StorageRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The Posit Connect load-balanced, high-availability architecture on Azure, as rules. */
public final class PositConnectHaPack implements RulePack {

  public static final String ID = "posit-connect-ha";

  /** Every rule of the pack, listed explicitly by area; a conventions test keeps these lists complete. */
  private static final List<Rule> RULES = Stream.of(
          GatewayRules.ALL, NodeRules.ALL, DatabaseRules.ALL, StorageRules.ALL, NetworkRules.ALL, ResilienceRules.ALL)
      .flatMap(List::stream)
      .toList();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Posit Connect HA on Azure";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<Rule> rules() {
    return RULES;
  }

  @Override
  public Optional<String> docPage(String ruleId) {
    return readDoc(ruleId);
  }

  /** The rules that read facts gathered on the nodes themselves; without facts they are UNKNOWN. */
  public static final Set<String> NODE_FACT_RULES = Set.of("PCHA-VM-06", "PCHA-VM-07", "PCHA-VM-08", "PCHA-CFG-01");

  /** The parameters every rule of the pack shares. */
  public static final List<RuleMetadata.ParameterSpec> PARAMETERS = List.of(
      new RuleMetadata.ParameterSpec(ConnectNodes.TAG_KEY_PARAMETER, ParameterType.TEXT, ConnectNodes.TAG_KEY,
          "The tag key that marks a VM as a Posit Connect node (besides membership of the gateway's pools)."),
      new RuleMetadata.ParameterSpec(ConnectNodes.TAG_VALUE_PARAMETER, ParameterType.TEXT, ConnectNodes.TAG_VALUE,
          "The value of that tag."));

  @Override
  public List<RuleMetadata.ParameterSpec> parameters() {
    return PARAMETERS;
  }

  /** Which VMs the pack treats as Connect nodes, and how each was found. */
  /** A scope with several Connect clusters is audited one cluster at a time (see {@link ConnectDeployments}). */
  @Override
  public List<Deployment> deployments(Topology topology, Map<String, Object> parameters) {
    return ConnectDeployments.of(topology, parameters);
  }

  @Override
  public List<Note> notes(Topology topology, Map<String, Object> parameters) {
    ConnectNodes nodes = ConnectNodes.in(topology, parameters);
    List<String> lines = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      lines.add(node.vm().name() + ": " + String.join("; ", node.foundBy()));
    }
    if (lines.isEmpty()) {
      lines.add("none: no gateway pool member was traced to a VM and no VM carries the tag "
          + parameters.get(ConnectNodes.TAG_KEY_PARAMETER) + "=" + parameters.get(ConnectNodes.TAG_VALUE_PARAMETER));
    }
    for (var member : nodes.unresolvedMembers()) {
      lines.add("untraced pool member " + member.value() + ": " + member.resolvedBy());
    }
    return List.of(new Note(ID, "Connect nodes", lines));
  }

  /** Reads a doc page shipped in this module's jar ({@code rules/docs/ID.md} in the source tree). */
  public static Optional<String> readDoc(String ruleId) {
    if (!ruleId.matches("[A-Z0-9-]+")) {
      return Optional.empty();
    }
    try (InputStream in = PositConnectHaPack.class.getResourceAsStream("/dev/plumbline/rules/docs/" + ruleId + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
