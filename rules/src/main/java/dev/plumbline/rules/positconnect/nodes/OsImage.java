package dev.plumbline.rules.positconnect.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.compute.VirtualMachine;
import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.ParameterType;
import dev.plumbline.core.rule.Pillar;
import dev.plumbline.core.rule.Rule;
import dev.plumbline.core.rule.RuleContext;
import dev.plumbline.core.rule.RuleDefinition;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.core.rule.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Connect, its runtimes and their system libraries are installed per node; the same supported OS
 * release on every node keeps content behaving the same whichever node serves it.
 */
@RuleDefinition(
    id = "PCHA-VM-04",
    name = "Connect.Nodes.OsImage",
    summary = "Every Connect node is built from an allowed marketplace OS image (Ubuntu 22.04 LTS by default), and all nodes from the same one.",
    severity = Severity.LOW,
    pillar = Pillar.OPERATIONS,
    references = {
        "Reference architecture, Nodes: \"During our performance tests, we used two Standard_D8_v5 instances running"
            + " Ubuntu 22.04\"",
        "Reference architecture, Nodes: \"The virtual machine instances in an HA configuration require the following"
            + " configuration: ... All the necessary versions of Python, R, and Quarto\"",
        "https://docs.posit.co/connect/admin/load-balancing/",
        "https://learn.microsoft.com/azure/virtual-machines/linux/cli-ps-findimage"
    },
    parameters = {
        @RuleDefinition.Parameter(name = "allowedImages", type = ParameterType.LIST,
            defaultValue = "Canonical:0001-com-ubuntu-server-jammy:22_04-lts*",
            description = "The images that pass, as publisher:offer:sku compared without regard to case; * matches any run"
                + " of characters. Comma-separated.")
    })
public final class OsImage implements Rule {

  private static final String PATH = "properties.storageProfile.imageReference";

  /** Where a VM built from a gallery or managed image names it instead of publisher, offer and sku. */
  private static final List<String> IMAGE_IDS = List.of("id", "sharedGalleryImageId", "communityGalleryImageId");

  @Override
  public List<Finding> evaluate(RuleContext context) {
    List<String> allowed = context.list("allowedImages");
    // Compiled once per audit, not once per deployment.
    List<Pattern> patterns = context.fromParameters("allowedImages", CompiledImages.class,
        () -> new CompiledImages(allowed.stream().map(OsImage::glob).toList())).patterns();
    String expected = "one of " + String.join(", ", allowed);
    ConnectNodes nodes = ConnectNodes.in(context);
    if (nodes.nodes().isEmpty()) {
      return List.of(context.missing("Connect nodes", "No Connect node was found, so no node runs an allowed OS image."));
    }
    List<Finding> findings = new ArrayList<>();
    List<Image> images = new ArrayList<>();
    for (ConnectNode node : nodes.nodes()) {
      Image image = Image.of(node.vm());
      images.add(image);
      findings.add(judge(context, node.vm(), image, patterns, expected));
    }
    findings.add(sameImage(context, images));
    return findings;
  }

  /** The allowed images as patterns, as the audit keeps them. */
  private record CompiledImages(List<Pattern> patterns) {}

  /** What a node's image reference says: a marketplace image, a gallery or managed image, or nothing usable. */
  private record Image(VirtualMachine vm, Optional<String> marketplace, Optional<String> galleryPath,
      Optional<String> galleryId) {

    static Image of(VirtualMachine vm) {
      JsonNode reference = vm.get(PATH);
      Optional<String> publisher = text(reference, "publisher");
      Optional<String> offer = text(reference, "offer");
      Optional<String> sku = text(reference, "sku");
      Optional<String> marketplace = publisher.isPresent() && offer.isPresent() && sku.isPresent()
          ? Optional.of(publisher.get() + ":" + offer.get() + ":" + sku.get())
          : Optional.empty();
      for (String field : IMAGE_IDS) {
        Optional<String> id = text(reference, field);
        if (id.isPresent() && marketplace.isEmpty()) {
          return new Image(vm, marketplace, Optional.of(PATH + "." + field), id);
        }
      }
      return new Image(vm, marketplace, Optional.empty(), Optional.empty());
    }

    /** The image in a form two nodes can be compared by, ignoring case as Azure does. */
    Optional<String> identity() {
      return marketplace.or(() -> galleryId).map(value -> value.trim().toLowerCase(Locale.ROOT));
    }

    /** The image as evidence shows it, or null when the reference names none. */
    String shown() {
      return marketplace.or(() -> galleryId).orElse(null);
    }

    private static Optional<String> text(JsonNode reference, String field) {
      JsonNode value = reference.path(field);
      return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
          ? Optional.of(value.asText().trim())
          : Optional.empty();
    }
  }

  private static Finding judge(RuleContext context, VirtualMachine vm, Image image, List<Pattern> patterns,
      String expected) {
    String name = vm.name();
    if (image.marketplace().isPresent()) {
      String value = image.marketplace().get();
      Evidence evidence = new Evidence(PATH, expected, value);
      if (patterns.stream().anyMatch(pattern -> pattern.matcher(value).matches())) {
        return context.pass(vm.resource(), "Connect node " + name + " runs the allowed image " + value + ".", evidence);
      }
      return context.fail(vm.resource(), "Connect node " + name + " runs image " + value
          + ", which is not in the allowed list.", evidence);
    }
    if (image.galleryId().isPresent()) {
      return context.unknown(vm.resource(), "Connect node " + name + " is built from a gallery or managed image,"
          + " whose OS release the VM's JSON does not state.",
          new Evidence(image.galleryPath().get(), expected, image.galleryId().get()));
    }
    return context.unknown(vm.resource(), "Connect node " + name + " does not state the publisher, offer and sku of"
        + " its OS image.", Evidence.absent(PATH, expected));
  }

  private static Finding sameImage(RuleContext context, List<Image> images) {
    Set<String> distinct = new LinkedHashSet<>();
    boolean unknown = false;
    List<Evidence> evidence = new ArrayList<>();
    for (Image image : images) {
      evidence.add(new Evidence(image.vm().name() + "." + PATH, "the same image on every node", image.shown()));
      if (image.identity().isPresent()) {
        distinct.add(image.identity().get());
      } else {
        unknown = true;
      }
    }
    Evidence[] entries = evidence.toArray(Evidence[]::new);
    if (distinct.size() > 1) {
      return context.fail(Subject.scope(), "The Connect nodes run " + distinct.size() + " different OS images, so"
          + " content can behave differently depending on the node that serves it.", entries);
    }
    if (unknown) {
      return context.unknown(Subject.scope(), "Some Connect node does not state its OS image, so it cannot be told"
          + " whether all nodes run the same one.", entries);
    }
    if (images.size() == 1) {
      return context.pass(Subject.scope(), "Only one Connect node was found, so no node differs in OS image from"
          + " another.", entries);
    }
    return context.pass(Subject.scope(), "All " + images.size() + " Connect nodes run the same OS image.", entries);
  }

  /** A case-insensitive pattern in which {@code *} matches any run of characters and nothing else is special. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    int start = 0;
    for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
      regex.append(Pattern.quote(pattern.substring(start, star))).append(".*");
      start = star + 1;
    }
    regex.append(Pattern.quote(pattern.substring(start)));
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
