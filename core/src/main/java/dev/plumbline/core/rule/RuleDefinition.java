package dev.plumbline.core.rule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one place a rule's metadata lives: put it on the rule class. Doc pages, reports and the CLI
 * all read it from here (through {@link RuleMetadata#of(Class)}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDefinition {

  /** Stable id, e.g. {@code PCHA-PG-02}; never reused for another meaning. */
  String id();

  /** Readable name, e.g. {@code Connect.Database.Version}. */
  String name();

  /** One sentence: what must hold. */
  String summary();

  Severity severity();

  Pillar pillar();

  /** What the rule enforces: the reference architecture's sentence, vendor documentation. */
  String[] references() default {};

  /** Thresholds a user may change; they never change the rule's meaning. */
  Parameter[] parameters() default {};

  /** Equivalent PSRule for Azure rules, e.g. {@code Azure.AppGw.MinInstance}. */
  String[] psrule() default {};

  /** Equivalent Checkov checks, e.g. {@code CKV_AZURE_218}. */
  String[] checkov() default {};

  /** Equivalent Azure Policy definitions (display names or ids). */
  String[] azurePolicy() default {};

  /** One rule parameter with its default. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface Parameter {
    String name();

    ParameterType type();

    /** The default, written as a user would pass it on the command line. */
    String defaultValue();

    String description();
  }
}
