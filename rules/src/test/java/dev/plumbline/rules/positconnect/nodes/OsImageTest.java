package dev.plumbline.rules.positconnect.nodes;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OsImageTest {

  private static final String ALLOWED = "one of Canonical:0001-com-ubuntu-server-jammy:22_04-lts*";

  private final OsImage rule = new OsImage();

  @Test
  void judgesEachNodeByItsImageAndFailsTheScopeWhenImagesDiffer() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-04.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-jammy-gen2", "pass-jammy-other-case"),
        Status.FAIL, Set.of("fail-focal", "fail-noble", "scope"),
        Status.UNKNOWN, Set.of("unknown-gallery-image", "unknown-shared-gallery-image", "unknown-partial-reference",
            "unknown-no-image")));
  }

  @Test
  void evidenceNamesTheImageOrTheGalleryReference() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-VM-04.json"));
    assertThat(evidenceOf(findings, "fail-focal")).containsExactly(new Evidence(
        "properties.storageProfile.imageReference", ALLOWED, "Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2"));
    assertThat(evidenceOf(findings, "unknown-gallery-image")).singleElement()
        .satisfies(e -> assertThat(e.path()).isEqualTo("properties.storageProfile.imageReference.id"));
    assertThat(evidenceOf(findings, "unknown-no-image")).containsExactly(
        Evidence.absent("properties.storageProfile.imageReference", ALLOWED));
  }

  @Test
  void nodesFromTheSameGalleryImageAreTheSameEvenIfItsReleaseIsUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-04-same-gallery.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("scope"),
        Status.UNKNOWN, Set.of("unknown-gallery-a", "unknown-gallery-b")));
  }

  @Test
  void aNodeWithoutAnImageLeavesSamenessUnknown() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-VM-04-unknown-same.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-jammy-gen2"),
        Status.UNKNOWN, Set.of("unknown-no-image", "scope")));
  }

  @Test
  void theCompliantExamplePassesAndTheFocalNodeFails() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1", "vm-connect-2", "scope")));
    List<Finding> findings = findings(rule, example("violations/node-different-image.json"));
    assertThat(outcomes(findings)).isEqualTo(Map.of(
        Status.PASS, Set.of("vm-connect-1"),
        Status.FAIL, Set.of("vm-connect-2", "scope")));
    Finding scope = findings.stream().filter(f -> f.subject().id().equals("scope")).findFirst().orElseThrow();
    assertThat(scope.evidence()).containsExactly(
        new Evidence("vm-connect-1.properties.storageProfile.imageReference", "the same image on every node",
            "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2"),
        new Evidence("vm-connect-2.properties.storageProfile.imageReference", "the same image on every node",
            "Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2"));
  }

  @Test
  void allowedImagesIsAParameter() throws Exception {
    assertThat(outcomes(rule, example("compliant.json"), "PCHA-VM-04.allowedImages=Canonical:ubuntu-24_04-lts:*"))
        .isEqualTo(Map.of(Status.PASS, Set.of("scope"), Status.FAIL, Set.of("vm-connect-1", "vm-connect-2")));
    // Allowing 20.04 too makes each node pass on its own, but the two still run different images.
    assertThat(outcomes(rule, example("violations/node-different-image.json"),
        "PCHA-VM-04.allowedImages=Canonical:0001-com-ubuntu-server-jammy:22_04-lts*,canonical:*focal:*"))
        .isEqualTo(Map.of(Status.PASS, Set.of("vm-connect-1", "vm-connect-2"), Status.FAIL, Set.of("scope")));
  }

  @Test
  void noNodeAtAllIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  private static List<Evidence> evidenceOf(List<Finding> findings, String subject) {
    return findings.stream().filter(f -> f.subject().name().equals(subject)).findFirst().orElseThrow().evidence();
  }
}
