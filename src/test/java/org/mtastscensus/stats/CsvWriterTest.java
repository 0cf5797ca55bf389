package org.mtastscensus.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvWriterTest {
  static Stream<Arguments> fields() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("a,b", "\"a,b\""),
        Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
        Arguments.of("1 hour – 1 day", "1 hour – 1 day"),
        Arguments.of("(no CNAME)", "(no CNAME)"),
        Arguments.of("a\nb", "\"a\nb\""));
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @MethodSource("fields")
  void rfc4180Quoting(String text, String expected) {
    assertThat(CsvWriter.field(text)).isEqualTo(expected);
  }

  @Test
  void lineBreaksAreQuoted() {
    assertThat(CsvWriter.field("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(CsvWriter.field("a\r\nb")).isEqualTo("\"a\r\nb\"");
  }

  @Test
  void valuesNullsSharesAndIntegers() {
    assertThat(CsvWriter.format(null)).isEmpty();
    assertThat(CsvWriter.format(0.118556)).isEqualTo("0.118556");
    assertThat(CsvWriter.format(1.0E-6)).isEqualTo("0.000001");
    assertThat(CsvWriter.format(0.5)).isEqualTo("0.5");
    assertThat(CsvWriter.format(1.0)).isEqualTo("1");
    assertThat(CsvWriter.format(0.0)).isEqualTo("0");
    assertThat(CsvWriter.format(160_000_000L)).isEqualTo("160000000");
    assertThat(CsvWriter.format(true)).isEqualTo("true");
  }

  @Test
  void aWholeTable() throws Exception {
    StringWriter out = new StringWriter();
    CsvWriter.write(out, StatsTables.UNDETERMINED, List.of(
        Arrays.asList("2026-11-28", "s1", "a,b.txt", "TXT_SERVFAIL", 3L, 4L, 0.75),
        Arrays.asList("2026-11-28", "s1", "a,b.txt", "OTHER", 0L, 0L, null)));
    assertThat(out.toString()).isEqualTo("""
        scan_date,scan_id,list,reason,domains,denominator,share
        2026-11-28,s1,"a,b.txt",TXT_SERVFAIL,3,4,0.75
        2026-11-28,s1,"a,b.txt",OTHER,0,0,
        """);
  }
}
