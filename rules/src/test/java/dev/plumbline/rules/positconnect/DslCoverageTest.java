package dev.plumbline.rules.positconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.dsl.ResourceRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule DSL carries real rules: at least a third of the pack's single-resource rules are written
 * in it (issue 5), and each such rule's sentence reads as English.
 */
class DslCoverageTest {

  /**
   * The rules whose every finding is about one resource and is judged from that resource's own
   * properties and the rule's parameters, which is exactly the shape of a DSL rule: one finding per
   * selected resource. The others relate resources: routing from the gateway to the nodes (AGW-01,
   * AGW-02, AGW-03, AGW-05), subnets, peerings, endpoints and NSGs (PG-05, ANF-01, ANF-04, VM-05,
   * NET-01..03), a referenced snapshot policy (ANF-05), node facts (PG-01, CFG-01, VM-06..08), or
   * comparisons and counts across the nodes (VM-01, CAP-01, HA-01, HA-02, and VM-02..04, whose
   * per-node findings come with a scope finding on how many zones the nodes span, or whether they
   * all share one size or one image).
   */
  static final List<String> SINGLE_RESOURCE_RULES = List.of(
      "PCHA-PG-02", // the server's properties.version against allowedVersions
      "PCHA-PG-03", // the server's properties.storage.storageSizeGB against minStorageGb
      "PCHA-PG-04", // the server's sku.tier, then the vCores its sku.name states
      "PCHA-PG-06", // the server's properties.backup retention and geo-redundancy switch
      "PCHA-AGW-04", // the gateway's SKU, zones and instance floor, all in its own JSON
      "PCHA-ANF-02", // the volume's key source; with requireDoubleEncryption, the pool its id nests in
      "PCHA-ANF-03"); // the volume's quota and the size of the capacity pool its id nests in

  private final PositConnectHaPack pack = new PositConnectHaPack();

  @Test
  void everySingleResourceRuleIsInThePack() {
    assertThat(pack.rules().stream().map(rule -> rule.metadata().id()).toList()).containsAll(SINGLE_RESOURCE_RULES);
  }

  @Test
  void atLeastAThirdOfTheSingleResourceRulesAreWrittenInTheDsl() {
    List<String> written = sentences().keySet().stream().filter(SINGLE_RESOURCE_RULES::contains).toList();
    assertThat(written.size() * 3)
        .as("single-resource rules written in the DSL: %s of %s", written, SINGLE_RESOURCE_RULES)
        .isGreaterThanOrEqualTo(SINGLE_RESOURCE_RULES.size());
  }

  @TestFactory
  Stream<DynamicTest> everyDslRuleReadsAsAnEnglishSentence() {
    Map<String, ResourceRule> sentences = sentences();
    assertThat(sentences).isNotEmpty();
    List<String> plurals = spokenPlurals();
    return sentences.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
      String sentence = entry.getValue().description();
      Optional<String> subject = plurals.stream().filter(sentence::startsWith).findFirst();
      assertThat(subject).as("%s starts with the spoken plural of a resource type: %s", entry.getKey(), sentence)
          .isPresent();
      assertThat(sentence.substring(subject.get().length())).as(sentence).matches("^ (should|that) .*");
      assertThat(sentence).contains(" should ")
          .doesNotContainPattern("\\b(null|Optional|Lambda|lambda)\\b")
          .doesNotContain("java.", "dev.plumbline", "@", "  ");
    }));
  }

  /** The pack's rules written in the DSL, by id: those whose class holds its sentence in a static field. */
  private Map<String, ResourceRule> sentences() {
    Map<String, ResourceRule> sentences = new LinkedHashMap<>();
    for (Rule rule : pack.rules()) {
      sentence(rule).ifPresent(sentence -> sentences.put(rule.metadata().id(), sentence));
    }
    return sentences;
  }

  private static Optional<ResourceRule> sentence(Rule rule) {
    for (Field field : rule.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ResourceRule.class) {
        try {
          field.setAccessible(true);
          return Optional.of((ResourceRule) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError("cannot read " + field, e);
        }
      }
    }
    return Optional.empty();
  }

  /** The spoken plurals of the well-known types, longest first so that no plural shadows a longer one. */
  private static List<String> spokenPlurals() {
    return Arrays.stream(ResourceType.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ResourceType.class)
        .map(field -> {
          try {
            return ((ResourceType) field.get(null)).spokenPlural();
          } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read " + field, e);
          }
        })
        // "resources of type Microsoft.X/y" is the fallback for a type without a spoken name.
        .filter(plural -> !plural.startsWith("resources of type "))
        .distinct()
        .sorted((a, b) -> b.length() - a.length())
        .toList();
  }
}
