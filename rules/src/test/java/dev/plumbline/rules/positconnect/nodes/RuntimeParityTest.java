package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RuntimeParityTest {

  private final RuntimeParity rule = new RuntimeParity();

  @Test
  void theSameVersionsInAnyOrderPass() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-08-pass.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    assertThat(findings.get(0).evidence()).hasSize(9)
        .contains(new Evidence("nodes[connect-b].runtimes.python", "3.11.9, 3.12.4", "3.11.9, 3.12.4"));
  }

  @Test
  void aVersionMissingOnSomeNodesFailsWithEvidencePerDifferingRuntime() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-08-fail.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    Finding fail = findings.get(0);
    assertThat(fail.message()).contains("Python 3.11.9 missing on vm-b").contains("Quarto 1.4.557 missing on vm-a, vm-b");
    assertThat(fail.evidence()).containsExactly(
        new Evidence("nodes[connect-a].runtimes.python", "3.11.9, 3.12.4", "3.11.9, 3.12.4"),
        new Evidence("nodes[connect-b].runtimes.python", "3.11.9, 3.12.4", "3.12.4"),
        new Evidence("nodes[connect-c].runtimes.python", "3.11.9, 3.12.4", "3.11.9, 3.12.4"),
        new Evidence("nodes[connect-a].runtimes.quarto", "1.4.557, 1.5.57", "1.5.57"),
        new Evidence("nodes[connect-b].runtimes.quarto", "1.4.557, 1.5.57", "1.5.57"),
        new Evidence("nodes[connect-c].runtimes.quarto", "1.4.557, 1.5.57", "1.4.557, 1.5.57"));
  }

  @Test
  void aRuntimeANodeDoesNotReportIsUnknown() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-08-unknown.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).message()).contains("Quarto on vm-c");
    assertThat(findings.get(0).evidence()).contains(Evidence.absent("nodes[connect-c].runtimes.quarto", "1.5.57"));
  }

  @Test
  void aNodeWithoutFactsIsUnknown() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-06-fail.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.UNKNOWN, Set.of("scope")));
    assertThat(findings.get(0).evidence()).containsExactly(Evidence.absent("nodes[vm-d]", "a node facts entry for VM vm-d"));
  }

  @Test
  void versionsAreOrderedNumerically() {
    Set<String> versions = new TreeSet<>(RuntimeParity.VERSION_ORDER);
    versions.addAll(List.of("3.10.1", "3.9.18", "3.12.4", "3.9.2"));
    assertThat(versions).containsExactly("3.9.2", "3.9.18", "3.10.1", "3.12.4");
  }

  @Test
  void bundledExamplesPassAndTheRuntimeMismatchFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(Status.PASS, Set.of("scope")));
    List<Finding> findings = findings(rule, example("violations/node-runtime-mismatch.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
    assertThat(findings.get(0).evidence()).containsExactly(
        new Evidence("nodes[connect-1].runtimes.python", "3.11.9, 3.12.4", "3.11.9, 3.12.4"),
        new Evidence("nodes[connect-2].runtimes.python", "3.11.9, 3.12.4", "3.12.4"));
  }
}
