package dev.plumbline.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.model.Provenance;





import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsReaderTest {

  @TempDir
  Path dir;

  private Path write(String json) throws Exception {
    Path file = dir.resolve("suppressions.json");
    Files.writeString(file, json);
    return file;
  }

  private static Finding finding(String rule, String name, Status status) {
    return new Finding(rule, new Subject("/subscriptions/s/resourceGroups/rg/providers/X/y/" + name, name, "X/y",
        Provenance.none()), status, "m.", List.of());
  }

  private static AuditResult result(List<Finding> findings) {
    return new AuditResult(List.of(), List.of(), List.of(), java.util.Map.of(), findings, List.of(), List.of(),
        Optional.empty(), List.of(), Optional.empty());
  }

  @Test
  void aSuppressionInForceStopsItsFindingBlockingButKeepsItInTheResult() throws Exception {
    Suppressions suppressions = new SuppressionsReader().read(write("""
        {"plumblineSuppressions": 1, "suppressions": [
          {"rule": "PCHA-HA-02", "resource": "vol-connect", "justification": "Single-zone ANF accepted by the reference.", "expires": "2027-06-30"},
          {"rule": "PCHA-PG-06", "resource": "*", "justification": "Backups handled by the DBA team.", "expires": "2026-01-01"},
          {"rule": "PCHA-VM-01", "resource": "vm-gone", "justification": "Old."}
        ]}"""));
    Finding accepted = finding("PCHA-HA-02", "vol-connect", Status.FAIL);
    Finding expired = finding("PCHA-PG-06", "pg", Status.FAIL);
    AuditResult applied = result(List.of(accepted, expired)).withSuppressions(suppressions, LocalDate.of(2026, 11, 27));

    assertThat(applied.findings()).containsExactly(accepted, expired);
    assertThat(applied.blocking(Severity.INFO, true)).containsExactly(expired);
    assertThat(applied.suppressionOf(accepted)).get().extracting(s -> s.justification())
        .isEqualTo("Single-zone ANF accepted by the reference.");
    assertThat(applied.notes()).singleElement().satisfies(note -> assertThat(note.lines()).satisfiesExactly(
        line -> assertThat(line).startsWith("PCHA-PG-06 for * (").contains("expired on 2026-01-01"),
        line -> assertThat(line).startsWith("PCHA-VM-01 for vm-gone (").contains("matches no finding")));
  }

  @Test
  void aSuppressionMatchesTheFullIdIgnoringCaseAndNeverCoversAnError() throws Exception {
    Suppressions suppressions = new SuppressionsReader().read(write("""
        {"plumblineSuppressions": 1, "suppressions": [
          {"rule": "pcha-ha-02", "resource": "/SUBSCRIPTIONS/s/resourceGroups/rg/providers/X/y/vol", "justification": "ok"},
          {"rule": "PCHA-AGW-01", "resource": "*", "justification": "ok"}]}"""));
    Finding byId = finding("PCHA-HA-02", "vol", Status.UNKNOWN);
    Finding error = new Finding("PCHA-AGW-01", Subject.scope(), Status.ERROR, "boom", List.of());

    AuditResult applied = result(List.of(byId, error)).withSuppressions(suppressions, LocalDate.of(2026, 11, 27));

    assertThat(applied.blocking(Severity.INFO, true)).containsExactly(error);
  }

  @Test
  void aSuppressionWithoutJustificationIsRejectedWithItsLineAndColumn() throws Exception {
    Path file = write("""
        {"plumblineSuppressions": 1, "suppressions": [
          {"rule": "PCHA-HA-02", "resource": "vol"}
        ]}""");

    assertThatThrownBy(() -> new SuppressionsReader().read(file)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2:")
        .hasMessageContaining("justification");
  }

  @Test
  void anImpossibleDateIsRejectedWithWhereItIs() throws Exception {
    Path file = write("""
        {"plumblineSuppressions": 1, "suppressions": [
          {"rule": "PCHA-HA-02", "resource": "vol", "justification": "ok", "expires": "2027-02-30"}]}""");

    assertThatThrownBy(() -> new SuppressionsReader().read(file)).isInstanceOf(InputException.class)
        .hasMessage(file + ":2:79: expected a calendar date YYYY-MM-DD in 'expires', found '2027-02-30'");
  }
}
