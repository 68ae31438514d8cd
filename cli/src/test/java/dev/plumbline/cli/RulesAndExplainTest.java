package dev.plumbline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesAndExplainTest {

  @Test
  void rulesListsEveryRuleOfThePack() {
    CliRun run = CliRun.of("rules");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("PCHA-AGW-02", "PCHA-VM-01", "PCHA-PG-02", "PCHA-PG-03", "PCHA-ANF-02")
        .contains("Connect.Database.Version");
  }

  @Test
  void explainPrintsTheRulePage() {
    CliRun run = CliRun.of("explain", "pcha-pg-02");
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).startsWith("# PCHA-PG-02 Connect.Database.Version").contains("## How to fix");
  }

  @Test
  void explainOfAnUnknownRuleIsAUsageError() {
    CliRun run = CliRun.of("explain", "PCHA-XX-99");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown rule 'PCHA-XX-99'");
  }

  @Test
  void helpListsTheExitCodes() {
    for (String[] args : new String[][] {{"--help"}, {"audit", "--help"}}) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).isEqualTo(0);
      assertThat(run.out()).contains("Exit codes:").contains("0   clean").contains("3   an input could not be loaded")
          .contains("4   internal error");
    }
  }

  @Test
  void versionIsTheBuildVersion() {
    CliRun run = CliRun.of("--version");
    assertThat(run.out()).startsWith("Plumbline ").doesNotContain("unknown");
  }
}
