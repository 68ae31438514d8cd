package dev.plumbline.core.load;

/** The shapes of input file the loader recognises. */
public enum InputShape {
  /** {@code [ {ARM resource}, ... ]}, or several {@code az ... show} outputs one after another. */
  ARM_ARRAY("arm-array"),
  /** {@code {"value": [...], "nextLink": ...}} as ARM list calls return. */
  ARM_LIST("arm-list"),
  /** One ARM resource object, as {@code az resource show} prints it. */
  ARM_RESOURCE("arm-resource"),
  /** {@code az graph query -o json} output, or the Resource Graph REST response. */
  RESOURCE_GRAPH("resource-graph"),
  /** {@code az group export} output: an ARM deployment template. */
  ARM_TEMPLATE("arm-template"),
  /** A Plumbline snapshot. */
  SNAPSHOT("snapshot");

  private final String label;

  InputShape(String label) {
    this.label = label;
  }

  /** The name used in reports. */
  public String label() {
    return label;
  }
}
