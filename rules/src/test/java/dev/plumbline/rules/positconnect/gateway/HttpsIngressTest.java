package dev.plumbline.rules.positconnect.gateway;

import static dev.plumbline.rules.positconnect.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.rule.Evidence;
import dev.plumbline.core.rule.Finding;
import dev.plumbline.core.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpsIngressTest {

  private final HttpsIngress rule = new HttpsIngress();

  @Test
  void judgesEachGatewaysPublicHttpsAndEachHttpListenersRedirect() throws Exception {
    assertThat(outcomes(rule, fixture("PCHA-AGW-05.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("pass-agw", "pass-http-to-url", "pass-http-to-listener", "pass-http-path-map",
            "pass-http-elsewhere"),
        Status.FAIL, Set.of("fail-http-forward", "fail-http-path-forward", "fail-http-to-http", "fail-http-url-plain",
            "fail-http-no-rule", "fail-agw-private", "fail-agw-no-https"),
        Status.UNKNOWN, Set.of("unknown-http-no-target", "unknown-http-dangling-redirect", "unknown-no-protocol",
            "unknown-agw-unreadable", "unknown-protocol-missing")));
  }

  @Test
  void aForwardingListenerNamesThePoolItForwardsTo() throws Exception {
    List<Finding> findings = findings(rule, fixture("PCHA-AGW-05.json"));
    Finding forward = named(findings, "fail-http-forward");
    assertThat(forward.message()).contains("forwards plain HTTP to backend pool pool");
    assertThat(forward.evidence()).containsExactly(
        new Evidence("properties.protocol", "Https, or Http with a redirect to HTTPS", "Http"),
        new Evidence("routing rule rule-forward", "a redirect to an Https listener or an https:// URL", "forwards to pool"));
    assertThat(named(findings, "fail-agw-private").evidence())
        .contains(new Evidence("properties.frontendIPConfigurations", "a frontend with a public IP address", "none"));
  }

  @Test
  void noGatewayIsAFailureOfTheScope() throws Exception {
    assertThat(outcomes(rule, fixture("no-resources.json"))).isEqualTo(Map.of(Status.FAIL, Set.of("scope")));
  }

  @Test
  void theCompliantGatewayRedirectsAndTheHttpOnlyViolationFailsItsHttpListener() throws Exception {
    assertThat(outcomes(rule, example("compliant.json")))
        .isEqualTo(Map.of(Status.PASS, Set.of("agw-connect", "listener-http")));
    assertThat(outcomes(rule, example("violations/gateway-http-only.json"))).isEqualTo(Map.of(
        Status.PASS, Set.of("agw-connect"),
        Status.FAIL, Set.of("listener-http")));
  }

  private static Finding named(List<Finding> findings, String name) {
    return findings.stream().filter(f -> f.subject().name().equals(name)).findFirst().orElseThrow();
  }
}
