package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.template.Resolution;
import dev.plumbline.core.load.template.ResolvedResource;
import dev.plumbline.core.load.template.TemplateResolver;
import dev.plumbline.core.load.template.UnresolvedExpression;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.InputSource;
import dev.plumbline.core.model.Provenance;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.TopologyBuilder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The one entry point for offline inputs: reads each file, tells its shape, checks every resource
 * and merges all files into one {@link Topology}. A file it cannot use is rejected with an {@link
 * InputException} whose message names the file, line and column and what was expected.
 */
public final class TopologyLoader {

  /** Stand-ins for subscription() and resourceGroup() when a template does not say where it was deployed. */
  public static final String TEMPLATE_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
  public static final String TEMPLATE_RESOURCE_GROUP = "exported-template";

  /** What the loader reads, said whenever a file is none of it. */
  static final String EXPECTED_SHAPES = "expected a JSON array of ARM resources, an ARM list {\"value\": [...]},"
      + " a Resource Graph result {\"data\": [...]}, an ARM template export {\"$schema\", \"resources\": [...]},"
      + " a single ARM resource {\"id\", \"type\", ...} or a Plumbline snapshot {\"plumblineSnapshot\": 1, ...}";

  private static final int PARALLEL_DIGEST_BYTES = 1 << 20;

  private final String templateSubscription;
  private final String templateResourceGroup;
  private SnapshotSchema snapshotSchema;
  private long modelNanos;

  public TopologyLoader() {
    this(TEMPLATE_SUBSCRIPTION, TEMPLATE_RESOURCE_GROUP);
  }

  /** A loader that resolves templates as if deployed to this subscription and resource group. */
  public TopologyLoader(String templateSubscription, String templateResourceGroup) {
    this.templateSubscription = templateSubscription;
    this.templateResourceGroup = templateResourceGroup;
  }

  /**
   * How long streamed reads spent checking resources and adding them to the model, apart from
   * parsing them: the two are interleaved, one resource at a time. For the benchmark's phases.
   */
  public long modelNanos() {
    return modelNanos;
  }

  /** Loads and merges every file. */
  public Topology load(List<Path> files) throws InputException {
    TopologyBuilder builder = new TopologyBuilder();
    for (Path file : files) {
      read(file, builder);
    }
    return builder.build();
  }

  /** Loads one file. */
  public Topology load(Path file) throws InputException {
    return load(List.of(file));
  }

  /** Reads one file into {@code builder}; the shape it was read as is returned. */
  public InputShape read(Path file, TopologyBuilder builder) throws InputException {
    return read(file.toString(), InputFiles.readAllBytes(file), builder);
  }

  /** Reads bytes named {@code name} (a file name, or a label for data that came from elsewhere). */
  public InputShape read(String name, byte[] bytes, TopologyBuilder builder) throws InputException {
    // The input's digest goes into the reports; for a large input it is worked out on the other core.
    CompletableFuture<String> digest = bytes.length < PARALLEL_DIGEST_BYTES
        ? CompletableFuture.completedFuture(sha256(bytes))
        : CompletableFuture.supplyAsync(() -> sha256(bytes));
    // The common exports, an array of resources and a Resource Graph result, are read one resource
    // at a time into the model.
    JsonDocument.ElementSink sink = (document, element, pointer, offset, length) -> {
      long started = System.nanoTime();
      ResourceShape.check(document, element, pointer);
      builder.add(element, document.remembered(pointer), document::remembered,
          offset < 0 ? null : new JsonSlice(bytes, offset, length));
      modelNanos += System.nanoTime() - started;
    };
    JsonDocument document = null;
    byte first = firstByte(bytes);
    TopologyBuilder.Mark mark = builder.mark();
    try {
      if (first == '[') {
        document = JsonDocument.stream(name, bytes, sink);
        builder.addInput(new InputSource(name, InputShape.ARM_ARRAY.label(), document.streamed(), digest.join()));
        return InputShape.ARM_ARRAY;
      }
      if (first == '{') {
        document = JsonDocument.streamField(name, bytes, "data", RESOURCE_GRAPH_MARKS, sink);
        if (document.streamed() >= 0) {
          if (shapeOf(document) != InputShape.RESOURCE_GRAPH) {
            // Not a Resource Graph result after all (a snapshot that happens to hold "data"): read it as a whole.
            builder.rollback(mark);
            document = JsonDocument.parse(name, bytes);
          } else {
            int count = document.streamed();
            unreadPages(document, (ObjectNode) document.root(), count, builder);
            builder.addInput(new InputSource(name, InputShape.RESOURCE_GRAPH.label(), count, digest.join()));
            return InputShape.RESOURCE_GRAPH;
          }
        }
      }
    } catch (JsonDocument.NotOneValue e) {
      // Several values one after another: read again as a whole, with the pointers of a sequence.
      builder.rollback(mark);
      document = null;
    }
    if (document == null) {
      document = JsonDocument.parse(name, bytes);
    }
    JsonNode root = document.root();
    InputShape shape = shapeOf(document);
    int count;
    switch (shape) {
      case ARM_ARRAY -> count = addAll(document, root, "", builder);
      case ARM_RESOURCE -> count = addOne(document, root, "", builder);
      case ARM_LIST -> count = readList(document, root, builder);
      case RESOURCE_GRAPH -> count = readResourceGraph(document, (ObjectNode) root, builder);
      case ARM_TEMPLATE -> count = readTemplate(document, (ObjectNode) root, builder);
      case SNAPSHOT -> count = readSnapshot(document, (ObjectNode) root, builder);
      default -> throw new IllegalStateException("unhandled shape " + shape);
    }
    builder.addInput(new InputSource(name, shape.label(), count, digest.join()));
    return shape;
  }

