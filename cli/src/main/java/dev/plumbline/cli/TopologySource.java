package dev.plumbline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.live.LiveOptions;
import dev.plumbline.core.load.InputException;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.model.TopologyBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * What {@code audit} and {@code snapshot} read, declared and read the same way (a picocli mixin):
 * INPUT files or a live scope (never both), then the Connect node facts, with the source described
 * for a snapshot.
 */
final class TopologySource {

  @Parameters(arity = "0..*", paramLabel = "INPUT",
      description = "Topology files, merged into one topology (or name a live scope with --subscription).")
  List<Path> inputs = new ArrayList<>();

  @CommandLine.Mixin
  LiveScopeOptions live = new LiveScopeOptions();

  @CommandLine.Mixin
  NodeFactsOptions nodeFacts = new NodeFactsOptions();

  /** The topology and what a snapshot of it should say it holds. */
  record Loaded(Topology topology, ObjectNode source) {}

  /** Why nothing could be read: a usage error (exit 2) or an input that could not be loaded (exit 3). */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    Failed(int exitCode, String message, Throwable cause) {
      super(message, cause);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /**
   * Reads the topology.
   *
   * @param clock where phase times go, or null
   */
  Loaded load(TopologyLoader loader, PrintWriter err, boolean verbose, Function<String, String> environment,
      PhaseClock clock) throws Failed {
    if (live.isLive() == !inputs.isEmpty()) {
      throw new Failed(ExitCodes.USAGE, inputs.isEmpty()
          ? "give INPUT files, or a live scope with --subscription or --management-group"
          : "give INPUT files or a live scope, not both", null);
    }
    Topology topology;
    ObjectNode source;
    try {
      if (live.isLive()) {
        LiveOptions options = live.toOptions(err, System.console() != null, verbose, environment);
        long started = System.nanoTime();
        topology = LiveLoading.load(options);
        record(clock, "load", started);
        source = LiveLoading.source(options);
      } else {
        if (clock != null) {
          clock.floor(inputs);
        }
        TopologyBuilder builder = new TopologyBuilder();
        long started = System.nanoTime();
        for (Path input : inputs) {
          loader.read(input, builder);
        }
        long loading = System.nanoTime() - started;
        if (clock != null) {
          clock.record("load", loading);
          // Streamed inputs are parsed and modelled a resource at a time; the loader tells the two apart.
          clock.record("load:parse", loading - loader.modelNanos());
          clock.record("load:model", loader.modelNanos());
        }
        started = System.nanoTime();
        topology = builder.build();
        record(clock, "relations", started);
        source = SnapshotCommand.source(inputs);
      }
      return new Loaded(nodeFacts.addTo(topology, environment), source);
    } catch (LiveScopeOptions.Invalid | NodeFactsOptions.Invalid e) {
      throw new Failed(ExitCodes.USAGE, e.getMessage(), e);
    } catch (InputException | LiveLoading.Unreadable | IOException e) {
      throw new Failed(ExitCodes.INPUT, e.getMessage(), e);
    }
  }

  private static void record(PhaseClock clock, String phase, long started) {
    if (clock != null) {
      clock.record(phase, System.nanoTime() - started);
    }
  }
}
