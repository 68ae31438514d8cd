package dev.plumbline.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a rule's doc page. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Print a rule's page: why it matters and how to fix it.")
final class ExplainCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE-ID", description = "The rule id, e.g. PCHA-PG-02.")
  String ruleId;

  @Override
  public Integer call() {
    Optional<Packs.PackRule> found = Packs.rule(ruleId);
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("plumbline: unknown rule '" + ruleId + "'; `plumbline rules` lists the rules");
      return ExitCodes.USAGE;
    }
    String id = found.get().rule().metadata().id();
    Optional<String> page = found.get().pack().docPage(id);
    if (page.isEmpty()) {
      spec.commandLine().getErr().println("plumbline: rule " + id + " has no doc page in this build");
      return ExitCodes.INTERNAL;
    }
    spec.commandLine().getOut().print(page.get());
    spec.commandLine().getOut().flush();
    return ExitCodes.CLEAN;
  }
}
