package dev.plumbline.rules.positconnect.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NodeFactsTest {

  @Test
  void aRepeatedSingleValuedSettingTakesTheLastValueAsGcfgDoes() throws Exception {
    NodeFacts facts = NodeFacts.of(new ObjectMapper().readTree(
        "{\"name\": \"connect-1\", \"config\": {\"settings\": {\"applications.runas\": [\"rstudio-connect\", \"svc-connect\"]}}}"));

    assertThat(facts.effectiveSetting("Applications.RunAs")).contains("svc-connect");
    assertThat(facts.effectiveSetting("server.address")).isEmpty();
  }
}
