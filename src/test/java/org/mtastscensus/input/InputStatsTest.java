package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stats stay small whatever the input throws at them. */
class InputStatsTest {

  @Test
  void keepsAtMostFiveSamplesPerReasonButCountsAll() {
    InputStats stats = new InputStats("test", InputFormat.PLAIN, null);
    for (int line = 1; line <= 20; line++) {
      stats.addMalformed("NOT_LDH", line, "bad_" + line + ".com");
    }

    assertThat(stats.malformed()).containsEntry("NOT_LDH", 20L);
    assertThat(stats.samples("NOT_LDH")).extracting(InputStats.Sample::line).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void capsTheNumberOfDistinctSkippedTypes() {
    InputStats stats = new InputStats("test", InputFormat.ZONE, null);
    for (int i = 0; i < 200; i++) {
      stats.addSkipped("TYPE" + i);
    }
    stats.addSkipped("TYPE0");

    assertThat(stats.skipped()).hasSize(InputStats.MAX_SKIP_KEYS + 1).containsEntry("TYPE0", 2L)
        .containsEntry(InputStats.OTHER_TYPES, 200L - InputStats.MAX_SKIP_KEYS);
    assertThat(stats.skippedTotal()).isEqualTo(201);
  }

  @Test
  void keepsTheListIdOfATopList() {
    InputStats stats = new InputStats("top-1m.csv.zip", InputFormat.TOPLIST, "7X5VN");

    assertThat(stats.listId()).isEqualTo("7X5VN");
    assertThat(stats.toString()).contains("listId=7X5VN");
  }
}
