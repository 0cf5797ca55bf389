package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FmtTest {
  @ParameterizedTest
  @CsvSource({"0,0", "7,7", "999,999", "1000,'1,000'", "3066,'3,066'", "87000000,'87,000,000'", "-1234,'-1,234'"})
  void countsGetThousandsSeparators(long n, String expected) {
    assertThat(Fmt.count(n)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0 %",
      "1, 100 %",
      "0.118721, 11.9 %",
      "0.296, 29.6 %",
      "0.105675, 10.6 %",
      "0.01, 1.0 %",
      "0.0052, 0.52 %",
      "0.001953, 0.20 %",
      "0.000124, 0.012 %",
      "0.0000001, 0.000010 %",
      "0.99996, > 99.9 %",
      "0.9994, 99.9 %"})
  void percentPrecisionFollowsSize(double share, String expected) {
    assertThat(Fmt.percent(share).replace(Fmt.NBSP, " ")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"364, 3066, 11.9 %", "0, 0, n/a", "41, 364, 11.3 %"})
  void percentOfCounts(long n, long d, String expected) {
    assertThat(Fmt.percent(n, d).replace(Fmt.NBSP, " ")).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void nullShareIsNotAvailableAndPercentSignNeverStartsALine() {
    assertThat(Fmt.percent((Double) null)).isEqualTo("n/a");
    assertThat(Fmt.percent(0.5)).isEqualTo("50.0\u00a0%");
    assertThat(Fmt.ofTotal(364, 3066)).isEqualTo("364 of 3,066 (11.9\u00a0%)");
  }

  @ParameterizedTest
  @CsvSource({"86400, 1 day", "604800, 7 days", "2419200, 28 days", "31557600, 1 year", "3600, 1 hour",
      "300, 300 s", "43200, 12 hours", "100000, 1.2 days"})
  void durationsInReadableUnits(long seconds, String expected) {
    assertThat(Fmt.duration(seconds)).isEqualTo(expected);
  }
}
