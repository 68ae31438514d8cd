package dev.plumbline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process, timed from outside: wall time around the whole process, peak RSS from the kernel's
 * high-water mark, and whatever {@code plumbline-timing}/{@code plumbline-memory} lines it printed to
 * standard error.
 *
 * @param command what ran
 * @param exitCode the exit code, or -1 when the process was killed for running too long
 * @param wallMillis wall time from start to exit, in milliseconds
 * @param peakRssKb peak resident set size in KiB, or -1 when not known
 * @param rssSource where {@code peakRssKb} came from: "plumbline-memory", "/proc VmHWM" or "unknown"
 * @param timings the {@code plumbline-timing PHASE MILLIS} lines, in order; a phase printed twice is summed
 * @param memory the {@code plumbline-memory NAME VALUE} lines
 * @param otherStderr the other lines on standard error (warnings, errors)
 * @param killed why the runner killed the process ("ran over N s", "disk nearly full"), or empty
 */
record ProcessRun(List<String> command, int exitCode, double wallMillis, long peakRssKb, String rssSource,
    Map<String, Double> timings, Map<String, Double> memory, List<String> otherStderr, Optional<String> killed) {

  private static final Pattern TIMING = Pattern.compile("^plumbline-timing\\s+(\\S+)\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\s*$");
  private static final Pattern MEMORY = Pattern.compile("^plumbline-memory\\s+(\\S+)\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\s*$");
  private static final Pattern HWM = Pattern.compile("^VmHWM:\\s+([0-9]+)\\s+kB", Pattern.MULTILINE);
  private static final long POLL_MILLIS = 20;
  private static final long DISK_CHECK_MILLIS = 250;

  boolean succeeded() {
    return killed.isEmpty() && exitCode == 0;
  }

  /** The exit code, or why the process was killed. */
  String outcome() {
    return killed.map(reason -> "killed: " + reason).orElse("exit " + exitCode);
  }

  /** A guard on the disk the process writes to: it is killed when less than {@code minFreeBytes} stay free. */
  record DiskGuard(Path dir, long minFreeBytes) {
    static final DiskGuard NONE = new DiskGuard(null, 0);

    boolean tripped() {
      if (dir == null) {
        return false;
      }
      try {
        return Files.getFileStore(dir).getUsableSpace() < minFreeBytes;
      } catch (IOException e) {
        return false;
      }
    }
  }

  /**
   * Runs {@code command}, standard output discarded and standard error kept in {@code stderrFile}.
   *
   * @param environment variables added to the runner's own
   * @param timeoutSeconds the process is killed after this long
   */
  static ProcessRun run(List<String> command, Map<String, String> environment, Path stderrFile, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(command, environment, stderrFile, timeoutSeconds, DiskGuard.NONE);
  }

  /** As {@link #run(List, Map, Path, long)}, and kills the process when {@code disk} trips. */
  static ProcessRun run(List<String> command, Map<String, String> environment, Path stderrFile, long timeoutSeconds,
      DiskGuard disk) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderrFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    builder.environment().putAll(environment);
    AtomicLong hwm = new AtomicLong(-1);
    long start = System.nanoTime();
    Process process = builder.start();
    Thread poller = new Thread(() -> pollHighWaterMark(process, hwm), "rss-poller-" + process.pid());
    poller.setDaemon(true);
    poller.start();
    long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    String killed = null;
    while (!process.waitFor(DISK_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
      if (System.nanoTime() - deadline > 0) {
        killed = "ran over " + timeoutSeconds + " s";
      } else if (disk.tripped()) {
        killed = "less than " + disk.minFreeBytes() / (1L << 30) + " GiB left free on the disk of " + disk.dir();
      }
      if (killed != null) {
        break;
      }
    }
    boolean finished = killed == null;
    double wall = (System.nanoTime() - start) / 1e6;
    if (!finished) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    poller.join(1000);
    List<String> lines = Files.exists(stderrFile) ? Files.readAllLines(stderrFile, StandardCharsets.UTF_8) : List.of();
    Map<String, Double> timings = new LinkedHashMap<>();
    Map<String, Double> memory = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (String line : lines) {
      Matcher timing = TIMING.matcher(line);
      Matcher mem = MEMORY.matcher(line);
      if (timing.matches()) {
        timings.merge(timing.group(1), Double.parseDouble(timing.group(2)), Double::sum);
      } else if (mem.matches()) {
        memory.put(mem.group(1), Double.parseDouble(mem.group(2)));
      } else if (!line.isBlank()) {
        other.add(line);
      }
    }
    long rss = -1;
    String source = "unknown";
    Double reported = memory.get("peak-rss-kb");
    if (reported != null) {
      rss = reported.longValue();
      source = "plumbline-memory";
    } else if (hwm.get() > 0) {
      rss = hwm.get();
      source = "/proc VmHWM";
    }
    return new ProcessRun(List.copyOf(command), finished ? process.exitValue() : -1, wall, rss, source,
        timings, memory, other, Optional.ofNullable(killed));
  }

  /** Reads VmHWM (the kernel's own peak RSS) every 20 ms until the process ends; the last read before exit wins. */
  private static void pollHighWaterMark(Process process, AtomicLong hwm) {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    while (process.isAlive()) {
      readHighWaterMark(status).ifPresent(kb -> hwm.accumulateAndGet(kb, Math::max));
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Optional<Long> readHighWaterMark(Path status) {
    try {
      Matcher matcher = HWM.matcher(Files.readString(status));
      return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An executable named {@code name} on the PATH. */
  static Optional<Path> executable(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
