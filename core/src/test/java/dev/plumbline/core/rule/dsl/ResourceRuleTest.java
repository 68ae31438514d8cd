package dev.plumbline.core.rule.dsl;

import static dev.plumbline.core.rule.dsl.ResourceConditions.beInZones;
import static dev.plumbline.core.rule.dsl.ResourceConditions.haveEach;
import static dev.plumbline.core.rule.dsl.ResourceConditions.haveProperty;
import static dev.plumbline.core.rule.dsl.ResourceConditions.haveTag;
import static dev.plumbline.core.rule.dsl.ResourceConditions.inOrder;
import static dev.plumbline.core.rule.dsl.ResourceConditions.when;
import static dev.plumbline.core.rule.dsl.ResourcePredicates.named;
import static dev.plumbline.core.rule.dsl.ResourcePredicates.taggedWith;
import static dev.plumbline.core.rule.dsl.ResourceRules.resources;
import static dev.plumbline.core.rule.dsl.ValueConditions.atLeast;
import static dev.plumbline.core.rule.dsl.ValueConditions.equalTo;
import static dev.plumbline.core.rule.dsl.ValueConditions.majorVersionIn;
import static dev.plumbline.core.rule.dsl.ValueConditions.oneOf;
import static dev.plumbline.core.rule.dsl.ValueConditions.oneOfKnown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.TopologyBuilder;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleMetadata;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceRuleTest {

  private static final String RG = "/subscriptions/s/resourceGroups/rg/providers/";

  private static Topology topology(String... resources) throws Exception {
    ObjectMapper json = new ObjectMapper();
    TopologyBuilder builder = new TopologyBuilder();
    for (String resource : resources) {
      builder.add(json.readTree(resource.replace('\'', '"')), new Provenance("t.json", "", 1, 1),
          pointer -> new Provenance("t.json", pointer, 1, 1));
    }
    return builder.build();
  }

  private static String server(String name, String version, Integer storage) {
    return "{'id': '" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/" + name + "', 'name': '" + name + "',"
        + " 'type': 'Microsoft.DBforPostgreSQL/flexibleServers', 'tags': {'env': 'prod'}, 'properties': {"
        + (version == null ? "" : "'version': '" + version + "'")
        + (storage == null ? "" : (version == null ? "" : ",") + "'storage': {'storageSizeGB': " + storage + "}")
        + "}}";
  }

  @Test
  void theRuleWritesItsOwnEnglishSentence() {
    ResourceRule rule = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER).that(taggedWith("env", "prod"))
        .should(haveProperty("properties.version", equalTo("16")))
        .andShould(haveProperty("properties.storage.storageSizeGB", atLeast(64)))
        .because("Connect's HA reference was tested on PostgreSQL 16 with 64 GB");

    assertThat(rule.description()).isEqualTo("PostgreSQL flexible servers that are tagged 'env=prod'"
        + " should have property 'properties.version' equal to '16'"
        + " and should have property 'properties.storage.storageSizeGB' at least 64"
        + ", because Connect's HA reference was tested on PostgreSQL 16 with 64 GB");
  }

  @Test
  void eachSelectedResourceGetsOneFindingWhoseMessageIsASentenceAboutIt() throws Exception {
    Topology topology = topology(server("pg-ok", "16", 128), server("pg-old", "15", 128), server("pg-silent", null, 128));
    ResourceRule rule = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveProperty("properties.version", equalTo("16")));

    List<Finding> findings = rule.check(topology);

    assertThat(findings).extracting(f -> f.subject().name(), Finding::status).containsExactlyInAnyOrder(
        tuple("pg-ok", Status.PASS), tuple("pg-old", Status.FAIL), tuple("pg-silent", Status.UNKNOWN));
    Finding old = findings.stream().filter(f -> f.subject().name().equals("pg-old")).findFirst().orElseThrow();
    assertThat(old.message()).isEqualTo(
        "PostgreSQL flexible server pg-old does not have property 'properties.version' equal to '16' (was '15').");
    assertThat(old.evidence()).containsExactly(new Evidence("properties.version", "16", "15"));
    assertThat(findings).filteredOn(f -> f.status() == Status.UNKNOWN).singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsExactly(Evidence.absent("properties.version", "16")));
  }

  @Test
  void aFailureOutweighsAnUnknownAndEveryConditionLeavesEvidence() throws Exception {
    Topology topology = topology(server("pg", null, 32));
    ResourceRule rule = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveProperty("properties.version", equalTo("16")))
        .andShould(haveProperty("properties.storage.storageSizeGB", atLeast(64)));

    Finding finding = rule.check(topology).get(0);

    assertThat(finding.status()).isEqualTo(Status.FAIL);
    assertThat(finding.message()).isEqualTo("PostgreSQL flexible server pg does not have property"
        + " 'properties.storage.storageSizeGB' at least 64 (was '32').");
    assertThat(finding.evidence()).extracting(Evidence::path)
        .containsExactly("properties.version", "properties.storage.storageSizeGB");
  }

  @Test
  void anEmptySelectionFailsTheScopeUnlessAllowed() throws Exception {
    Topology topology = topology(server("pg", "16", 64));
    ResourceRule rule = resources().ofType(ResourceType.APPLICATION_GATEWAY)
        .should(haveEach("properties.backendHttpSettingsCollection",
            haveProperty("properties.cookieBasedAffinity", equalTo("Enabled"))));

    Finding strict = rule.check(topology).get(0);
    Finding lenient = rule.allowEmptyShould(true).check(topology).get(0);

    assertThat(strict.status()).isEqualTo(Status.FAIL);
    assertThat(strict.subject().isResource()).isFalse();
    assertThat(strict.message()).startsWith("No Application Gateway is in scope, so nothing shows that");
    assertThat(lenient.status()).isEqualTo(Status.NOT_APPLICABLE);
  }

  @Test
  void aNarrowedEmptySelectionNamesThePredicate() throws Exception {
    Topology topology = topology(server("pg", "16", 64));
    Finding finding = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER).that(named("pg-other"))
        .should(haveProperty("properties.version")).check(topology).get(0);

    assertThat(finding.status()).isEqualTo(Status.FAIL);
    assertThat(finding.message()).startsWith("Nothing in scope is among the PostgreSQL flexible servers that are named 'pg-other'");
  }

  @Test
  void haveEachNamesTheEntryThatFailsWithItsFullPath() throws Exception {
    Topology topology = topology("{'id': '" + RG + "Microsoft.Network/applicationGateways/agw', 'name': 'agw',"
        + " 'type': 'Microsoft.Network/applicationGateways', 'properties': {'backendHttpSettingsCollection': ["
        + "{'name': 'sticky', 'properties': {'cookieBasedAffinity': 'Enabled'}},"
        + "{'name': 'loose', 'properties': {'cookieBasedAffinity': 'Disabled'}}]}}");
    ResourceRule rule = resources().ofType(ResourceType.APPLICATION_GATEWAY)
        .should(haveEach("properties.backendHttpSettingsCollection",
            haveProperty("properties.cookieBasedAffinity", equalTo("Enabled"))));

    Finding finding = rule.check(topology).stream().filter(f -> f.subject().name().equals("agw")).findFirst().orElseThrow();

    assertThat(rule.description()).isEqualTo("Application Gateways should have every entry of"
        + " 'properties.backendHttpSettingsCollection' have property 'properties.cookieBasedAffinity' equal to 'Enabled'");
    assertThat(finding.status()).isEqualTo(Status.FAIL);
    assertThat(finding.message()).isEqualTo("Application Gateway agw has entry 'loose' of"
        + " 'properties.backendHttpSettingsCollection' that does not have property"
        + " 'properties.backendHttpSettingsCollection[1].properties.cookieBasedAffinity' equal to 'Enabled' (was 'Disabled').");
    assertThat(finding.evidence()).contains(new Evidence(
        "properties.backendHttpSettingsCollection[1].properties.cookieBasedAffinity", "Enabled", "Disabled"));
  }

  @Test
  void zonesTagsAndCaseInsensitiveEnumsAreJudgedTheWayArmMeansThem() throws Exception {
    Topology topology = topology(
        "{'id': '" + RG + "Microsoft.Compute/virtualMachines/vm1', 'name': 'vm1', 'type': 'Microsoft.Compute/virtualMachines',"
            + " 'zones': ['1'], 'tags': {'Role': 'Posit-Connect'}, 'properties': {'priority': 'regular'}}",
        "{'id': '" + RG + "Microsoft.Compute/virtualMachines/vm2', 'name': 'vm2', 'type': 'Microsoft.Compute/virtualMachines',"
            + " 'properties': {'priority': 'Spot'}}");

    List<Finding> zones = resources().ofType(ResourceType.VIRTUAL_MACHINE).should(beInZones("1")).check(topology);
    List<Finding> tagged = resources().ofType(ResourceType.VIRTUAL_MACHINE).that(taggedWith("role", "posit-connect"))
        .should(haveProperty("properties.priority", oneOf("Regular"))).andShould(haveTag("role", "posit-connect"))
        .check(topology);

    assertThat(zones).extracting(f -> f.subject().name(), Finding::status)
        .containsExactlyInAnyOrder(tuple("vm1", Status.PASS), tuple("vm2", Status.FAIL));
    assertThat(zones).filteredOn(f -> f.status() == Status.FAIL).singleElement()
        .extracting(Finding::message).isEqualTo("Virtual machine vm2 is not in zones '1' (was in no zone).");
    assertThat(tagged).extracting(f -> f.subject().name(), Finding::status).containsExactly(tuple("vm1", Status.PASS));
  }

  @Test
  void settingsReadTheRuleParametersSoOverridesMoveTheThreshold() throws Exception {
    Topology topology = topology(server("pg", "16.4", 64));
    ResourceRule sentence = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveProperty("properties.storage.storageSizeGB", atLeast(Setting.integer("minStorageGb"))))
        .andShould(haveProperty("properties.version", majorVersionIn(Setting.list("allowedVersions"))));
    RuleMetadata metadata = new RuleMetadata("TEST-PG-01", "Test.Storage", "s", Severity.HIGH, Pillar.RELIABILITY,
        List.of(), List.of(
            new RuleMetadata.ParameterSpec("minStorageGb", ParameterType.INTEGER, "64", "least GB"),
            new RuleMetadata.ParameterSpec("allowedVersions", ParameterType.LIST, "16", "majors")),
        List.of(), List.of(), List.of());
    RulePack pack = RulePack.of("test", "Test", "1", List.of(sentence.asRule(metadata)));

    AuditResult defaults = new AuditEngine().evaluate(topology, List.of(pack), RuleParameters.defaults());
    AuditResult raised = new AuditEngine().evaluate(topology, List.of(pack),
        RuleParameters.parse(List.of("TEST-PG-01.minStorageGb=128", "TEST-PG-01.allowedVersions=15,17")));

    assertThat(sentence.description()).contains("at least {minStorageGb}").contains("among {allowedVersions}");
    assertThat(defaults.findings()).extracting(Finding::status).containsExactly(Status.PASS);
    assertThat(raised.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.status()).isEqualTo(Status.FAIL);
      assertThat(finding.message()).contains("at least 128 (was '64')").contains("among '15', '17' (was '16.4')");
      assertThat(finding.evidence()).contains(new Evidence("properties.storage.storageSizeGB", ">= 128", "64"));
    });
  }

  @Test
  void aFlagParameterSwitchesOneConditionOffAndLeavesTheOthers() throws Exception {
    Topology topology = topology(server("pg", "15", 32));
    ResourceRule sentence = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveProperty("properties.storage.storageSizeGB", atLeast(16)))
        .andShould(when(Setting.flag("requireCurrentVersion"), haveProperty("properties.version", equalTo("16"))));
    RuleMetadata metadata = new RuleMetadata("TEST-PG-02", "Test.Version", "s", Severity.HIGH, Pillar.RELIABILITY,
        List.of(), List.of(new RuleMetadata.ParameterSpec("requireCurrentVersion", ParameterType.BOOLEAN, "true", "v16")),
        List.of(), List.of(), List.of());
    RulePack pack = RulePack.of("test", "Test", "1", List.of(sentence.asRule(metadata)));

    AuditResult required = new AuditEngine().evaluate(topology, List.of(pack), RuleParameters.defaults());
    AuditResult waived = new AuditEngine().evaluate(topology, List.of(pack),
        RuleParameters.parse(List.of("TEST-PG-02.requireCurrentVersion=false")));

    assertThat(sentence.description()).isEqualTo("PostgreSQL flexible servers should have property"
        + " 'properties.storage.storageSizeGB' at least 16 and should have property 'properties.version' equal to '16'"
        + " if {requireCurrentVersion}");
    assertThat(sentence.description(new RuleContext(metadata, topology, Map.of("requireCurrentVersion", true))))
        .endsWith("should have property 'properties.version' equal to '16'");
    assertThat(sentence.description(new RuleContext(metadata, topology, Map.of("requireCurrentVersion", false))))
        .endsWith("should have property 'properties.version' equal to '16' (waived: requireCurrentVersion is false)");
    assertThat(required.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.status()).isEqualTo(Status.FAIL);
      assertThat(finding.evidence()).contains(new Evidence("properties.version", "16", "15"));
    });
    assertThat(waived.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.status()).isEqualTo(Status.PASS);
      assertThat(finding.message()).isEqualTo("PostgreSQL flexible server pg has property"
          + " 'properties.storage.storageSizeGB' at least 16 (is '32') and is not required to have property"
          + " 'properties.version' equal to '16'.");
      assertThat(finding.evidence()).extracting(Evidence::path).containsExactly("properties.storage.storageSizeGB");
    });
  }

  @Test
  void inOrderJudgesALaterConditionOnlyOnceTheEarlierHoldButKeepsAllEvidence() throws Exception {
    Topology topology = topology(server("pg-silent", null, 32), server("pg-old", "15", 128),
        server("pg-small", "16", 32), server("pg-ok", "16", 128));
    ResourceRule rule = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(inOrder(haveProperty("properties.version", equalTo("16")),
            haveProperty("properties.storage.storageSizeGB", atLeast(64))));

    List<Finding> findings = rule.check(topology);

    assertThat(rule.description()).isEqualTo("PostgreSQL flexible servers should have property 'properties.version'"
        + " equal to '16' and then have property 'properties.storage.storageSizeGB' at least 64");
    // With and(), pg-silent's small storage would fail it; here the unknown version decides first.
    assertThat(findings).extracting(f -> f.subject().name(), Finding::status).containsExactlyInAnyOrder(
        tuple("pg-silent", Status.UNKNOWN), tuple("pg-old", Status.FAIL), tuple("pg-small", Status.FAIL),
        tuple("pg-ok", Status.PASS));
    Finding silent = findings.stream().filter(f -> f.subject().name().equals("pg-silent")).findFirst().orElseThrow();
    assertThat(silent.message()).isEqualTo("PostgreSQL flexible server pg-silent does not state property 'properties.version'.");
    assertThat(silent.evidence()).containsExactly(Evidence.absent("properties.version", "16"),
        new Evidence("properties.storage.storageSizeGB", ">= 64", "32"));
  }

  @Test
  void anUnrecognisedEnumValueIsUnknownWhileARefusedOneFails() throws Exception {
    String tiered = "{'id': '" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/NAME', 'name': 'NAME',"
        + " 'type': 'Microsoft.DBforPostgreSQL/flexibleServers', 'sku': {'tier': 'TIER'}}";
    Topology topology = topology(tiered.replace("NAME", "pg-gp").replace("TIER", "generalpurpose"),
        tiered.replace("NAME", "pg-burst").replace("TIER", "Burstable"),
        tiered.replace("NAME", "pg-new").replace("TIER", "Premium"));
    ResourceRule rule = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveProperty("sku.tier", oneOfKnown(List.of("GeneralPurpose", "MemoryOptimized"), List.of("Burstable"))));

    List<Finding> findings = rule.check(topology);

    assertThat(rule.description()).isEqualTo(
        "PostgreSQL flexible servers should have property 'sku.tier' one of 'GeneralPurpose', 'MemoryOptimized'");
    assertThat(findings).extracting(f -> f.subject().name(), Finding::status).containsExactlyInAnyOrder(
        tuple("pg-gp", Status.PASS), tuple("pg-burst", Status.FAIL), tuple("pg-new", Status.UNKNOWN));
    assertThat(findings).filteredOn(f -> f.status() == Status.UNKNOWN).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("PostgreSQL flexible server pg-new has property 'sku.tier' 'Premium', which"
          + " cannot be judged as one of 'GeneralPurpose', 'MemoryOptimized'.");
      assertThat(f.evidence()).containsExactly(new Evidence("sku.tier", "GeneralPurpose or MemoryOptimized", "Premium"));
    });
  }

  @Test
  void aConditionOfYourOwnCanNameTheSettingInForce() throws Exception {
    Setting<Long> minimum = Setting.integer("minZones");
    ResourceRule rule = resources().ofType(ResourceType.VIRTUAL_MACHINE)
        .should(ResourceCondition.of(context -> "span at least " + minimum.describe(context, String::valueOf) + " zones",
            (resource, context) -> resource.zones().size() >= minimum.resolve(context)
                ? ConditionResult.holds("spans " + resource.zones().size() + " zones")
                : ConditionResult.violated("spans only " + resource.zones().size() + " zones")));
    RuleMetadata metadata = new RuleMetadata("TEST-VM-02", "Test.Zones", "s", Severity.HIGH, Pillar.RELIABILITY,
        List.of(), List.of(new RuleMetadata.ParameterSpec("minZones", ParameterType.INTEGER, "2", "zones")),
        List.of(), List.of(), List.of());

    List<Finding> findings = rule.evaluate(new RuleContext(metadata, topology(server("pg", "16", 64)), Map.of("minZones", 3L)));

    assertThat(rule.description()).isEqualTo("virtual machines should span at least {minZones} zones");
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.status()).isEqualTo(Status.FAIL);
      assertThat(finding.message()).contains("nothing shows that virtual machines span at least 3 zones");
    });
  }

  @Test
  void aCustomRuleBecomesAPackMemberWhoseSummaryIsItsSentence() throws Exception {
    ResourceRule sentence = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(haveTag("owner", "data-platform")).because("someone must answer the page");

    dev.plumbline.core.rule.Rule rule = sentence.asRule("ACME-TAG-01", "Acme.Tags.Owner", Severity.LOW, Pillar.OPERATIONS);
    AuditResult result = new AuditEngine().evaluate(topology(server("pg", "16", 64)),
        List.of(RulePack.of("acme", "Acme", "1", List.of(rule))), RuleParameters.defaults());

    assertThat(rule.metadata().summary()).isEqualTo("PostgreSQL flexible servers should have tag"
        + " 'owner=data-platform', because someone must answer the page.");
    assertThat(result.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.ruleId()).isEqualTo("ACME-TAG-01");
      assertThat(finding.status()).isEqualTo(Status.FAIL);
      assertThat(finding.message()).isEqualTo("PostgreSQL flexible server pg does not have tag 'owner'.");
    });
  }

  @Test
  void aConditionThatThrowsBecomesAnErrorFindingThroughTheEngine() throws Exception {
    ResourceRule sentence = resources().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)
        .should(ResourceCondition.of("be checked by a broken condition", (resource, context) -> {
          throw new IllegalStateException("boom");
        }));
    AuditResult result = new AuditEngine().evaluate(topology(server("pg", "16", 64)),
        List.of(RulePack.of("acme", "Acme", "1", List.of(sentence.asRule("ACME-ERR-01", "Acme.Err", Severity.LOW, Pillar.OPERATIONS)))),
        RuleParameters.defaults());

    assertThat(result.findings()).singleElement().extracting(Finding::status).isEqualTo(Status.ERROR);
  }
}
