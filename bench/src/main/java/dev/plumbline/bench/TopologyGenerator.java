package dev.plumbline.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic topology: N copies of the Posit Connect HA reference deployment
 * ({@code examples/posit-connect-ha/compliant.json}), each moved into its own resource group
 * {@code rg-pc-NNNNN} so that every reference stays inside its copy, plus a few unrelated resources per
 * copy. The output is streamed, one resource a line, so a file of any size costs the same memory.
 */
public final class TopologyGenerator {

  /** The two input shapes the benchmark reads. */
  public enum Shape {
    /** An ARM resource array {@code [...]}. */
    ARM,
    /** A Resource Graph REST result {@code {"totalRecords", "count", "resultTruncated", "data"}}, types lower-cased. */
    GRAPH;

    static Shape parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "arm" -> ARM;
        case "graph" -> GRAPH;
        default -> throw new IllegalArgumentException("unknown shape '" + text + "': expected arm or graph");
      };
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What to generate.
   *
   * @param deployments copies of the reference deployment, 1 to 99,999
   * @param shape the file's shape
   * @param unrelated resources per copy that no rule looks at (a storage account, a disk, a workspace, in turn)
   * @param violationsEvery every this-many-th copy runs PostgreSQL 15 instead of 16; 0 for none
   */
  public record Options(int deployments, Shape shape, int unrelated, int violationsEvery) {
    public static final int DEFAULT_UNRELATED = 3;

    public Options {
      if (deployments < 1 || deployments > 99_999) {
        throw new IllegalArgumentException("deployments must be 1 to 99999; was " + deployments);
      }
      if (unrelated < 0) {
        throw new IllegalArgumentException("unrelated must not be negative; was " + unrelated);
      }
      if (violationsEvery < 0) {
        throw new IllegalArgumentException("violations must not be negative; was " + violationsEvery);
      }
      if (shape == null) {
        throw new IllegalArgumentException("shape is required");
      }
    }

    public static Options of(int deployments, Shape shape) {
      return new Options(deployments, shape, DEFAULT_UNRELATED, 0);
    }

    /** A file name that says every parameter, so a runner can tell whether an existing file fits. */
    public String fileName() {
      return "bench-" + deployments + "-" + shape.label() + "-u" + unrelated + "-v" + violationsEvery + ".json";
    }
  }

  /** What was written. */
  public record Result(Path file, int deployments, long resources, long violating, long bytes) {
    public String describe() {
      return String.format(Locale.ROOT, "%s: %,d deployments, %,d resources, %,d on PostgreSQL 15, %,d bytes (%.1f MiB)",
          file, deployments, resources, violating, bytes, bytes / 1048576.0);
    }
  }

  static final String REFERENCE_GROUP = "rg-posit-connect";
  private static final String NUMBER = "@@N@@";
  private static final String POSTGRES = "microsoft.dbforpostgresql/flexibleservers";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ObjectNode> reference;
  private final String subscription;

  private TopologyGenerator(List<ObjectNode> reference) {
    if (reference.isEmpty()) {
      throw new IllegalArgumentException("the reference deployment holds no resources");
    }
    this.reference = reference;
    this.subscription = ResourceIdParts.subscription(reference.get(0).path("id").asText());
  }

