package dev.plumbline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.bench.TopologyGenerator.Options;
import dev.plumbline.bench.TopologyGenerator.Result;
import dev.plumbline.bench.TopologyGenerator.Shape;
import dev.plumbline.core.load.TopologyLoader;
import dev.plumbline.core.model.Gap;
import dev.plumbline.core.model.Resource;
import dev.plumbline.core.model.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generated copies must load as the reference deployment does: every reference resolves inside its copy. */
class TopologyGeneratorTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Shape.class)
  void threeCopiesLoadWithNoDanglingReference(Shape shape) throws Exception {
    Options options = new Options(3, shape, Options.DEFAULT_UNRELATED, 2);
    Result result = TopologyGenerator.generate(options, dir.resolve(options.fileName()));

    Topology topology = new TopologyLoader().load(result.file());

    int perCopy = 16 + Options.DEFAULT_UNRELATED;
    assertThat(result.resources()).isEqualTo(3L * perCopy);
    assertThat(result.violating()).isEqualTo(1);
    assertThat(topology.topLevelResources()).hasSize(3 * perCopy);
    assertThat(topology.gaps()).filteredOn(gap -> gap.kind() == Gap.Kind.DANGLING_REFERENCE).isEmpty();
    assertThat(topology.gaps()).isEmpty();
    for (int copy = 1; copy <= 3; copy++) {
      String group = "/resourceGroups/" + TopologyGenerator.groupName(copy) + "/";
      assertThat(topology.topLevelResources()).filteredOn(r -> r.id().toString().contains(group)).hasSize(perCopy);
    }
    assertThat(topology.topLevelResources()).map(Resource::id).map(Object::toString)
        .noneMatch(id -> id.contains(TopologyGenerator.REFERENCE_GROUP));
  }
}
