package dev.plumbline.junit;

import dev.plumbline.core.rule.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audits a topology for the test class: {@code @PlumblineTest(snapshot = "compliant.json")}. The
 * topology is loaded once per run for the same source; {@code Topology}, {@code AuditResult} and
 * {@link PlumblineAudit} resolve as test parameters.
 *
 * <p>The system property {@code plumbline.snapshot} (environment {@code PLUMBLINE_SNAPSHOT}),
 * comma-separated files, overrides {@code snapshot}, so CI can point one suite at each night's
 * export. With neither, the source is a live scope from {@code plumbline.subscription}
 * ({@code AZURE_SUBSCRIPTION_ID}) and {@code plumbline.resourceGroups} ({@code
 * PLUMBLINE_RESOURCE_GROUPS}); a live scope without Azure credentials aborts the class's tests
 * with the reason.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(PlumblineExtension.class)
public @interface PlumblineTest {

  /**
   * Input files of any shape Plumbline reads, relative to the working directory; the
   * {@code plumbline.snapshot} system property replaces them when set.
   */
  String[] snapshot() default {};

  /** Built-in pack ids to run; empty runs every built-in pack. */
  String[] packs() default {};

  /** Parameter overrides as on the command line: {@code PCHA-PG-03.minStorageGb=128}. */
  String[] parameters() default {};

  /** A suppressions file, relative to the working directory; empty for none. */
  String suppressions() default "";

  /** Files holding Connect node facts (a snapshot with {@code nodes}), added to the topology. */
  String[] nodeFacts() default {};

  /** What an UNKNOWN finding does to its dynamic test. */
  UnknownPolicy unknown() default UnknownPolicy.FAIL;

  /**
   * The least severity whose failures fail their dynamic test; failures below it abort (skip)
   * with the reason, so they stay visible. INFO rules report, they never fail a suite by default.
   */
  Severity failOn() default Severity.LOW;
}