  /** A generator copying the compliant example bundled in this module's jar. */
  public static TopologyGenerator fromBundledExample() {
    try (InputStream in = TopologyGenerator.class.getResourceAsStream("compliant.json")) {
      if (in == null) {
        throw new IllegalStateException("compliant.json is not on the class path; build the bench module with Maven");
      }
      return fromSnapshot(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generator copying the resources of a Plumbline snapshot file. */
  public static TopologyGenerator fromExample(Path snapshot) throws IOException {
    return fromSnapshot(JSON.readTree(snapshot.toFile()));
  }

  private static TopologyGenerator fromSnapshot(JsonNode snapshot) {
    JsonNode resources = snapshot.path("resources");
    if (!resources.isArray()) {
      throw new IllegalArgumentException("expected a Plumbline snapshot with a \"resources\" array");
    }
    List<ObjectNode> list = new ArrayList<>();
    resources.forEach(resource -> list.add((ObjectNode) resource));
    return new TopologyGenerator(list);
  }

  /** Resources in one copy: the reference deployment's, plus the unrelated ones. */
  public int resourcesPerDeployment(int unrelated) {
    return reference.size() + unrelated;
  }

  /** Writes the bundled example's copies to {@code file}. */
  public static Result generate(Options options, Path file) throws IOException {
    return fromBundledExample().write(options, file);
  }

  /** Writes {@code options.deployments()} copies to {@code file}, replacing it only once complete. */
  public Result write(Options options, Path file) throws IOException {
    List<Template> compliant = templates(options, false);
    List<Template> violating = options.violationsEvery() > 0 ? templates(options, true) : compliant;
    long perCopy = resourcesPerDeployment(options.unrelated());
    long total = perCopy * options.deployments();
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path part = absolute.resolveSibling(absolute.getFileName() + ".part");
    long violatingCopies = 0;
    JsonFactory factory = JSON.getFactory();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 20);
        JsonGenerator gen = factory.createGenerator(out, JsonEncoding.UTF8)) {
      gen.setPrettyPrinter(new OneResourceALine());
      if (options.shape() == Shape.GRAPH) {
        gen.writeStartObject();
        gen.writeNumberField("totalRecords", total);
        gen.writeNumberField("count", total);
        gen.writeStringField("resultTruncated", "false");
        gen.writeFieldName("data");
      }
      gen.writeStartArray();
      StringBuilder text = new StringBuilder(1 << 16);
      for (int copy = 1; copy <= options.deployments(); copy++) {
        boolean violates = options.violationsEvery() > 0 && copy % options.violationsEvery() == 0;
        if (violates) {
          violatingCopies++;
        }
        String group = groupName(copy);
        String number = String.format(Locale.ROOT, "%05d", copy);
        for (Template template : violates ? violating : compliant) {
          text.setLength(0);
          template.render(text, group, number);
          gen.writeRawValue(text.toString());
        }
      }
      gen.writeEndArray();
      if (options.shape() == Shape.GRAPH) {
        gen.writeEndObject();
      }
    }
    try {
      Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
    }
    return new Result(absolute, options.deployments(), total, violatingCopies, Files.size(absolute));
  }

  /** The resource group of copy {@code copy} (1-based). */
  public static String groupName(int copy) {
    return String.format(Locale.ROOT, "rg-pc-%05d", copy);
  }

  /** One copy's resources as text with slots for its resource group and number, built once per file. */
  private List<Template> templates(Options options, boolean violating) throws IOException {
    List<Template> templates = new ArrayList<>();
    for (ObjectNode resource : reference) {
      ObjectNode copy = resource.deepCopy();
      if (violating && POSTGRES.equals(copy.path("type").asText().toLowerCase(Locale.ROOT))) {
        ObjectNode properties = (ObjectNode) copy.path("properties");
        properties.put("version", "15");
        properties.put("minorVersion", "8");
      }
      templates.add(Template.of(JSON.writeValueAsString(shaped(copy, options.shape()))));
    }
    for (int i = 0; i < options.unrelated(); i++) {
      templates.add(Template.of(JSON.writeValueAsString(shaped(unrelated(i), options.shape()))));
    }
    return templates;
  }

  /** A resource as the shape carries it: Resource Graph adds the group and subscription and lower-cases the type. */
  private ObjectNode shaped(ObjectNode resource, Shape shape) {
    if (shape == Shape.ARM) {
      return resource;
    }
    ObjectNode row = JSON.createObjectNode();
    row.set("id", resource.get("id"));
    row.set("name", resource.get("name"));
    row.put("type", resource.path("type").asText().toLowerCase(Locale.ROOT));
    row.put("tenantId", "72f988bf-0000-4000-8000-00000000a0a0");
    row.set("kind", resource.has("kind") ? resource.get("kind") : JSON.getNodeFactory().textNode(""));
    row.set("location", resource.get("location"));
    row.put("resourceGroup", REFERENCE_GROUP);
    row.put("subscriptionId", subscription);
    row.set("managedBy", resource.has("managedBy") ? resource.get("managedBy") : JSON.getNodeFactory().textNode(""));
    row.set("sku", resource.has("sku") ? resource.get("sku") : JSON.getNodeFactory().nullNode());
    row.putNull("plan");
    row.set("properties", resource.get("properties"));
    row.set("tags", resource.has("tags") ? resource.get("tags") : JSON.createObjectNode());
    row.set("identity", resource.has("identity") ? resource.get("identity") : JSON.getNodeFactory().nullNode());
    row.set("zones", resource.has("zones") ? resource.get("zones") : JSON.getNodeFactory().nullNode());
    row.putNull("extendedLocation");
    resource.properties().forEach(field -> {
      if (!row.has(field.getKey()) && !"etag".equals(field.getKey())) {
        row.set(field.getKey(), field.getValue());
      }
    });
    return row;
  }

  /** The {@code index}-th unrelated resource of a copy: a storage account, a managed disk, a Log Analytics workspace, in turn. */
  private ObjectNode unrelated(int index) {
    int ordinal = index / 3 + 1;
    String prefix = "/subscriptions/" + subscription + "/resourceGroups/" + REFERENCE_GROUP + "/providers/";
    ObjectNode resource = JSON.createObjectNode();
    switch (index % 3) {
      case 0 -> {
        String name = "stpc" + NUMBER + "diag" + ordinal;
        resource.put("id", prefix + "Microsoft.Storage/storageAccounts/" + name);
        resource.put("name", name);
        resource.put("type", "Microsoft.Storage/storageAccounts");
        resource.put("location", "eastus2");
        resource.put("kind", "StorageV2");
        resource.putObject("sku").put("name", "Standard_ZRS").put("tier", "Standard");
        resource.putObject("tags").put("purpose", "diagnostics");
        ObjectNode p = resource.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("creationTime", "2026-10-12T13:20:00.0000000Z");
        p.put("accessTier", "Hot");
        p.put("minimumTlsVersion", "TLS1_2");
        p.put("supportsHttpsTrafficOnly", true);
        p.put("allowBlobPublicAccess", false);
        p.put("allowSharedKeyAccess", false);
        p.put("publicNetworkAccess", "Disabled");
        ObjectNode acls = p.putObject("networkAcls");
        acls.put("bypass", "AzureServices");
        acls.put("defaultAction", "Deny");
        acls.putArray("ipRules");
        acls.putArray("virtualNetworkRules");
        ObjectNode encryption = p.putObject("encryption");
        encryption.put("keySource", "Microsoft.Storage");
        ObjectNode services = encryption.putObject("services");
        services.putObject("blob").put("enabled", true).put("keyType", "Account");
        services.putObject("file").put("enabled", true).put("keyType", "Account");
        ObjectNode endpoints = p.putObject("primaryEndpoints");
        endpoints.put("blob", "https://" + name + ".blob.core.windows.net/");
        endpoints.put("file", "https://" + name + ".file.core.windows.net/");
        p.put("primaryLocation", "eastus2");
        p.put("statusOfPrimary", "available");
      }
      case 1 -> {
        String name = "disk-archive-" + ordinal;
        resource.put("id", prefix + "Microsoft.Compute/disks/" + name);
        resource.put("name", name);
        resource.put("type", "Microsoft.Compute/disks");
        resource.put("location", "eastus2");
        resource.putObject("sku").put("name", "Premium_LRS").put("tier", "Premium");
        resource.putArray("zones").add("1");
        ObjectNode p = resource.putObject("properties");
        p.putObject("creationData").put("createOption", "Empty");
        p.put("diskSizeGB", 256);
        p.put("diskIOPSReadWrite", 1100);
        p.put("diskMBpsReadWrite", 125);
        p.putObject("encryption").put("type", "EncryptionAtRestWithPlatformKey");
        p.put("networkAccessPolicy", "DenyAll");
        p.put("publicNetworkAccess", "Disabled");
        p.put("timeCreated", "2026-10-12T13:25:00.0000000+00:00");
        p.put("provisioningState", "Succeeded");
        p.put("diskState", "Unattached");
        p.put("diskSizeBytes", 274877906944L);
        p.put("uniqueId", String.format(Locale.ROOT, "3c9e1f20-6a4b-4d7e-8f10-%02d00000", ordinal % 100) + NUMBER);
        p.put("tier", "P15");
      }
      default -> {
        String name = "log-connect-" + ordinal;
        resource.put("id", prefix + "Microsoft.OperationalInsights/workspaces/" + name);
        resource.put("name", name);
        resource.put("type", "Microsoft.OperationalInsights/workspaces");
        resource.put("location", "eastus2");
        ObjectNode p = resource.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("customerId", String.format(Locale.ROOT, "b7d2a4e1-9c3f-4a6b-8e21-%02d00000", ordinal % 100) + NUMBER);
        p.putObject("sku").put("name", "PerGB2018");
        p.put("retentionInDays", 30);
        ObjectNode features = p.putObject("features");
        features.put("legacy", 0);
        features.put("searchVersion", 1);
        features.put("enableLogAccessUsingOnlyResourcePermissions", true);
        p.putObject("workspaceCapping").put("dailyQuotaGb", -1.0).put("dataIngestionStatus", "RespectQuota");
        p.put("publicNetworkAccessForIngestion", "Enabled");
        p.put("publicNetworkAccessForQuery", "Enabled");
        p.put("createdDate", "2026-10-12T13:22:00.0000000Z");
      }
    }
    return resource;
  }

  /** A resource rendered once with its resource group and copy number left as slots. */
  private record Template(String[] literals, boolean[] numberSlot) {

    static Template of(String text) {
      List<String> literals = new ArrayList<>();
      List<Boolean> slots = new ArrayList<>();
      int from = 0;
      while (true) {
        int group = text.indexOf(REFERENCE_GROUP, from);
        int number = text.indexOf(NUMBER, from);
        int next = group < 0 ? number : number < 0 ? group : Math.min(group, number);
        if (next < 0) {
          break;
        }
        literals.add(text.substring(from, next));
        boolean isNumber = next == number;
        slots.add(isNumber);
        from = next + (isNumber ? NUMBER.length() : REFERENCE_GROUP.length());
      }
      literals.add(text.substring(from));
      boolean[] numberSlot = new boolean[slots.size()];
      for (int i = 0; i < numberSlot.length; i++) {
        numberSlot[i] = slots.get(i);
      }
      return new Template(literals.toArray(String[]::new), numberSlot);
    }

    void render(StringBuilder out, String group, String number) {
      for (int i = 0; i < numberSlot.length; i++) {
        out.append(literals[i]).append(numberSlot[i] ? number : group);
      }
      out.append(literals[literals.length - 1]);
    }
  }

  /** Compact JSON with a line break before each top-level resource, so line numbers point at resources. */
  private static final class OneResourceALine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator gen) throws IOException {
      gen.writeRaw('\n');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
      gen.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int nrOfValues) throws IOException {
      gen.writeRaw(nrOfValues > 0 ? "\n]" : "]");
    }
  }

  /** Pieces of an ARM resource id. */
  private static final class ResourceIdParts {
    private ResourceIdParts() {}

    static String subscription(String id) {
      String[] parts = id.split("/");
      for (int i = 0; i + 1 < parts.length; i++) {
        if (parts[i].equalsIgnoreCase("subscriptions")) {
          return parts[i + 1];
        }
      }
      throw new IllegalArgumentException("no subscription in resource id " + id);
    }
  }

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("topology-generator: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (IOException e) {
      System.err.println("topology-generator: " + e);
      System.exit(3);
    }
  }

  static final String USAGE = "usage: TopologyGenerator --deployments N [--shape arm|graph] [--unrelated K (3)]"
      + " [--violations EVERY] [--example SNAPSHOT.json] -o FILE";

  static int run(String... args) throws IOException {
    Integer deployments = null;
    Shape shape = Shape.ARM;
    int unrelated = Options.DEFAULT_UNRELATED;
    int violations = 0;
    Path output = null;
    Path example = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--deployments" -> deployments = Args.integer(args, ++i, arg);
        case "--shape" -> shape = Shape.parse(Args.value(args, ++i, arg));
        case "--unrelated" -> unrelated = Args.integer(args, ++i, arg);
        case "--violations" -> violations = Args.integer(args, ++i, arg);
        case "--example" -> example = Path.of(Args.value(args, ++i, arg));
        case "-o", "--output" -> output = Path.of(Args.value(args, ++i, arg));
        case "-h", "--help" -> {
          System.out.println(USAGE);
          return 0;
        }
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    if (deployments == null || output == null) {
      throw new IllegalArgumentException("--deployments and -o are required");
    }
    Options options = new Options(deployments, shape, unrelated, violations);
    long start = System.nanoTime();
    TopologyGenerator generator = example == null ? fromBundledExample() : fromExample(example);
    Result result = generator.write(options, output);
    System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", result.describe(), (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
