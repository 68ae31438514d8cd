package dev.plumbline.bench;

import dev.plumbline.core.engine.AuditEngine;
import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Topology;
import dev.plumbline.core.rule.ParameterException;
import dev.plumbline.core.rule.RuleParameters;
import dev.plumbline.rules.positconnect.PositConnectHaPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule engine alone, on a topology already in memory: what evaluating the Posit Connect HA pack
 * costs once loading is done. Run with {@code java -cp 'bench/target/plumbline-bench.jar:bench/target/lib/*'
 * org.openjdk.jmh.Main EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EngineBenchmark {

  /** Copies of the reference deployment in the topology. */
  @Param({"100", "1000"})
  public int deployments;

  private Topology topology;

  /** Generates and loads the topology once per trial; the file is deleted as soon as it is read. */
  @Setup(Level.Trial)
  public void load() throws Exception {
    Path dir = Files.createTempDirectory("plumbline-bench-");
    TopologyGenerator.Options options = TopologyGenerator.Options.of(deployments, TopologyGenerator.Shape.ARM);
    Path file = dir.resolve(options.fileName());
    try {
      TopologyGenerator.generate(options, file);
      topology = new TopologyLoader().load(file);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  @Benchmark
  public AuditResult evaluate() throws ParameterException {
    return new AuditEngine().evaluate(topology, List.of(new PositConnectHaPack()), RuleParameters.defaults());
  }
}
