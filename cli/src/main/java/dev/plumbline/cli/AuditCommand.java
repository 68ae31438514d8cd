package dev.plumbline.cli;

import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.engine.Timings;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.core.rule.Severity;
import dev.plumbline.reports.ReportContext;
import dev.plumbline.reports.ReportFormats;
import dev.plumbline.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Audits offline inputs against the rule packs and writes the reports. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
        "Audit a topology against the rule packs and report every finding.",
        "Read it live from Azure (--subscription, read-only: only GETs and the Resource Graph query) or from files.",
        "INPUT files may be ARM resource arrays, ARM list responses, Resource Graph results, `az group export`"
            + " templates or Plumbline snapshots; several are merged into one topology."})
final class AuditCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  TopologySource from = new TopologySource();

  @Option(names = "--save-snapshot", paramLabel = "FILE",
      description = "Also write the topology that was audited as a Plumbline snapshot, to repeat the audit offline or keep as evidence.")
  Path saveSnapshot;

  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "Report formats, comma-separated: ${COMPLETION-CANDIDATES} (default: text).",
      completionCandidates = FormatNames.class)
  List<String> formats = new ArrayList<>(List.of("text"));

  @Option(names = {"-o", "--output"}, paramLabel = "PATH",
      description = "Where reports go: a file when one format is written, a directory (each report named plumbline.<ext>) when several are."
          + " Without it the report goes to standard output.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "Exit 1 when a FAIL, ERROR or UNKNOWN finding is at or above this severity: high, medium, low, info, or never (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--unknown", paramLabel = "POLICY", defaultValue = "fail",
      description = "How UNKNOWN findings count toward the exit code: fail or warn (default: ${DEFAULT-VALUE}).")
  String unknown;

  @Option(names = "--param", paramLabel = "RULE-ID.NAME=VALUE",
      description = "Override a rule parameter, e.g. --param PCHA-PG-03.minStorageGb=128 (repeatable).")
  List<String> parameters = new ArrayList<>();

  @Option(names = "--force", description = "Overwrite an existing output file even when it is not a Plumbline report.")
  boolean force;

  @Option(names = {"-q", "--quiet"}, description = "Do not print the table when reports are written to files.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Show stack traces of internal errors, and log each live request line (never headers or tokens).")
  boolean verbose;

  @Option(names = "--timestamp", paramLabel = "TIME",
      description = "When the audit is said to have run (RFC 3339, e.g. 2026-11-01T00:00:00Z), for reproducible reports;"
          + " defaults to SOURCE_DATE_EPOCH when that is set, else now.")
  String timestamp;

  @Option(names = "--sarif-include-passing", description = "List passing results in SARIF too (as kind: pass).")
  boolean sarifIncludePassing;

  @Option(names = "--sarif-category", paramLabel = "ID",
      description = "SARIF runAutomationDetails.id, to upload several analyses for one commit.")
  String sarifCategory;

  /** Reports larger than this get a warning on standard error. */
  static final long LARGE_REPORT_BYTES = 20L * 1024 * 1024;

  /** Reads environment variables; a seam so tests can set SOURCE_DATE_EPOCH. */
  Function<String, String> environment = System::getenv;

  /** The clock for the default timestamp. */
  Clock clock = Clock.systemUTC();

  @Option(names = "--template-subscription", paramLabel = "ID", defaultValue = TopologyLoader.TEMPLATE_SUBSCRIPTION,
      description = "Subscription an `az group export` template is taken to be deployed in (default: ${DEFAULT-VALUE}).")
  String templateSubscription;

  @Option(names = "--template-resource-group", paramLabel = "NAME", defaultValue = TopologyLoader.TEMPLATE_RESOURCE_GROUP,
      description = "Resource group an `az group export` template is taken to be deployed in (default: ${DEFAULT-VALUE}).")
  String templateResourceGroup;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold;
    boolean never = failOn.equalsIgnoreCase("never");
    try {
      threshold = never ? Severity.INFO : Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      return usage(err, "invalid --fail-on '" + failOn + "': expected high, medium, low, info or never");
    }
    String policy = unknown.toLowerCase(Locale.ROOT);
    if (!policy.equals("fail") && !policy.equals("warn")) {
      return usage(err, "invalid --unknown '" + unknown + "': expected fail or warn");
    }
    List<ReportWriter> writers = new ArrayList<>();
    for (String format : formats) {
      ReportWriter writer = ReportFormats.named(format.trim()).orElse(null);
      if (writer == null) {
        return usage(err, "unknown format '" + format + "': expected one of " + String.join(", ", formatNames()));
      }
      if (!writers.contains(writer)) {
        writers.add(writer);
      }
    }
    Map<ReportWriter, Path> targets;
    try {
      targets = targets(writers);
    } catch (UsageException e) {
      return usage(err, e.getMessage());
    }
    String generatedAt;
    try {
      generatedAt = generatedAt();
    } catch (UsageException e) {
      return usage(err, e.getMessage());
    }
    RuleParameters overrides;
    try {
      overrides = RuleParameters.parse(parameters);
    } catch (ParameterException e) {
      return usage(err, e.getMessage());
    }

    if (saveSnapshot != null && !force && Files.exists(saveSnapshot) && !SnapshotCommand.isSnapshot(saveSnapshot)) {
      return usage(err, "refusing to overwrite " + saveSnapshot + ": it is not a Plumbline snapshot (pass --force to overwrite it)");
    }
    PhaseClock clock = PhaseClock.fromEnvironment(environment, err);
    TopologySource.Loaded loaded;
    try {
      loaded = from.load(new TopologyLoader(templateSubscription, templateResourceGroup),
          err, verbose, environment, clock);
    } catch (TopologySource.Failed e) {
      if (e.exitCode() == ExitCodes.USAGE) {
        return usage(err, e.getMessage());
      }
      err.println("plumbline: " + e.getMessage());
      if (verbose) {
        e.getCause().printStackTrace(err);
      }
      return e.exitCode();
    }
    Topology topology = loaded.topology();
    if (saveSnapshot != null) {
      try {
        SnapshotCommand.write(topology, loaded.source(), saveSnapshot);
      } catch (IOException e) {
        err.println("plumbline: cannot write the snapshot: " + e.getMessage());
        return ExitCodes.INTERNAL;
      }
    }
    AuditResult result;
    try {
      result = new AuditEngine().evaluate(topology, Packs.all(), overrides, clock == null ? Timings.NONE : clock)
          .generatedAt(generatedAt);
    } catch (ParameterException e) {
      return usage(err, e.getMessage());
    }
    int exitCode = never || result.blocking(threshold, policy.equals("fail")).isEmpty() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    List<String> siblings = targets.values().stream().filter(java.util.Objects::nonNull)
        .map(path -> path.getFileName().toString()).toList();
    ReportContext context = new ReportContext(exitCode, failOn.toLowerCase(Locale.ROOT), sarifIncludePassing,
        Optional.ofNullable(sarifCategory), siblings, Packs::docPage);

    try {
      List<Map.Entry<ReportWriter, Path>> files = new ArrayList<>();
      for (Map.Entry<ReportWriter, Path> target : targets.entrySet()) {
        if (target.getValue() == null) {
          target.getKey().write(result, context, out);
        } else {
          files.add(target);
        }
      }
      writeFiles(files, result, context, clock);
      for (Map.Entry<ReportWriter, Path> target : files) {
        long size = Files.size(target.getValue());
        if (size > LARGE_REPORT_BYTES) {
          // Browsers and CI viewers struggle past this size (REPORT-DESIGN.md §2); say so rather than fail.
          err.println("plumbline: warning: " + target.getValue() + " is " + (size / (1024 * 1024))
              + " MB; large reports open slowly, narrow the scope or rely on the JSON/SARIF output");
        }
      }
      if (output != null && !quiet && !targets.containsKey(ReportFormats.named("text").orElseThrow())) {
        ReportFormats.named("text").orElseThrow().write(result, context, out);
      }
    } catch (IOException e) {
      err.println("plumbline: cannot write the report: " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    out.flush();
    if (clock != null) {
      clock.finish();
    }
    return exitCode;
  }

  private static void time(PhaseClock clock, String phase, long started) {
    if (clock != null) {
      clock.record(phase, System.nanoTime() - started);
    }
  }

  /** The report time: --timestamp, else SOURCE_DATE_EPOCH (seconds), else now; RFC 3339 in UTC. */
  private String generatedAt() throws UsageException {
    if (timestamp != null) {
      try {
        return DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse(timestamp).toInstant());
      } catch (DateTimeParseException e) {
        throw new UsageException("invalid --timestamp '" + timestamp + "': expected RFC 3339, e.g. 2026-11-01T00:00:00Z");
      }
    }
    String epoch = environment.apply("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(Long.parseLong(epoch.trim())));
      } catch (NumberFormatException e) {
        throw new UsageException("invalid SOURCE_DATE_EPOCH '" + epoch + "': expected whole seconds since 1970");
      }
    }
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Where each writer writes: null for standard output. */
  private Map<ReportWriter, Path> targets(List<ReportWriter> writers) throws UsageException {
    Map<ReportWriter, Path> targets = new LinkedHashMap<>();
    if (output == null) {
      List<ReportWriter> nonText = writers.stream().filter(w -> !w.format().equals("text")).toList();
      if (nonText.size() > 1) {
        throw new UsageException("several formats need -o DIR, a directory to write them to");
      }
      targets.put(nonText.isEmpty() ? writers.get(0) : nonText.get(0), null);
      return targets;
    }
    boolean directory = writers.size() > 1 || Files.isDirectory(output);
    for (ReportWriter writer : writers) {
      Path target = directory ? output.resolve("plumbline." + writer.extension()) : output;
      for (Path input : from.inputs) {
        if (sameFile(input, target)) {
          throw new UsageException("refusing to write the " + writer.format() + " report over the input " + input);
        }
      }
      if (Files.exists(target) && !force && !wroteBefore(writer, target)) {
        throw new UsageException("refusing to overwrite " + target + ": it is not a Plumbline " + writer.format()
            + " report (pass --force to overwrite it)");
      }
      targets.put(writer, target);
    }
    return targets;
  }

  private static boolean sameFile(Path input, Path target) {
    try {
      if (Files.exists(input) && Files.exists(target)) {
        return Files.isSameFile(input, target);
      }
    } catch (IOException e) {
      return true;
    }
    return input.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
  }

  /** Whether an existing file is a report this writer wrote before, and so may be replaced. */
  private static boolean wroteBefore(ReportWriter writer, Path target) {
    if (Files.isDirectory(target)) {
      return false;
    }
    try (var in = Files.newInputStream(target)) {
      return writer.wrote(new String(in.readNBytes(1024), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes beside the target and moves into place, so a failed run never leaves half a report. */
  /**
   * Writes the report files side by side, one writer a core: each reads the same finished result,
   * and the HTML report alone takes as long as the others together.
   */
  private static void writeFiles(List<Map.Entry<ReportWriter, Path>> files, AuditResult result, ReportContext context,
      PhaseClock clock) throws IOException {
    if (files.size() <= 1) {
      for (Map.Entry<ReportWriter, Path> target : files) {
        writeFile(target.getKey(), target.getValue(), result, context, clock);
      }
      return;
    }
    int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "plumbline-report");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Void>> written = new ArrayList<>();
      for (Map.Entry<ReportWriter, Path> target : files) {
        written.add(pool.submit(() -> {
          writeFile(target.getKey(), target.getValue(), result, context, clock);
          return null;
        }));
      }
      for (Future<Void> one : written) {
        try {
          one.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while writing the reports", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void writeFile(ReportWriter writer, Path target, AuditResult result, ReportContext context,
      PhaseClock clock) throws IOException {
    long started = System.nanoTime();
    // As bytes: the JSON, SARIF and HTML writers encode UTF-8 themselves, faster than through a Writer.
    AtomicFile.write(target, out -> {
      OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
      writer.write(result, context, buffered);
      buffered.flush();
    });
    time(clock, "report:" + writer.format(), started);
  }

  private int usage(PrintWriter err, String message) {
    err.println("plumbline: " + message);
    err.println("Try 'plumbline audit --help' for more information.");
    return ExitCodes.USAGE;
  }

  private static List<String> formatNames() {
    return ReportFormats.all().stream().map(ReportWriter::format).toList();
  }

  /** The format names, for picocli's help text. */
  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      super(formatNames());
    }
  }

  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
