package dev.plumbline.junit;

import dev.plumbline.core.model.Resource;
import dev.plumbline.core.rule.dsl.ResourceCondition;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the topology's virtual machines as a group. */
public class VirtualMachinesAssert extends AbstractAssert<VirtualMachinesAssert, List<Resource>> {

  private final AssertionScope scope;

  VirtualMachinesAssert(List<Resource> actual, AssertionScope scope) {
    super(List.copyOf(actual), VirtualMachinesAssert.class);
    this.scope = scope;
  }

  /** At least this many VMs (the reference runs two Connect nodes). */
  public VirtualMachinesAssert hasAtLeast(int count) {
    if (actual.size() < count) {
      scope.report(new AssertionError("Expecting at least " + count + " virtual machines, but the topology has "
          + actual.size() + ": " + names()));
    }
    return myself;
  }

  /** The VMs are pinned to at least this many distinct availability zones between them. */
  public VirtualMachinesAssert areSpreadOverZones(int zones) {
    Set<String> used = new TreeSet<>();
    actual.forEach(vm -> used.addAll(vm.zones()));
    if (used.size() < zones) {
      StringBuilder text = new StringBuilder("Expecting the virtual machines to span at least ").append(zones)
          .append(" availability zones, but they span ").append(used.size()).append(":\n");
      FindingReport.line(text, "property", "zones");
      FindingReport.line(text, "expected", ">= " + zones + " distinct zones");
      FindingReport.line(text, "actual", used.isEmpty() ? "none" : String.join(", ", used));
      actual.forEach(vm -> FindingReport.line(text, "resource", vm.name() + " zones " + vm.zones()));
      scope.report(new AssertionError(text.toString()));
    }
    return myself;
  }

  /** Every VM meets the rule-DSL condition; each that does not is reported. */
  public VirtualMachinesAssert allMeet(ResourceCondition condition) {
    return each(vm -> vm.meets(condition));
  }

  /** Runs assertions on each VM; with soft assertions, every VM's failures are collected. */
  public VirtualMachinesAssert each(Consumer<VirtualMachineAssert> assertions) {
    actual.forEach(vm -> assertions.accept(new VirtualMachineAssert(vm, scope)));
    return myself;
  }

  private List<String> names() {
    return actual.stream().map(Resource::name).toList();
  }
}
