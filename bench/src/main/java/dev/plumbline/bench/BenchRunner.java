package dev.plumbline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Runs the whole {@code plumbline audit --format json,sarif,html} as a separate process over generated
 * topologies of several sizes and prints, per size, the medians of wall time, peak RSS and each phase
 * the command line reports with {@code PLUMBLINE_TIMINGS=1}; then how evaluation grows with size, how
 * soon the largest HTML report shows its summary in headless Chromium, and the bundled example's cold
 * run. Issue 8 sets the targets these figures are read against.
 */
public final class BenchRunner {

  static final String USAGE = String.join("\n",
      "usage: bench/run [options]",
      "  --sizes N,N,...       deployments per topology (default 1000,2000,7000)",
      "  --runs N              runs per size; medians are reported (default 3)",
      "  --unrelated K         unrelated resources per deployment (default 3)",
      "  --violations EVERY    every EVERY-th deployment runs PostgreSQL 15 (default 0: none)",
      "  --jq                  also time seven simple checks in jq, when jq is installed",
      "  --no-browser          skip the HTML report's time to summary in headless Chromium",
      "  --json FILE           also write every figure to FILE",
      "  --root DIR            the Plumbline checkout (default: the current directory)",
      "  --work DIR            generated topologies and reports (default ROOT/bench/target/bench)",
      "  --java PATH           the java that runs the command line (default: this one; JAVA_HOME for ./plumbline)",
      "  --java-option OPT     a JVM option for the command line's JVM (repeatable; PLUMBLINE_JAVA_OPTS for ./plumbline)",
      "  --jar                 run `java -jar cli/target/plumbline.jar` instead of the README's launcher ./plumbline",
      "  --timeout SECONDS     kill an audit that runs longer (default 1800)",
      "  --browser-timeout S   give up on the summary after this long (default 60)",
      "  --browser-max-mib M   open only HTML reports up to M MiB (default 2048); the largest size's",
      "                        report over it is skipped and the largest one under it is opened",
      "  --min-free-gib G      kill an audit when less than G GiB stay free on the work disk (default 8)",
      "  --regenerate          write the topologies even when a file with the same parameters exists",
      "  --keep-reports        keep every run's reports (default: delete them once measured)");

  /** Time targets of issue 8, for the notes beside the figures. */
  static final double LINEARITY_TARGET = 2.2;
  static final double FLOOR_RATIO_TARGET = 4.0;

