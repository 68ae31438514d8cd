package dev.plumbline.cli;

import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.RulePack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists every rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule, with its severity and pillar.")
final class RulesCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (RulePack pack : Packs.all()) {
      out.println(pack.name() + " (" + pack.id() + " " + pack.version() + ")");
      for (Rule rule : pack.rules()) {
        RuleMetadata meta = rule.metadata();
        out.printf("  %-12s %-7s %-12s %-32s %s%n", meta.id(), meta.severity(), meta.pillar().name().toLowerCase(java.util.Locale.ROOT),
            meta.name(), meta.summary());
      }
    }
    out.println();
    out.println("`plumbline explain ID` prints a rule's page.");
    return ExitCodes.CLEAN;
  }
}
