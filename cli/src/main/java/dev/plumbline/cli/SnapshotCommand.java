package dev.plumbline.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.load.SnapshotWriter;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the topology of a live scope (or of files) as a native snapshot, gaps included. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
        "Read a topology and write it as a Plumbline snapshot, so an audit can be repeated offline and attached as evidence.",
        "Live reads are read-only: only GETs and the Resource Graph query leave the process. The least role needed is Reader."})
final class SnapshotCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  TopologySource from = new TopologySource();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the snapshot; standard output without it.")
  Path output;

  @Option(names = "--force", description = "Overwrite an existing file even when it is not a Plumbline snapshot.")
  boolean force;

  @Option(names = {"-v", "--verbose"}, description = "Log each request line (never headers or tokens), and show stack traces.")
  boolean verbose;

  /** Reads environment variables; a seam for tests. */
  Function<String, String> environment = System::getenv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output != null) {
      for (Path input : from.inputs) {
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
          return usage(err, "refusing to write the snapshot over the input " + input);
        }
      }
      if (Files.exists(output) && !force && !isSnapshot(output)) {
        return usage(err, "refusing to overwrite " + output + ": it is not a Plumbline snapshot (pass --force to overwrite it)");
      }
    }
    Topology topology;
    ObjectNode source;
    try {
      TopologySource.Loaded loaded = from.load(new TopologyLoader(), err, verbose,
          environment, null);
      topology = loaded.topology();
      source = loaded.source();
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
    try {
      if (output == null) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new SnapshotWriter().write(topology, source, bytes);
        out.print(bytes.toString(StandardCharsets.UTF_8));
        out.flush();
      } else {
        write(topology, source, output);
        err.println("plumbline: wrote " + output + " (" + topology.topLevelResources().size() + " resources, "
            + topology.gaps().size() + " gaps)");
      }
    } catch (IOException e) {
      err.println("plumbline: cannot write the snapshot: " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    return ExitCodes.CLEAN;
  }

  static void write(Topology topology, ObjectNode source, Path target) throws IOException {
    AtomicFile.write(target, out -> new SnapshotWriter().write(topology, source, out));
  }

  /** What a snapshot of files says it holds. */
  static ObjectNode source(List<Path> inputs) {
    ObjectNode source = JsonNodeFactory.instance.objectNode();
    source.put("kind", "files");
    source.put("description", inputs.stream().map(Path::toString).collect(Collectors.joining(", ")));
    return source;
  }

  /** Whether the file is a Plumbline snapshot (so writing over it loses nothing the user did not make with us). */
  static boolean isSnapshot(Path file) {
    if (Files.isDirectory(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(256), StandardCharsets.UTF_8);
      return head.replaceAll("\\s", "").startsWith("{\"plumblineSnapshot\":");
    } catch (IOException e) {
      return false;
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("plumbline: " + message);
    err.println("Try 'plumbline snapshot --help' for more information.");
    return ExitCodes.USAGE;
  }
}
