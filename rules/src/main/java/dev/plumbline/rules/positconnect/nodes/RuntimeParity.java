package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Content runs on whichever node serves it, so each node needs every Python, R and Quarto version any node has. */
@RuleDefinition(
    id = "PCHA-VM-08",
    name = "Connect.Nodes.Runtimes",
    summary = "Every Connect node has the same Python, R and Quarto versions installed.",
    severity = Severity.MEDIUM,
    pillar = Pillar.RELIABILITY,
    references = {
        "Reference architecture, Nodes: \"The virtual machine instances in an HA configuration require the following"
            + " configuration: All the necessary versions of Python, R, and Quarto.\"",
        "Connect runtime installations API (/__api__/v1/server_settings/python, /r, /quarto): https://docs.posit.co/connect/api/",
        "Connect process management (R.Executable, Python.Executable): https://docs.posit.co/connect/admin/process-management/"
    })
public final class RuntimeParity implements Rule {

  private static final Map<String, String> DISPLAY = Map.of("python", "Python", "r", "R", "quarto", "Quarto");

  /** Versions in numeric order, so 3.9 comes before 3.10. */
  static final Comparator<String> VERSION_ORDER = RuntimeParity::compareVersions;

  @Override
  public List<Finding> evaluate(RuleContext context) {
    ConnectNodeFacts facts = ConnectNodeFacts.in(context);
    Optional<Finding> nothing = facts.nothingToJudge(context,
        "whether the nodes have the same Python, R and Quarto versions");
    if (nothing.isPresent()) {
      return List.of(nothing.get());
    }
    List<Evidence> missingFacts = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (NodeFactsMatch match : facts.matches()) {
      if (match.facts().isEmpty()) {
        missingFacts.add(match.missingFacts());
        unknown.add(match.name() + " (no node facts)");
      }
    }
    List<NodeFactsMatch> reporting = facts.withFacts();
    List<Evidence> all = new ArrayList<>();
    List<Evidence> notable = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> installed = new ArrayList<>();
    for (String runtime : NodeFacts.RUNTIMES) {
      Set<String> union = new TreeSet<>(VERSION_ORDER);
      reporting.forEach(match -> match.facts().orElseThrow().runtime(runtime).ifPresent(union::addAll));
      String expected = union.isEmpty() ? "none" : String.join(", ", union);
      installed.add(DISPLAY.get(runtime) + " (" + expected + ")");
      List<Evidence> entries = new ArrayList<>();
      boolean notableRuntime = false;
      // Nodes grouped by what they lack, so the message names each gap once.
      Map<String, List<String>> lackingBy = new LinkedHashMap<>();
      for (NodeFactsMatch match : reporting) {
        NodeFacts node = match.facts().orElseThrow();
        Optional<List<String>> versions = node.runtime(runtime);
        Set<String> own = new TreeSet<>(VERSION_ORDER);
        versions.ifPresent(own::addAll);
        entries.add(new Evidence(node.path("runtimes." + runtime), expected,
            versions.map(v -> own.isEmpty() ? "none" : String.join(", ", own)).orElse(null)));
        if (versions.isEmpty()) {
          notableRuntime = true;
          unknown.add(DISPLAY.get(runtime) + " on " + match.name());
        } else if (!own.equals(union)) {
          notableRuntime = true;
          Set<String> lacking = new TreeSet<>(VERSION_ORDER);
          lacking.addAll(union);
          lacking.removeAll(own);
          lackingBy.computeIfAbsent(String.join(", ", lacking), k -> new ArrayList<>()).add(match.name());
        }
      }
      lackingBy.forEach((versions, nodes) ->
          missing.add(DISPLAY.get(runtime) + " " + versions + " missing on " + String.join(", ", nodes)));
      all.addAll(entries);
      if (notableRuntime) {
        notable.addAll(entries);
      }
    }
    notable.addAll(missingFacts);
    if (!missing.isEmpty()) {
      return List.of(context.fail(Subject.scope(), "The Connect nodes do not have the same runtimes installed: "
          + String.join("; ", missing) + ".",
          notable.toArray(Evidence[]::new)));
    }
    if (!unknown.isEmpty()) {
      return List.of(context.unknown(Subject.scope(), "The installed runtimes are not known for "
          + String.join(", ", unknown) + ", so matching runtimes across the nodes cannot be confirmed.",
          notable.toArray(Evidence[]::new)));
    }
    return List.of(context.pass(Subject.scope(), ConnectNodeFacts.allNodesHave(reporting.size()) + " the same "
        + String.join(", ", installed) + " versions installed.", all.toArray(Evidence[]::new)));
  }

  private static int compareVersions(String a, String b) {
    String[] left = a.split("[.\\-+]");
    String[] right = b.split("[.\\-+]");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = left[i].matches("\\d{1,9}") && right[i].matches("\\d{1,9}")
          ? Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]))
          : left[i].compareTo(right[i]);
      if (order != 0) {
        return order;
      }
    }
    return left.length != right.length ? Integer.compare(left.length, right.length) : a.compareTo(b);
  }
}
