package org.mtastscensus.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PublicSuffixListTest {
  /** A small list in the file's format: private rules outside the ICANN section must be ignored. */
  private static final PublicSuffixList SMALL = PublicSuffixList.parse("""
      // VERSION: 2026-01-01_00-00-00_UTC
      // ===BEGIN ICANN DOMAINS===
      com
      uk
      co.uk
      jp
      *.kawasaki.jp
      !city.kawasaki.jp
      *.ck
      !www.ck
      // ===END ICANN DOMAINS===
      // ===BEGIN PRIVATE DOMAINS===
      blogspot.com
      // ===END PRIVATE DOMAINS===
      """);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NULL", textBlock = """
      www.example.co.uk,      example.co.uk
      example.co.uk,          example.co.uk
      co.uk,                  NULL
      uk,                     NULL
      EXAMPLE.COM.,           example.com
      a.b.example.com,        example.com
      foo.blogspot.com,       blogspot.com
      b.c.kawasaki.jp,        b.c.kawasaki.jp
      c.kawasaki.jp,          NULL
      www.city.kawasaki.jp,   city.kawasaki.jp
      city.kawasaki.jp,       city.kawasaki.jp
      www.ck,                 www.ck
      a.www.ck,               www.ck
      a.b.ck,                 a.b.ck
      b.ck,                   NULL
      example.unlisted,       example.unlisted
      unlisted,               NULL
      """)
  void registrableDomainFollowsRulesWildcardsAndExceptions(String name, String expected) {
    assertThat(SMALL.registrableDomain(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      www.example.co.uk,          example.co.uk
      mta-sts.provider.com,       provider.com
      mx1.mail.protection.outlook.com, outlook.com
      foo.blogspot.com,           blogspot.com
      www.example.com.au,         example.com.au
      shop.example.xn--55qx5d.cn, example.xn--55qx5d.cn
      www.example.xn--p1ai,       example.xn--p1ai
      """)
  void bundledListUsesTheIcannSection(String name, String expected) {
    assertThat(StatsFixture.PSL.registrableDomain(name)).isEqualTo(expected);
    assertThat(StatsFixture.PSL.version()).isEqualTo("2026-10-06_16-13-12_UTC");
    assertThat(StatsFixture.PSL.size()).isGreaterThan(5000);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NULL", textBlock = """
      192.0.2.77,             192.0.2.0/24
      2001:db8:1:2::1,        2001:db8:1::/48
      2001:0DB8:0000:ffff::2, 2001:db8:0::/48
      ::ffff:198.51.100.7,    0:0:0::/48
      999.1.1.1,              NULL
      mta-sts.example.com,    NULL
      cafe,                   NULL
      """)
  void networksParseLiteralsOnly(String address, String network) {
    assertThat(Networks.of(address)).isEqualTo(network);
  }

  @Test
  void aFileWithoutIcannSectionIsRejected() {
    assertThatThrownBy(() -> PublicSuffixList.parse("com\nnet\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ICANN");
  }
}
