package dev.plumbline.rules.positconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule is registered, uniquely identified and documented with every section of its page. */
class PackConventionsTest {

  private static final List<String> SECTIONS = List.of(
      "## Synopsis", "## Why", "## How the rule decides", "## How to fix", "### Azure CLI", "### Bicep",
      "## Parameters", "## References");

  private final PositConnectHaPack pack = new PositConnectHaPack();

  @Test
  void everyRuleClassInThePackageIsRegistered() throws Exception {
    Set<String> registered = new HashSet<>();
    pack.rules().forEach(rule -> registered.add(rule.getClass().getName()));
    assertThat(ruleClassesOnDisk()).isNotEmpty().allSatisfy(name -> assertThat(registered).contains(name));
  }

  @Test
  void idsAreUniqueWellFormedAndOfThisPack() {
    List<String> ids = pack.rules().stream().map(rule -> rule.metadata().id()).toList();
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
      assertThat(id).matches(RuleMetadata.ID_FORMAT).startsWith("PCHA-");
    });
  }

  @Test
  void namesAreUniqueAndSummariesAreOneSentence() {
    assertThat(pack.rules().stream().map(rule -> rule.metadata().name()).toList()).doesNotHaveDuplicates();
    assertThat(pack.rules()).allSatisfy(rule -> {
      String summary = rule.metadata().summary();
      assertThat(summary).endsWith(".");
      assertThat(summary.substring(0, summary.length() - 1)).doesNotContain(". ");
    });
  }

  @TestFactory
  Stream<DynamicTest> everyRuleHasADocPageWithEverySectionInOrder() {
    return pack.rules().stream().map(Rule::metadata).map(meta -> DynamicTest.dynamicTest(meta.id(), () -> {
      String page = pack.docPage(meta.id()).orElseThrow(() -> new AssertionError("no rules/docs/" + meta.id() + ".md"));
      assertThat(page).startsWith("# " + meta.id() + " " + meta.name() + "\n");
      int at = -1;
      for (String section : SECTIONS) {
        int found = page.indexOf("\n" + section + "\n");
        assertThat(found).as("%s has section '%s' after the previous one", meta.id(), section).isGreaterThan(at);
        at = found;
      }
      for (RuleMetadata.ParameterSpec parameter : meta.parameters()) {
        assertThat(page).as("%s documents parameter %s", meta.id(), parameter.name()).contains(parameter.name());
      }
      if (meta.parameters().isEmpty()) {
        assertThat(page).contains("This rule has no parameters.");
      }
      assertThat(page).contains("**Severity:** " + meta.severity().name());
    }));
  }

  @Test
  void noDocPageIsOrphaned() throws IOException {
    Path docs = Path.of(System.getProperty("plumbline.root"), "rules", "docs");
    Set<String> ids = new HashSet<>();
    pack.rules().forEach(rule -> ids.add(rule.metadata().id()));
    try (Stream<Path> pages = Files.list(docs)) {
      assertThat(pages.map(p -> p.getFileName().toString().replaceAll("\\.md$", "")).toList())
          .allSatisfy(id -> assertThat(ids).contains(id));
    }
  }

  /** Rule classes found by walking the compiled classes, so a forgotten registration cannot hide. */
  private static List<String> ruleClassesOnDisk() throws Exception {
    Path root = Path.of(PositConnectHaPack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, PackConventionsTest.class.getClassLoader());
        if (type.isAnnotationPresent(RuleDefinition.class)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
