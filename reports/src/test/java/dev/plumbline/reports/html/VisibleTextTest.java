package dev.plumbline.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

  @Test
  void makesControlAndReorderingCharactersVisible() {
    assertThat(VisibleText.of("a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g\u202eh\tk\nl"))
        .isEqualTo("a\u2400b\u2407c\u241bd\u2421e\u27e8U+0085\u27e9f\u27e8U+2028\u27e9g\u27e8U+202E\u27e9h\tk\nl");
    assertThat(VisibleText.of("plain <b>")).isEqualTo("plain <b>");
    assertThat(VisibleText.of("lone \ud800 high, pair \ud83d\ude00")).isEqualTo("lone \ufffd high, pair \ud83d\ude00");
    assertThat(VisibleText.line("a\nb\tc")).isEqualTo("a b c");
    assertThat(VisibleText.shortened("abcdefghij", 5)).isEqualTo("abcd\u2026");
  }
}
