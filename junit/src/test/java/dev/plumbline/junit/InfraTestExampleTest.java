package dev.plumbline.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Compiles {@code examples/infra-test} against this build and runs it through the JUnit engine on
 * the compliant example and on a violation, the two ways a user's CI would. ({@code .ci/run} also
 * builds it as the stand-alone Maven project it is.)
 */
class InfraTestExampleTest {

  private static final Path PROJECT = Examples.root().resolve("examples/infra-test");

  @TempDir
  Path classes;

  private Class<?> compileSuite() throws IOException, ClassNotFoundException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(PROJECT.resolve("src/test/java"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
        "-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
    arguments.addAll(sources);
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    assertThat(status).as("compiling %s: %s", PROJECT, diagnostics).isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass("com.example.connect.ConnectReferenceDesignTest");
  }

  private Events run(Class<?> suite, Path snapshot) {
    String before = System.getProperty("plumbline.snapshot");
    System.setProperty("plumbline.snapshot", snapshot.toAbsolutePath().toString());
    try {
      return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
    } finally {
      if (before == null) {
        System.clearProperty("plumbline.snapshot");
      } else {
        System.setProperty("plumbline.snapshot", before);
      }
    }
  }

  private static List<String> failedWith(Events events) {
    return events.failed().stream().map(event -> event.getTestDescriptor().getDisplayName() + "\n"
        + event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()).toList();
  }

  @Test
  void theExampleSuitePassesOnTheCompliantDeploymentAndFailsReadablyOnAViolation() throws Exception {
    Class<?> suite = compileSuite();

    Events compliant = run(suite, Examples.compliant());
    Events broken = run(suite, Examples.violation("no-cookie-affinity"));

    assertThat(failedWith(compliant)).isEmpty();
    assertThat(compliant.succeeded().count()).isGreaterThan(40);
    assertThat(failedWith(broken)).satisfiesExactlyInAnyOrder(
        failure -> assertThat(failure).startsWith("PCHA-AGW-02 Connect.Gateway.CookieAffinity [settings-connect]\n")
            .contains("property: properties.cookieBasedAffinity\n  expected: Enabled\n  actual:   Disabled\n"),
        failure -> assertThat(failure).startsWith("usersStayOnTheirNodeAndTheDatabaseIsTheTestedOne(Topology)\n")
            .contains("Expecting Application Gateway agw-connect to have cookie-based affinity")
            .contains("rule:     PCHA-AGW-02 Connect.Gateway.CookieAffinity (HIGH)"),
        failure -> assertThat(failure).startsWith("nothingHighIsOpen(AuditResult)\n")
            .contains("Expecting no findings at or above HIGH, but found 1:")
            .contains("resource: settings-connect"));
  }

  @Test
  void theExampleIsAStandAloneProjectThatDependsOnlyOnThePublishedArtifact() throws IOException {
    String pom = Files.readString(PROJECT.resolve("pom.xml"));

    assertThat(pom).contains("<artifactId>plumbline-junit</artifactId>").doesNotContain("<parent>")
        .doesNotContain("<module>");
    assertThat(PROJECT.resolve("src/test/java/com/example/connect/HouseRules.java")).exists();
    assertThat(new File(PROJECT.toFile(), "src/main")).doesNotExist();
  }
}
