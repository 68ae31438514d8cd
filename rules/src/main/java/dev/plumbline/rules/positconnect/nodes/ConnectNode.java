package dev.plumbline.rules.positconnect.nodes;

import dev.plumbline.core.model.compute.VirtualMachine;
import java.util.List;

/**
 * A VM taken to be a Posit Connect node, with every way it was found (a gateway pool, a tag), so
 * that reports can say why it was selected.
 */
public record ConnectNode(VirtualMachine vm, List<String> foundBy) {

  public ConnectNode {
    foundBy = List.copyOf(foundBy);
  }
}
