package dev.plumbline.reports.html;

import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.ResourceType;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.RulePack;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Status;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small rule pack for the HTML report's tests: every status appears, over real example topologies. */
final class TestPack {

  private TestPack() {}

  /** The pack the example reports are rendered with. */
  static RulePack pack() {
    return RulePack.of("test-pack", "Report test pack", "1.0.0", List.of(new GatewayZones(), new VmZones(),
        new VmSize(), new PostgresVersion(), new OwnerTag(), new NatGateway(), new Broken()));
  }

  /** The same pack plus a rule whose metadata and findings are hostile. */
  static RulePack hostilePack() {
    List<Rule> rules = new ArrayList<>(pack().rules());
    rules.add(new HostileRule());
    return RulePack.of("test-pack\"><script>window.__pwned=20</script>", "Hostile <img src=x onerror=window.__pwned=21>",
        "1.0<svg onload=window.__pwned=22>", rules);
  }

  @RuleDefinition(id = "TEST-AGW-01", name = "Test.Gateway.Zones", severity = Severity.HIGH, pillar = Pillar.RELIABILITY,
      summary = "The Application Gateway spans at least two availability zones.",
      references = {"Reference architecture, Load balancer: https://docs.posit.co/connect/admin/"}, psrule = "Azure.AppGw.AvailabilityZone")
  static final class GatewayZones implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Resource> gateways = context.topology().ofType(ResourceType.APPLICATION_GATEWAY);
      if (gateways.isEmpty()) {
        return List.of(context.missing("an Application Gateway", "No Application Gateway is in scope."));
      }
      List<Finding> findings = new ArrayList<>();
      for (Resource gateway : gateways) {
        Evidence zones = new Evidence("zones", "at least 2 zones", String.join(", ", gateway.zones()));
        findings.add(gateway.zones().size() >= 2
            ? context.pass(gateway, "Application Gateway " + gateway.name() + " spans zones " + String.join(", ", gateway.zones()) + ".", zones)
            : context.fail(gateway, "Application Gateway " + gateway.name() + " spans only " + gateway.zones().size() + " zone(s).", zones));
      }
      return findings;
    }
  }

  @RuleDefinition(id = "TEST-VM-01", name = "Test.Nodes.Zones", severity = Severity.HIGH, pillar = Pillar.RELIABILITY,
      summary = "Every virtual machine is pinned to an availability zone.",
      parameters = @RuleDefinition.Parameter(name = "minZones", type = ParameterType.INTEGER, defaultValue = "1",
          description = "Zones each VM must be pinned to."))
  static final class VmZones implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Finding> findings = new ArrayList<>();
      for (Resource vm : context.topology().ofType(ResourceType.VIRTUAL_MACHINE)) {
        Evidence zones = vm.zones().isEmpty() ? Evidence.absent("zones", "a zone") : new Evidence("zones", "a zone", String.join(", ", vm.zones()));
        findings.add(vm.zones().size() >= context.integer("minZones")
            ? context.pass(vm, "VM " + vm.name() + " is pinned to zone " + String.join(", ", vm.zones()) + ".", zones)
            : context.fail(vm, "VM " + vm.name() + " is pinned to no availability zone.", zones));
      }
      return findings.isEmpty() ? List.of(context.missing("a virtual machine", "No VM is in scope.")) : findings;
    }
  }

  @RuleDefinition(id = "TEST-VM-02", name = "Test.Nodes.Size", severity = Severity.MEDIUM, pillar = Pillar.PERFORMANCE,
      summary = "Every virtual machine has the reference size.")
  static final class VmSize implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Finding> findings = new ArrayList<>();
      for (Resource vm : context.topology().ofType(ResourceType.VIRTUAL_MACHINE)) {
        String size = vm.text("properties.hardwareProfile.vmSize").orElse(null);
        Evidence evidence = new Evidence("properties.hardwareProfile.vmSize", "Standard_D8_v5", size);
        if (size == null) {
          findings.add(context.unknown(vm, "VM " + vm.name() + " does not state its size.", evidence));
        } else if (size.equals("Standard_D8_v5")) {
          findings.add(context.pass(vm, "VM " + vm.name() + " has size " + size + ".", evidence));
        } else {
          findings.add(context.fail(vm, "VM " + vm.name() + " has size " + size + ", not Standard_D8_v5.", evidence));
        }
      }
      return findings.isEmpty() ? List.of(context.missing("a virtual machine", "No VM is in scope.")) : findings;
    }
  }

  @RuleDefinition(id = "TEST-PG-01", name = "Test.Database.Version", severity = Severity.HIGH, pillar = Pillar.SECURITY,
      summary = "The PostgreSQL flexible server runs major version 16.",
      parameters = @RuleDefinition.Parameter(name = "allowedVersions", type = ParameterType.LIST, defaultValue = "16",
          description = "Allowed major versions."))
  static final class PostgresVersion implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Finding> findings = new ArrayList<>();
      List<String> allowed = context.list("allowedVersions");
      for (Resource server : context.topology().ofType(ResourceType.POSTGRES_FLEXIBLE_SERVER)) {
        String version = server.text("properties.version").orElse(null);
        Evidence evidence = new Evidence("properties.version", String.join(" or ", allowed), version);
        if (version == null) {
          findings.add(context.unknown(server, "Server " + server.name() + " does not state its version.", evidence));
        } else if (allowed.contains(version)) {
          findings.add(context.pass(server, "Server " + server.name() + " runs version " + version + ".", evidence));
        } else {
          findings.add(context.fail(server, "Server " + server.name() + " runs version " + version + ".", evidence));
        }
      }
      return findings.isEmpty() ? List.of(context.missing("a PostgreSQL flexible server", "No PostgreSQL server is in scope.")) : findings;
    }
  }

  @RuleDefinition(id = "TEST-OPS-01", name = "Test.Operations.OwnerTag", severity = Severity.LOW, pillar = Pillar.OPERATIONS,
      summary = "Every virtual machine names its owner in an owner tag.", checkov = "CKV_AZURE_999")
  static final class OwnerTag implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Finding> findings = new ArrayList<>();
      for (Resource vm : context.topology().ofType(ResourceType.VIRTUAL_MACHINE)) {
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<String, String> tag : new java.util.TreeMap<>(vm.tags()).entrySet()) {
          evidence.add(new Evidence("tags." + tag.getKey(), "any value", tag.getValue()));
        }
        String owner = vm.tag("owner").orElse(null);
        evidence.add(0, new Evidence("tags.owner", "a team name", owner));
        findings.add(owner == null
            ? context.unknown(vm, "VM " + vm.name() + " has no owner tag, so nobody can be asked about it.", evidence.toArray(Evidence[]::new))
            : context.pass(vm, "VM " + vm.name() + " is owned by " + owner + ".", evidence.toArray(Evidence[]::new)));
      }
      return findings.isEmpty() ? List.of(context.missing("a virtual machine", "No VM is in scope.")) : findings;
    }
  }

  @RuleDefinition(id = "TEST-NET-01", name = "Test.Network.NatGateway", severity = Severity.INFO, pillar = Pillar.COST,
      summary = "NAT gateways, where there are any, are zone-redundant.")
  static final class NatGateway implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Resource> nats = context.topology().ofType(ResourceType.NAT_GATEWAY);
      if (nats.isEmpty()) {
        return List.of(context.notApplicable(Subject.scope(), "No NAT gateway is in scope."));
      }
      return nats.stream().map(nat -> context.pass(nat, "NAT gateway " + nat.name() + " is in scope.")).toList();
    }
  }

  @RuleDefinition(id = "TEST-OPS-02", name = "Test.Operations.Broken", severity = Severity.LOW, pillar = Pillar.OPERATIONS,
      summary = "A rule that always throws, so that every report shows an ERROR.")
  static final class Broken implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      throw new IllegalStateException("boom </script><script>window.__pwned=30</script>");
    }
  }

  @RuleDefinition(id = "TEST-X-01", name = "Test.<img src=x onerror=window.__pwned=40>.Hostile",
      severity = Severity.HIGH, pillar = Pillar.SECURITY,
      summary = "\"><script>window.__pwned=41</script> and </title></desc><script>window.__pwned=42</script>",
      references = {"javascript:window.__pwned=43", "<a href=\"javascript:window.__pwned=44\">click</a>"},
      psrule = "'><svg onload=window.__pwned=45>", azurePolicy = "\u202Egnp.exe \u2028 \u0007")
  static final class HostileRule implements Rule {
    @Override
    public List<Finding> evaluate(RuleContext context) {
      List<Finding> findings = new ArrayList<>();
      for (Resource resource : context.topology().topLevelResources()) {
        findings.add(context.fail(resource, "Hostile finding on " + resource.name() + " </script><script>window.__pwned=46</script>",
            new Evidence("properties.<b>x</b>", "\"><img src=x onerror=window.__pwned=47>", "</td></tr></table><script>window.__pwned=48</script>")));
      }
      // More rows than the page draws, so hostile text also travels through the JSON data block.
      for (int i = 0; i < 260; i++) {
        Status status = i % 3 == 0 ? Status.UNKNOWN : Status.FAIL;
        findings.add(context.finding(new Subject("hostile-" + i + "\"><img src=x onerror=window.__pwned=49>",
                "row " + i + " </script><script>window.__pwned=50</script>\u2028\u2029\u0000", "Test/<script>",
                new Provenance("file\"><script>window.__pwned=51</script>.json", "/x/<y>", 1, 2)),
            status, "Deferred row " + i + " '\"</script><!--<script>window.__pwned=52</script> \\u003c \\\" \\\\",
            new Evidence("path-" + i + "</script>", "expected ' \" ` $ / - \\ \n\t\r\f\b", null)));
      }
      return findings;
    }
  }
}