  private final Config config;
  private final PrintStream out;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  BenchRunner(Config config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** What to run; see {@link #USAGE}. */
  record Config(Path root, Path work, Path jar, List<Integer> sizes, int runs, int unrelated, int violations,
      boolean jq, boolean browser, Optional<Path> jsonFile, String java, List<String> javaOptions,
      long timeoutSeconds, long browserTimeoutSeconds, long browserMaxMib, long minFreeGib, boolean regenerate,
      boolean keepReports, boolean bareJar) {}

  /** Medians and every run of one size. */
  record SizeResult(int deployments, TopologyGenerator.Result topology, List<ProcessRun> runs,
      Map<String, Double> median, Optional<Double> runnerFloorMillis, Optional<Double> jqMillis,
      Map<String, Long> reportBytes) {}

  public static void main(String[] args) {
    Config config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (config == null) {
      System.out.println(USAGE);
      return;
    }
    try {
      System.exit(new BenchRunner(config, System.out).run());
    } catch (IOException e) {
      System.err.println("bench: " + e);
      System.exit(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  static Config parse(String... args) {
    Path root = null;
    Path work = null;
    List<Integer> sizes = List.of(1000, 2000, 7000);
    int runs = 3;
    int unrelated = TopologyGenerator.Options.DEFAULT_UNRELATED;
    int violations = 0;
    boolean jq = false;
    boolean browser = true;
    Path jsonFile = null;
    String java = defaultJava();
    List<String> javaOptions = new ArrayList<>();
    long timeout = 1800;
    long browserTimeout = 60;
    long browserMaxMib = 2048;
    long minFreeGib = 8;
    boolean regenerate = false;
    boolean keepReports = false;
    boolean bareJar = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--sizes" -> {
          List<Integer> parsed = new ArrayList<>();
          for (String size : Args.value(args, ++i, arg).split(",")) {
            parsed.add(Args.integer(new String[] {size.trim()}, 0, arg));
          }
          sizes = parsed.stream().distinct().sorted().toList();
        }
        case "--runs" -> runs = Args.integer(args, ++i, arg);
        case "--unrelated" -> unrelated = Args.integer(args, ++i, arg);
        case "--violations" -> violations = Args.integer(args, ++i, arg);
        case "--jq" -> jq = true;
        case "--no-browser" -> browser = false;
        case "--json" -> jsonFile = Path.of(Args.value(args, ++i, arg));
        case "--root" -> root = Path.of(Args.value(args, ++i, arg));
        case "--work" -> work = Path.of(Args.value(args, ++i, arg));
        case "--java" -> java = Args.value(args, ++i, arg);
        case "--java-option" -> javaOptions.add(Args.value(args, ++i, arg));
        case "--timeout" -> timeout = Args.integer(args, ++i, arg);
        case "--browser-timeout" -> browserTimeout = Args.integer(args, ++i, arg);
        case "--browser-max-mib" -> browserMaxMib = Args.integer(args, ++i, arg);
        case "--min-free-gib" -> minFreeGib = Args.integer(args, ++i, arg);
        case "--regenerate" -> regenerate = true;
        case "--keep-reports" -> keepReports = true;
        case "--jar" -> bareJar = true;
        case "-h", "--help" -> {
          return null;
        }
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1");
    }
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("--sizes names no size");
    }
    root = (root == null ? Path.of("") : root).toAbsolutePath().normalize();
    work = (work == null ? root.resolve("bench/target/bench") : work).toAbsolutePath().normalize();
    return new Config(root, work, root.resolve("cli/target/plumbline.jar"), sizes, runs, unrelated, violations,
        jq, browser, Optional.ofNullable(jsonFile), java, List.copyOf(javaOptions), timeout, browserTimeout,
        browserMaxMib, minFreeGib, regenerate, keepReports, bareJar);
  }

  private static String defaultJava() {
    String home = System.getenv("JAVA_HOME");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
      return Path.of(home, "bin", "java").toString();
    }
    return ProcessHandle.current().info().command().orElse("java");
  }

  int run() throws IOException, InterruptedException {
    if (!Files.isRegularFile(config.jar())) {
      throw new IOException(config.jar() + " is missing; build it with ./mvnw -q -pl cli -am package -DskipTests (bench/run does)");
    }
    Files.createDirectories(config.work().resolve("logs"));
    out.printf(Locale.ROOT, "Plumbline benchmark: %s, %d cores, %s; java %s%n", config.jar(),
        Runtime.getRuntime().availableProcessors(), loadAverage(), javaVersion());
    out.printf(Locale.ROOT, "Each size: %d run(s) of `%s audit FILE --format json,sarif,html -o DIR"
        + " --fail-on never -q` with PLUMBLINE_TIMINGS=1; medians.%n", config.runs(),
        config.bareJar() ? "java -jar plumbline.jar" : "./plumbline");
    if (!config.bareJar()) {
      // The launcher records its class-data sharing archive on its first run after a build; not timed.
      ProcessRun.run(launcher("--version"), launcherEnvironment(), config.work().resolve("logs").resolve("launcher-archive.stderr.txt"),
          config.timeoutSeconds());
    }
    boolean allSucceeded = true;
    List<SizeResult> results = new ArrayList<>();
    // The HTML report Chromium will open: the largest size's, unless it is too big to open safely.
    Optional<SizeResult> forBrowser = Optional.empty();
    for (int size : config.sizes()) {
      SizeResult result = measureSize(size);
      results.add(result);
      allSucceeded &= result.runs().stream().allMatch(ProcessRun::succeeded);
      printSize(result);
      Path reports = reportsOf(size);
      deleteIfAllowed(reports.resolve("plumbline.json"));
      deleteIfAllowed(reports.resolve("plumbline.sarif"));
      Path html = reports.resolve("plumbline.html");
      boolean lastRunFinished = result.runs().get(result.runs().size() - 1).succeeded();
      if (lastRunFinished && Files.isRegularFile(html) && Files.size(html) <= config.browserMaxMib() << 20) {
        if (forBrowser.isPresent()) {
          deleteIfAllowed(reportsOf(forBrowser.get().deployments()).resolve("plumbline.html"));
        }
        forBrowser = Optional.of(result);
      } else {
        deleteIfAllowed(html);
      }
    }
    Map<String, Object> linearity = printLinearity(results);
    Map<String, Object> browser = measureBrowser(results.get(results.size() - 1), forBrowser);
    Map<String, Object> example = measureExample();
    if (!config.keepReports()) {
      deleteTree(config.work().resolve("reports"));
    }
    if (config.jsonFile().isPresent()) {
      writeJson(results, linearity, browser, example);
    }
    return allSucceeded ? 0 : 1;
  }

  // ---------------------------------------------------------------- one size

  private Path reportsOf(int deployments) {
    return config.work().resolve("reports").resolve(Integer.toString(deployments));
  }

  private void deleteIfAllowed(Path report) throws IOException {
    if (!config.keepReports()) {
      Files.deleteIfExists(report);
    }
  }

  private SizeResult measureSize(int deployments) throws IOException, InterruptedException {
    TopologyGenerator.Options options = new TopologyGenerator.Options(deployments, TopologyGenerator.Shape.ARM,
        config.unrelated(), config.violations());
    Path file = config.work().resolve("topologies").resolve(options.fileName());
    TopologyGenerator.Result topology;
    out.println();
    if (Files.isRegularFile(file) && !config.regenerate()) {
      TopologyGenerator generator = TopologyGenerator.fromBundledExample();
      long resources = (long) generator.resourcesPerDeployment(config.unrelated()) * deployments;
      long violating = config.violations() > 0 ? deployments / config.violations() : 0;
      topology = new TopologyGenerator.Result(file, deployments, resources, violating, Files.size(file));
      out.println("reusing " + topology.describe());
    } else {
      long start = System.nanoTime();
      topology = TopologyGenerator.generate(options, file);
      out.printf(Locale.ROOT, "generated %s in %.1f s%n", topology.describe(), (System.nanoTime() - start) / 1e9);
    }

    List<ProcessRun> runs = new ArrayList<>();
    Path reports = reportsOf(deployments);
    ProcessRun.DiskGuard disk = new ProcessRun.DiskGuard(config.work(), config.minFreeGib() << 30);
    for (int run = 1; run <= config.runs(); run++) {
      deleteTree(reports);
      Files.createDirectories(reports);
      List<String> audit = List.of("audit", file.toString(),
          "--format", "json,sarif,html", "-o", reports.toString(), "--fail-on", "never", "-q");
      List<String> command = new ArrayList<>();
      Map<String, String> environment = new LinkedHashMap<>();
      if (config.bareJar()) {
        command.add(config.java());
        command.addAll(config.javaOptions());
        command.addAll(List.of("-jar", config.jar().toString()));
        command.addAll(audit);
      } else {
        command.addAll(launcher(audit.toArray(String[]::new)));
        environment.putAll(launcherEnvironment());
      }
      environment.put("PLUMBLINE_TIMINGS", "1");
      Path stderr = config.work().resolve("logs").resolve(deployments + "-run" + run + ".stderr.txt");
      Files.createDirectories(stderr.getParent());
      ProcessRun measured = ProcessRun.run(command, environment, stderr, config.timeoutSeconds(), disk);
      runs.add(measured);
      out.printf(Locale.ROOT, "  run %d: %s wall, peak RSS %s, %s%n", run, millis(measured.wallMillis()),
          rss(measured.peakRssKb()), measured.outcome());
      if (!measured.succeeded()) {
        measured.otherStderr().stream().limit(8).forEach(line -> out.println("    stderr: " + line));
        if (measured.killed().isPresent()) {
          break;
        }
      }
    }
    Map<String, Long> reportBytes = new LinkedHashMap<>();
    for (String name : List.of("plumbline.json", "plumbline.sarif", "plumbline.html")) {
      Path report = reports.resolve(name);
      if (Files.isRegularFile(report)) {
        reportBytes.put(name, Files.size(report));
      }
    }

    List<Double> floors = new ArrayList<>();
    for (int run = 0; run < config.runs(); run++) {
      long start = System.nanoTime();
      TokenFloor.read(file);
      floors.add((System.nanoTime() - start) / 1e6);
    }
    Optional<Double> jq = config.jq() ? timeJq(file) : Optional.empty();
    // A killed or failed run's figures say nothing about the audit; they count only when no run finished.
    List<ProcessRun> finished = runs.stream().filter(ProcessRun::succeeded).toList();
    return new SizeResult(deployments, topology, runs, medians(finished.isEmpty() ? runs : finished),
        Optional.of(median(floors)), jq, reportBytes);
  }

  /** The README's launcher with these arguments; it execs java, so its process is the audit's. */
  private List<String> launcher(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(config.root().resolve("plumbline").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  /** --java and --java-option, said the way the launcher takes them. */
  private Map<String, String> launcherEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    Path java = Path.of(config.java());
    if (java.isAbsolute() && java.getParent() != null && java.getParent().getParent() != null) {
      environment.put("JAVA_HOME", java.getParent().getParent().toString());
    }
    if (!config.javaOptions().isEmpty()) {
      environment.put("PLUMBLINE_JAVA_OPTS", String.join(" ", config.javaOptions()));
    }
    return environment;
  }

  /** The median of each figure over the runs that printed it: wall, peak RSS, each phase, each memory line. */
  static Map<String, Double> medians(List<ProcessRun> runs) {
    Set<String> names = new LinkedHashSet<>();
    names.add("wall");
    names.add("process-wall");
    names.add("peak-rss-kb");
    runs.forEach(run -> run.timings().keySet().forEach(phase -> names.add("timing:" + phase)));
    runs.forEach(run -> run.memory().keySet().forEach(name -> names.add("memory:" + name)));
    names.add("eval");
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String name : names) {
      List<Double> values = new ArrayList<>();
      for (ProcessRun run : runs) {
        figure(run, name).ifPresent(values::add);
      }
      if (!values.isEmpty()) {
        medians.put(name, median(values));
      }
    }
    return medians;
  }

  /** One figure of one run; "eval" is load + relations + every pack, the part issue 8 holds to 4× the floor. */
  static Optional<Double> figure(ProcessRun run, String name) {
    if (name.equals("wall")) {
      // The floor read happens inside the audit's process, for the ratio; the audit is the rest.
      return Optional.of(run.wallMillis() - run.timings().getOrDefault("floor", 0.0));
    }
    if (name.equals("process-wall")) {
      return Optional.of(run.wallMillis());
    }
    if (name.equals("peak-rss-kb")) {
      return run.peakRssKb() > 0 ? Optional.of((double) run.peakRssKb()) : Optional.empty();
    }
    if (name.equals("eval")) {
      return evaluation(run.timings());
    }
    if (name.startsWith("timing:")) {
      return Optional.ofNullable(run.timings().get(name.substring("timing:".length())));
    }
    if (name.startsWith("memory:")) {
      return Optional.ofNullable(run.memory().get(name.substring("memory:".length())));
    }
    return Optional.empty();
  }

  /** load + relations + every pack:*, when the command line printed load at least. */
  static Optional<Double> evaluation(Map<String, Double> timings) {
    if (!timings.containsKey("load")) {
      return Optional.empty();
    }
    double sum = timings.get("load") + timings.getOrDefault("relations", 0.0);
    for (Map.Entry<String, Double> phase : timings.entrySet()) {
      if (phase.getKey().startsWith("pack:")) {
        sum += phase.getValue();
      }
    }
    return Optional.of(sum);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private Optional<Double> timeJq(Path file) throws IOException, InterruptedException {
    Optional<Path> jq = ProcessRun.executable("jq");
    if (jq.isEmpty()) {
      return Optional.empty();
    }
    Path program = config.work().resolve("checks.jq");
    try (InputStream in = BenchRunner.class.getResourceAsStream("checks.jq")) {
      Files.write(program, in.readAllBytes());
    }
    List<Double> walls = new ArrayList<>();
    for (int run = 0; run < config.runs(); run++) {
      ProcessRun measured = ProcessRun.run(List.of(jq.get().toString(), "-c", "-f", program.toString(), file.toString()),
          Map.of(), config.work().resolve("logs").resolve("jq.stderr.txt"), config.timeoutSeconds());
      if (!measured.succeeded()) {
        out.println("  jq failed: " + String.join(" / ", measured.otherStderr()));
        return Optional.empty();
      }
      walls.add(measured.wallMillis());
    }
    return Optional.of(median(walls));
  }

  // ---------------------------------------------------------------- printing

  private void printSize(SizeResult result) {
    Map<String, Double> median = result.median();
    Optional<Double> floor = Optional.ofNullable(median.get("timing:floor"));
    out.printf(Locale.ROOT, "%n== %,d deployments: %,d resources, %.1f MiB, %s (median of %d run%s)%n",
        result.deployments(), result.topology().resources(), result.topology().bytes() / 1048576.0,
        result.topology().file().getFileName(), result.runs().size(), result.runs().size() == 1 ? "" : "s");
    if (result.runs().stream().noneMatch(ProcessRun::succeeded)) {
      out.println("NO RUN FINISHED: the figures below are of failed or killed runs");
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s %12s", "figure", "median"));
    for (int run = 1; run <= result.runs().size(); run++) {
      header.append(String.format(Locale.ROOT, " %12s", "run " + run));
    }
    header.append(String.format(Locale.ROOT, " %9s", "/ floor"));
    out.println(header);
    for (String name : median.keySet()) {
      if (name.equals("memory:peak-rss-kb")) {
        continue;
      }
      String label;
      ToDoubleFunction<Double> unit = value -> value;
      boolean memory = name.equals("peak-rss-kb") || name.startsWith("memory:");
      if (name.equals("wall")) {
        label = "wall (audit: process - floor)";
      } else if (name.equals("process-wall")) {
        label = "wall (process, floor incl.)";
      } else if (name.equals("peak-rss-kb")) {
        label = "peak RSS (" + result.runs().get(0).rssSource() + ")";
      } else if (name.equals("eval")) {
        label = "load+relations+packs";
      } else {
        label = name.substring(name.indexOf(':') + 1);
      }
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-30s %12s", label,
          memory ? rss(median.get(name)) : millis(median.get(name))));
      for (ProcessRun run : result.runs()) {
        Optional<Double> value = figure(run, name);
        row.append(String.format(Locale.ROOT, " %12s", value.map(v -> memory ? rss(v) : millis(v)).orElse("-")));
      }
      if (!memory && floor.isPresent() && floor.get() > 0 && !name.equals("timing:floor")) {
        row.append(String.format(Locale.ROOT, " %8.2fx", median.get(name) / floor.get()));
      }
      out.println(row);
    }
    if (median.containsKey("eval") && floor.isPresent()) {
      double ratio = median.get("eval") / floor.get();
      out.printf(Locale.ROOT, "(load+relations+packs)/floor = %.2f (target <= %.0f: %s)%n", ratio, FLOOR_RATIO_TARGET,
          ratio <= FLOOR_RATIO_TARGET ? "met" : "missed");
    } else {
      List<String> missing = new ArrayList<>();
      if (floor.isEmpty()) {
        missing.add("floor");
      }
      if (!median.containsKey("eval")) {
        missing.add("load");
      }
      out.println("(load+relations+packs)/floor: n/a, the command line printed no plumbline-timing "
          + String.join(" or ", missing) + " line");
    }
    result.runnerFloorMillis().ifPresent(ms -> out.printf(Locale.ROOT,
        "floor measured by the runner (its own JVM, streaming token read): %s%n", millis(ms)));
    result.jqMillis().ifPresent(ms -> out.printf(Locale.ROOT, "jq, seven simple checks (bench/.../checks.jq): %s wall%n", millis(ms)));
    if (!result.reportBytes().isEmpty()) {
      List<String> sizes = new ArrayList<>();
      result.reportBytes().forEach((name, bytes) -> sizes.add(name + " " + mib(bytes)));
      out.println("reports: " + String.join(", ", sizes));
    }
  }

  private Map<String, Object> printLinearity(List<SizeResult> all) {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<SizeResult> results = all.stream().filter(r -> r.runs().stream().anyMatch(ProcessRun::succeeded)).toList();
    if (results.size() < 2) {
      if (all.size() >= 2) {
        out.printf(Locale.ROOT, "%n== linearity: n/a, fewer than two sizes had a run that finished%n");
      }
      return figures;
    }
    SizeResult base = results.get(0);
    boolean inJvm = results.stream().allMatch(r -> r.median().containsKey("eval"));
    String measure = inJvm ? "eval" : "wall";
    out.printf(Locale.ROOT, "%n== linearity: %s, normalised to a doubling (target <= %.1f)%n",
        inJvm ? "load+relations+packs" : "whole-process wall (the command line printed no phase timings)", LINEARITY_TARGET);
    figures.put("measure", inJvm ? "load+relations+packs" : "wall");
    for (SizeResult result : results.subList(1, results.size())) {
      double scale = (double) result.deployments() / base.deployments() / 2;
      double ratio = result.median().get(measure) / (scale * base.median().get(measure));
      String label = scale == 1 ? String.format(Locale.ROOT, "%,d / %,d", result.deployments(), base.deployments())
          : String.format(Locale.ROOT, "%,d / (%s x %,d)", result.deployments(), trim(scale), base.deployments());
      out.printf(Locale.ROOT, "%-30s %6.2f  (%s vs %s)%s%n", label, ratio, millis(result.median().get(measure)),
          millis(base.median().get(measure)), ratio <= LINEARITY_TARGET ? "" : "  missed");
      figures.put(result.deployments() + "/" + base.deployments(), ratio);
    }
    return figures;
  }

  // ---------------------------------------------------------------- browser and example

  private Map<String, Object> measureBrowser(SizeResult largest, Optional<SizeResult> opened)
      throws IOException, InterruptedException {
    Map<String, Object> figures = new LinkedHashMap<>();
    if (!config.browser()) {
      return figures;
    }
    out.printf(Locale.ROOT, "%n== HTML report in headless Chromium%n");
    if (ReportBrowser.tools().isEmpty()) {
      out.println("skipped: chromium or chromedriver is not installed");
      return figures;
    }
    Long largestHtml = largest.reportBytes().get("plumbline.html");
    if (opened.isEmpty() || !Files.isRegularFile(reportsOf(opened.get().deployments()).resolve("plumbline.html"))) {
      out.println("skipped: no HTML report" + (largestHtml == null ? " was written"
          : String.format(Locale.ROOT, " under --browser-max-mib %d (%,d deployments: %s)", config.browserMaxMib(),
              largest.deployments(), mib(largestHtml))));
      return figures;
    }
    Path html = reportsOf(opened.get().deployments()).resolve("plumbline.html");
    if (opened.get().deployments() != largest.deployments()) {
      String why = largestHtml == null || !largest.runs().get(largest.runs().size() - 1).succeeded()
          ? "was not written in full (its audit did not finish)"
          : "is " + mib(largestHtml) + ", over --browser-max-mib " + config.browserMaxMib();
      out.printf(Locale.ROOT, "the report of %,d deployments %s; opening the one of %,d%n", largest.deployments(), why,
          opened.get().deployments());
    }
    out.printf(Locale.ROOT, "%,d deployments, %s%n", opened.get().deployments(), mib(Files.size(html)));
    figures.put("deployments", opened.get().deployments());
    try {
      List<ReportBrowser.Opening> openings = ReportBrowser.timeToSummary(html, config.runs(),
          Duration.ofSeconds(config.browserTimeoutSeconds()));
      figures.put("htmlBytes", Files.size(html));
      figures.put("openings", openings);
      if (openings.isEmpty()) {
        out.printf(Locale.ROOT, "time to summary: not shown within %d s%n", config.browserTimeoutSeconds());
      } else {
        double shown = median(openings.stream().map(ReportBrowser.Opening::shownMillis).toList());
        double observed = median(openings.stream().map(ReportBrowser.Opening::observedMillis).toList());
        figures.put("medianShownMillis", shown);
        figures.put("medianObservedMillis", observed);
        out.printf(Locale.ROOT, "time to summary (#verdict and #scorecard painted, from navigation start): %s"
            + " (median of %d; target <= 3 s)%n", millis(shown), openings.size());
        out.printf(Locale.ROOT, "as WebDriver can first report it, from asking to navigate: %s%n", millis(observed));
        if (openings.size() < config.runs()) {
          out.printf(Locale.ROOT, "(%d more opening(s) did not show the summary within %d s)%n",
              config.runs() - openings.size(), config.browserTimeoutSeconds());
        }
      }
    } catch (IOException | RuntimeException e) {
      out.println("failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
      figures.put("error", e.toString());
    }
    return figures;
  }

  private Map<String, Object> measureExample() throws IOException, InterruptedException {
    Path example = config.root().resolve("examples/posit-connect-ha/compliant.json");
    Map<String, Object> figures = new LinkedHashMap<>();
    if (!Files.isRegularFile(example)) {
      return figures;
    }
    List<Double> walls = new ArrayList<>();
    // The README's own command: the launcher adds the class-data sharing archive and C1 for small inputs.
    List<String> command = List.of(config.root().resolve("plumbline").toString(), "audit", example.toString(), "-q");
    ProcessRun.run(command, Map.of(), config.work().resolve("logs").resolve("example-archive.stderr.txt"), config.timeoutSeconds());
    for (int run = 0; run < 3; run++) {
      ProcessRun measured = ProcessRun.run(command, Map.of(), config.work().resolve("logs").resolve("example.stderr.txt"), config.timeoutSeconds());
      if (!measured.succeeded()) {
        out.println("example run failed: exit " + measured.exitCode() + " " + String.join(" / ", measured.otherStderr()));
      }
      walls.add(measured.wallMillis());
    }
    double median = median(walls);
    out.printf(Locale.ROOT, "%n== bundled example, cold JVM: `./plumbline audit examples/posit-connect-ha/compliant.json -q` (the README's command)%n");
    out.printf(Locale.ROOT, "wall %s (median of 3: %s; target <= 1 s)%n", millis(median),
        String.join(", ", walls.stream().map(BenchRunner::millis).toList()));
    figures.put("runsMillis", walls);
    figures.put("medianMillis", median);
    return figures;
  }

  // ---------------------------------------------------------------- JSON

  private void writeJson(List<SizeResult> results, Map<String, Object> linearity, Map<String, Object> browser,
      Map<String, Object> example) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("plumblineBench", 1);
    root.put("jar", config.jar().toString());
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("java", javaVersion());
    root.put("loadAverage", loadAverage());
    List<Object> sizes = new ArrayList<>();
    for (SizeResult result : results) {
      Map<String, Object> size = new LinkedHashMap<>();
      size.put("deployments", result.deployments());
      size.put("file", result.topology().file().toString());
      size.put("resources", result.topology().resources());
      size.put("bytes", result.topology().bytes());
      size.put("median", result.median());
      Double floor = result.median().get("timing:floor");
      Double eval = result.median().get("eval");
      size.put("evalToFloor", floor != null && eval != null && floor > 0 ? eval / floor : null);
      size.put("runnerFloorMillis", result.runnerFloorMillis().orElse(null));
      size.put("jqMillis", result.jqMillis().orElse(null));
      size.put("reportBytes", result.reportBytes());
      List<Object> runs = new ArrayList<>();
      for (ProcessRun run : result.runs()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("exitCode", run.exitCode());
        one.put("killed", run.killed().orElse(null));
        one.put("wallMillis", run.wallMillis());
        one.put("peakRssKb", run.peakRssKb());
        one.put("rssSource", run.rssSource());
        one.put("timings", run.timings());
        one.put("memory", run.memory());
        runs.add(one);
      }
      size.put("runs", runs);
      sizes.add(size);
    }
    root.put("sizes", sizes);
    root.put("linearity", linearity);
    root.put("browser", browser);
    root.put("example", example);
    Path file = config.jsonFile().orElseThrow().toAbsolutePath();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    json.writeValue(file.toFile(), root);
    out.println();
    out.println("figures written to " + file);
  }

  // ---------------------------------------------------------------- small helpers

  static String millis(double ms) {
    return ms >= 10_000 ? String.format(Locale.ROOT, "%,.1f s", ms / 1000) : String.format(Locale.ROOT, "%,.0f ms", ms);
  }

  static String rss(double kb) {
    return kb <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f MiB", kb / 1024);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String javaVersion() {
    return System.getProperty("java.runtime.version", System.getProperty("java.version"));
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return "load average " + fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "load average unknown";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
