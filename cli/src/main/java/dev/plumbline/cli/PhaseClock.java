package dev.plumbline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.plumbline.core.engine.Timings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Phase timings for the benchmark ({@code bench/}): with {@code PLUMBLINE_TIMINGS=1} every phase
 * prints {@code plumbline-timing <phase> <millis>} on standard error, and the run ends with the
 * process's peak RSS. Off, it costs nothing.
 */
final class PhaseClock implements Timings {

  private final PrintWriter err;

  private PhaseClock(PrintWriter err) {
    this.err = err;
  }

  /** A clock that prints when {@code PLUMBLINE_TIMINGS} is set, or null when it is not. */
  static PhaseClock fromEnvironment(Function<String, String> environment, PrintWriter err) {
    String flag = environment.apply("PLUMBLINE_TIMINGS");
    return flag == null || flag.isBlank() || flag.equals("0") ? null : new PhaseClock(err);
  }

  @Override
  public synchronized void record(String phase, long nanos) {
    err.printf("plumbline-timing %s %d%n", phase, nanos / 1_000_000);
    err.flush();
  }

  /**
   * The floor the audit is measured against: a streaming read of every token of the inputs, in
   * this JVM, before the audit reads them.
   */
  void floor(List<Path> inputs) {
    JsonFactory factory = JsonFactory.builder().build();
    long started = System.nanoTime();
    long tokens = 0;
    for (Path input : inputs) {
      try (JsonParser parser = factory.createParser(Files.newInputStream(input))) {
        while (parser.nextToken() != null) {
          tokens++;
        }
      } catch (IOException e) {
        // The audit itself reports unreadable input.
        return;
      }
    }
    record("floor", System.nanoTime() - started);
    err.printf("plumbline-count floor-tokens %d%n", tokens);
  }

  /** The whole process so far (JVM start-up included) and its peak resident memory. */
  void finish() {
    ProcessHandle.current().info().startInstant().ifPresent(start ->
        record("total", Duration.between(start, Instant.now()).toNanos()));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          err.printf("plumbline-memory peak-rss-kb %s%n", line.substring(6).trim().replace(" kB", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not on Linux: no figure, which the runner says.
    }
    err.flush();
  }
}
