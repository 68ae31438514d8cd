package dev.plumbline.core.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.core.nodes.GcfgValue.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcfgValueTest {

  private static void assertSame(Kind kind, String... spellings) {
    assertThat(List.of(spellings)).allSatisfy(text -> assertThat(GcfgValue.of(text).kind()).as(text).isEqualTo(kind));
    assertThat(List.of(spellings)).extracting(text -> GcfgValue.of(text).canonical()).as(List.of(spellings).toString())
        .containsOnly(GcfgValue.of(spellings[0]).canonical());
  }

  @Test
  void booleansCompareEqualWhateverWordOrCaseGcfgAccepts() {
    assertSame(Kind.BOOLEAN, "true", "True", "yes", "ON", "1");
    assertSame(Kind.BOOLEAN, "false", "FALSE", "no", "Off", "0");
    assertThat(GcfgValue.of("yes").canonical()).isEqualTo("true");
    assertThat(GcfgValue.of("True").value()).isEqualTo(true);
    assertThat(GcfgValue.of("off").canonical()).isNotEqualTo(GcfgValue.of("on").canonical());
  }

  @Test
  void integersAreDecimalOrHexAsGcfgReadsThem() {
    assertThat(GcfgValue.of("3939").value()).isEqualTo(3939L);
    assertSame(Kind.INTEGER, "31", "0x1F", "+31", "031");
    assertThat(GcfgValue.of("-7").value()).isEqualTo(-7L);
    assertThat(GcfgValue.of("99999999999999999999").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void durationsUseGoSyntax() {
    assertSame(Kind.DURATION, "3m", "180s", "180000ms", "3m0s", "0.05h");
    assertSame(Kind.DURATION, "1h30m", "90m", "5400s", "1.5h");
    assertSame(Kind.DURATION, "2.5s", "2500ms", "2s500ms", "2500000us", "2500000\u00b5s", "2500000\u03bcs");
    assertThat(GcfgValue.of("500ms").value()).isEqualTo(Duration.ofMillis(500));
    assertThat(GcfgValue.of("-1m30s").value()).isEqualTo(Duration.ofSeconds(-90));
    assertThat(GcfgValue.of("3m").canonical()).isEqualTo("PT3M");
    // Go units are case-sensitive, and a space is not allowed.
    assertThat(List.of("3M", "3 m", "1h 30m", "h", "1.5")).allSatisfy(
        text -> assertThat(GcfgValue.of(text).kind()).as(text).isNotEqualTo(Kind.DURATION));
  }

  @Test
  void byteSizesAreDecimalOrBinaryMultiples() {
    assertSame(Kind.BYTES, "5 MB", "5MB", "5000000 B", "5000 KB", "0.005 GB", "5 mb");
    assertSame(Kind.BYTES, "5 KiB", "5KiB", "5120 B", "5120b");
    assertThat(GcfgValue.of("1.5GB").value()).isEqualTo(1_500_000_000L);
    assertThat(GcfgValue.of("2 TiB").value()).isEqualTo(2L << 40);
    assertThat(GcfgValue.of("10 MB").canonical()).isEqualTo("10000000 B");
    assertThat(GcfgValue.of("5 MB").canonical()).isNotEqualTo(GcfgValue.of("5 MiB").canonical());
    assertThat(GcfgValue.of("1.5 B").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void anythingElseIsTextComparedAsWritten() {
    GcfgValue provider = GcfgValue.of("postgres");
    assertThat(provider).isEqualTo(new GcfgValue(Kind.TEXT, "postgres", "postgres"));
    assertThat(provider.canonical()).isEqualTo("postgres");
    // Connect's docs do not say Database.Provider ignores case, so the checker must not either.
    assertThat(GcfgValue.of("Postgres").canonical()).isNotEqualTo(provider.canonical());
    assertThat(GcfgValue.of("").kind()).isEqualTo(Kind.TEXT);
    assertThat(GcfgValue.of(":3939").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void aSettingTypesItsValue() {
    GcfgSetting timeout = new GcfgSetting("Scheduler", null, "IdleTimeout", "3m", 4);
    assertThat(timeout.typed().canonical()).isEqualTo(GcfgValue.of("180s").canonical());
  }
}
