package org.mtastscensus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.FindingCode;

/** Every finding code is explained to administrators: a fix, and a place in the check list. */
class CheckReportTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(FindingCode.class)
  void everyCodeHasAFixAndBelongsToACheck(FindingCode code) {
    assertThat(Remedies.of(code)).as("fix for " + code).isNotBlank();
    assertThat(CheckReport.checkOf(new Finding(code, ""))).isNotBlank();
  }
}