  /** The keys that, before {@code data}, say an object is a Resource Graph result (see {@link #shapeOf}). */
  private static final java.util.Set<String> RESOURCE_GRAPH_MARKS =
      java.util.Set.of("count", "totalRecords", "total_records", "skip_token", "$skipToken", "resultTruncated");

  private static byte firstByte(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b;
      }
    }
    return 0;
  }

  private InputShape shapeOf(JsonDocument document) throws InputException {
    JsonNode root = document.root();
    if (root.isArray()) {
      return InputShape.ARM_ARRAY;
    }
    if (!root.isObject()) {
      throw error(document, "", EXPECTED_SHAPES + "; found " + kind(root));
    }
    if (root.has("plumblineSnapshot")) {
      return InputShape.SNAPSHOT;
    }
    if (root.has("data") && (root.has("count") || root.has("totalRecords") || root.has("total_records")
        || root.has("skip_token") || root.has("$skipToken") || root.has("resultTruncated") || root.size() == 1)) {
      return InputShape.RESOURCE_GRAPH;
    }
    if (root.has("resources") && (root.has("$schema") || root.has("contentVersion"))) {
      return InputShape.ARM_TEMPLATE;
    }
    if (root.has("value") && !root.has("id")) {
      return InputShape.ARM_LIST;
    }
    if (root.has("id") || root.has("type")) {
      return InputShape.ARM_RESOURCE;
    }
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    String found = keys.isEmpty() ? "an empty object" : "an object with keys " + String.join(", ", keys.subList(0, Math.min(6, keys.size())))
        + (keys.size() > 6 ? ", ..." : "");
    throw error(document, "", EXPECTED_SHAPES + "; found " + found);
  }

  private int readList(JsonDocument document, JsonNode root, TopologyBuilder builder) throws InputException {
    JsonNode value = root.get("value");
    if (!value.isArray()) {
      throw error(document, "/value", "expected \"value\" to be an array of ARM resources; found " + kind(value));
    }
    int count = addAll(document, value, "/value", builder);
    String next = root.path("nextLink").asText("");
    if (!next.isBlank()) {
      builder.addGap(new Gap(Gap.Kind.UNREAD, document.file(), "/nextLink", next,
          "the list has more pages (nextLink) that are not in this file", document.at("/nextLink")));
    }
    return count;
  }

  private int readResourceGraph(JsonDocument document, ObjectNode root, TopologyBuilder builder) throws InputException {
    JsonNode data = root.get("data");
    int count;
    if (data.isArray()) {
      count = addAll(document, data, "/data", builder);
    } else if (data.isObject() && data.path("columns").isArray() && data.path("rows").isArray()) {
      count = addTable(document, data, builder);
    } else {
      throw error(document, "/data", "expected \"data\" to be an array of rows or a table {\"columns\", \"rows\"}; found " + kind(data));
    }
    unreadPages(document, root, count, builder);
    return count;
  }

  /** A gap for the later pages of a Resource Graph result of which {@code count} records were read. */
  private static void unreadPages(JsonDocument document, ObjectNode root, int count, TopologyBuilder builder) {
    long total = firstNumber(root, "totalRecords", "total_records");
    String skipToken = firstText(root, "$skipToken", "skip_token");
    boolean truncated = "true".equalsIgnoreCase(root.path("resultTruncated").asText(""));
    if (!skipToken.isBlank() || truncated || total > count) {
      String reason = "the Resource Graph result holds " + count + (total > 0 ? " of " + total : "")
          + " records; the later pages were not read"
          + (skipToken.isBlank() ? "" : " (pass the skip token to read them)");
      builder.addGap(new Gap(Gap.Kind.UNREAD, document.file(), "/data", skipToken, reason, document.at("")));
    }
  }

  private int addTable(JsonDocument document, JsonNode table, TopologyBuilder builder) throws InputException {
    List<String> columns = new ArrayList<>();
    for (JsonNode column : table.get("columns")) {
      columns.add(column.path("name").asText());
    }
    JsonNode rows = table.get("rows");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String pointer = "/data/rows/" + i;
      if (!row.isArray()) {
        throw error(document, pointer, "expected a row to be an array of column values; found " + kind(row));
      }
      ObjectNode resource = JsonNodeFactory.instance.objectNode();
      for (int c = 0; c < columns.size() && c < row.size(); c++) {
        resource.set(columns.get(c), row.get(c));
      }
      addChecked(document, resource, pointer, builder);
    }
    return rows.size();
  }

  private int readTemplate(JsonDocument document, ObjectNode root, TopologyBuilder builder) throws InputException {
    JsonNode resources = root.get("resources");
    if (!resources.isArray()) {
      throw error(document, "/resources", "expected \"resources\" to be an array; found " + kind(resources));
    }
    for (int i = 0; i < resources.size(); i++) {
      JsonNode resource = resources.get(i);
      if (!resource.isObject()) {
        throw error(document, "/resources/" + i, "expected a template resource object; found " + kind(resource));
      }
      for (String field : List.of("type", "name")) {
        if (!resource.path(field).isTextual()) {
          throw error(document, "/resources/" + i + (resource.has(field) ? "/" + field : ""),
              "expected the template resource to have a text \"" + field + "\""
                  + (resource.has(field) ? "; found " + kind(resource.get(field)) : ""));
        }
      }
    }
    Resolution resolution = new TemplateResolver(templateSubscription, templateResourceGroup, null).resolve(root);
    for (ResolvedResource resolved : resolution.resources()) {
      builder.add(resolved.resource(), document.remembered(resolved.pointer()), document::remembered);
    }
    for (UnresolvedExpression unresolved : resolution.unresolved()) {
      String subject = resolution.resources().stream()
          .filter(r -> unresolved.pointer().startsWith(r.pointer() + "/") || unresolved.pointer().equals(r.pointer()))
          .map(r -> r.resource().path("id").asText())
          .reduce((first, longer) -> longer)
          .orElse(document.file());
      builder.addGap(new Gap(Gap.Kind.UNRESOLVED_EXPRESSION, subject, unresolved.pointer(), unresolved.expression(),
          unresolved.reason(), document.at(unresolved.pointer())));
    }
    return resolution.resources().size();
  }

  private int readSnapshot(JsonDocument document, ObjectNode root, TopologyBuilder builder) throws InputException {
    if (snapshotSchema == null) {
      snapshotSchema = new SnapshotSchema();
    }
    var violation = snapshotSchema.firstViolation(root);
    if (violation.isPresent()) {
      throw error(document, violation.get().pointer(), "not a valid Plumbline snapshot: " + violation.get().message());
    }
    int count = addAll(document, root.get("resources"), "/resources", builder);
    JsonNode gaps = root.path("gaps");
    for (int i = 0; i < gaps.size(); i++) {
      JsonNode gap = gaps.get(i);
      builder.addGap(new Gap(Gap.Kind.valueOf(gap.get("kind").asText()), gap.path("subject").asText(""),
          gap.path("path").asText(""), gap.path("target").asText(""), gap.get("reason").asText(),
          document.at("/gaps/" + i)));
    }
    root.path("nodes").forEach(builder::addNode);
    root.path("scopes").forEach(builder::addScope);
    builder.capturedAt(root.path("capturedAt").asText(null));
    return count;
  }

  private int addAll(JsonDocument document, JsonNode array, String pointer, TopologyBuilder builder) throws InputException {
    int count = 0;
    Iterator<JsonNode> elements = array.elements();
    for (int i = 0; elements.hasNext(); i++) {
      JsonNode element = elements.next();
      String at = pointer + "/" + i;
      if (element.isArray() && document.isSequence() && pointer.isEmpty()) {
        count += addAll(document, element, at, builder);
      } else if (element.isObject() && element.has("value") && !element.has("id") && document.isSequence() && pointer.isEmpty()) {
        count += addAll(document, element.get("value"), at + "/value", builder);
      } else {
        count += addOne(document, element, at, builder);
      }
    }
    return count;
  }

  private int addOne(JsonDocument document, JsonNode element, String pointer, TopologyBuilder builder) throws InputException {
    addChecked(document, element, pointer, builder);
    return 1;
  }

  private void addChecked(JsonDocument document, JsonNode element, String pointer, TopologyBuilder builder)
      throws InputException {
    ResourceShape.check(document, element, pointer);
    builder.add(element, document.remembered(pointer), document::remembered);
  }

  static InputException error(JsonDocument document, String pointer, String problem) {
    Provenance at = document.at(pointer);
    return new InputException(document.file(), at.line(), at.column(), problem);
  }

  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + abbreviate(node.asText()) + "\"";
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> "the boolean " + node.asText();
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private static long firstNumber(JsonNode root, String... names) {
    for (String name : names) {
      if (root.path(name).canConvertToLong()) {
        return root.path(name).asLong();
      }
    }
    return -1;
  }

  private static String firstText(JsonNode root, String... names) {
    for (String name : names) {
      if (root.path(name).isTextual()) {
        return root.path(name).asText();
      }
    }
    return "";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
