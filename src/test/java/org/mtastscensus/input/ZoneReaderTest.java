package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per master-file rule (RFC 1035 §5.1) the delegation extractor must get right. */
class ZoneReaderTest {

  private static final String SOA =
      "com.\t900\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1732752000 1800 900 604800 86400\n";

  private static Consumer<InputStats> malformed(String reason, long count) {
    return stats -> assertThat(stats.malformed()).containsEntry(reason, count);
  }

  private static Consumer<InputStats> skipped(Map<String, Long> expected) {
    return stats -> assertThat(stats.skipped()).containsAllEntriesOf(expected);
  }

  private static Consumer<InputStats> clean() {
    return stats -> assertThat(stats.malformed()).isEmpty();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("CZDS layout: lower case, TTL and class on every line", SOA
            + "com.\t172800\tin\tns\ta.gtld-servers.net.\n"
            + "example.com.\t172800\tin\tns\ta.iana-servers.net.\n",
            List.of("example.com"), skipped(Map.of("SOA", 1L, "APEX_NS", 1L))),
        Arguments.of("$ORIGIN makes relative owners absolute",
            "$ORIGIN com.\nexample 3600 IN NS ns1.example.net.\n",
            List.of("example.com"), skipped(Map.of("$ORIGIN", 1L))),
        Arguments.of("$TTL is accepted and skipped",
            "$TTL 86400\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), skipped(Map.of("$TTL", 1L))),
        Arguments.of("$TTL with BIND units",
            "$TTL 1h30m\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), clean()),
        Arguments.of("$TTL without a value is a bad directive",
            "$TTL\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("ZONE_BAD_DIRECTIVE", 1)),
        Arguments.of("unknown directive is a bad directive",
            "$FOO bar\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("ZONE_BAD_DIRECTIVE", 1)),
        Arguments.of("relative owner without $ORIGIN resolves against the zone named by the file",
            "example NS ns1.example.net.\n",
            List.of("example.com"), clean()),
        Arguments.of("'@' is the current origin, a later $ORIGIN does not move the apex",
            "$ORIGIN com.\n@ NS a.gtld-servers.net.\n$ORIGIN example.com.\n@ NS ns1.example.net.\n",
            List.of("example.com"), skipped(Map.of("APEX_NS", 1L))),
        Arguments.of("omitted owner repeats the previous owner",
            "example.com. 172800 IN NS ns1.example.net.\n\t172800 IN NS ns2.example.net.\n"
                + "        NS ns3.example.net.\nother.com. NS ns1.example.net.\n",
            List.of("example.com", "other.com"), (Consumer<InputStats>) s -> assertThat(s.duplicates()).isEqualTo(2)),
        Arguments.of("omitted TTL and class",
            "example.com. NS ns1.example.net.\n",
            List.of("example.com"), clean()),
        Arguments.of("class before TTL",
            "example.com. IN 3600 NS ns1.example.net.\n",
            List.of("example.com"), clean()),
        Arguments.of("parentheses join lines of a multi-line SOA with comments inside", "com. IN SOA "
            + "a.gtld-servers.net. nstld.verisign-grs.com. (\n"
            + "        1732752000 ; serial\n"
            + "        1800       ; refresh (30 minutes\n"
            + "        900 604800 86400 )\n"
            + "example.com. NS ns1.example.net.\n",
            List.of("example.com"), skipped(Map.of("SOA", 1L))),
        Arguments.of("';' comments, comment-only and blank lines",
            "; zone dump\n\nexample.com. NS ns1.example.net. ; first server\n   ; indented comment\n",
            List.of("example.com"), (Consumer<InputStats>) s -> assertThat(s.read()).isEqualTo(1)),
        Arguments.of("quoted string holding ';' and parentheses",
            "example.com. TXT \"v=spf1 ; not a comment ( nor a parenthesis\"\nother.com. NS ns1.example.net.\n",
            List.of("other.com"), skipped(Map.of("TXT", 1L))),
        Arguments.of("escaped quote inside a quoted string",
            "example.com. TXT \"say \\\"hi\\\" ( \" \nother.com. NS ns1.example.net.\n",
            List.of("other.com"), clean()),
        Arguments.of("decimal escape in an owner decodes to a letter",
            "\\101xample.com. NS ns1.example.net.\n",
            List.of("example.com"), clean()),
        Arguments.of("escaped dot inside a label is not a host name",
            "a\\.b.com. NS ns1.example.net.\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("NOT_LDH", 1)),
        Arguments.of("apex NS is skipped when only $ORIGIN names the zone",
            "$ORIGIN com.\n@ NS a.gtld-servers.net.\n  NS b.gtld-servers.net.\nexample NS ns1.example.net.\n",
            List.of("example.com"), skipped(Map.of("APEX_NS", 2L))),
        Arguments.of("apex comes from the SOA owner when the file name says nothing",
            "net. 900 IN SOA a.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400\n"
                + "net. NS a.gtld-servers.net.\nexample.net. NS ns1.example.com.\n",
            List.of("example.net"), (Consumer<InputStats>) s -> assertThat(s.zoneApex()).isEqualTo("net")),
        Arguments.of("glue A and AAAA records are skipped",
            "ns1.example.com. A 192.0.2.1\nns1.example.com. AAAA 2001:db8::1\nexample.com. NS ns1.example.com.\n",
            List.of("example.com"), skipped(Map.of("A", 1L, "AAAA", 1L))),
        Arguments.of("DS records are skipped and their owners counted as signed delegations",
            "example.com. NS ns1.example.net.\nexample.com. DS 370 13 2 BE74359954660069D5C63D200C39F560\n"
                + "example.com. DS 370 13 4 0123456789ABCDEF\nsigned.com. NS ns1.example.net.\n"
                + "signed.com. DS 1 8 2 AB12\n",
            List.of("example.com", "signed.com"), (Consumer<InputStats>) s -> {
              assertThat(s.dnssecSignedDelegations()).isEqualTo(2);
              assertThat(s.skipped()).containsEntry("DS", 3L);
            }),
        Arguments.of("DNSSEC records of the apex are skipped by type",
            SOA + "com. 86400 IN DNSKEY 257 3 13 ( mdsswUyr3DPW132mOi8V9xESWE8jTo0d\n xbjjmaA== )\n"
                + "com. 86400 IN NSEC3PARAM 1 0 0 -\n"
                + "ck0pojmg874ljref7efn8430qvit8bsm.com. 86400 IN NSEC3 1 1 0 - CK0Q3UDG8CEKKAE7RUKPGCT1DVSSH8LL NS SOA\n",
            List.of(), skipped(Map.of("DNSKEY", 1L, "NSEC3PARAM", 1L, "NSEC3", 1L))),
        Arguments.of("consecutive NS lines of one owner give one name",
            "example.com. NS ns1.example.net.\nexample.com. NS ns2.example.net.\n",
            List.of("example.com"), (Consumer<InputStats>) s -> assertThat(s.duplicates()).isEqualTo(1)),
        Arguments.of("upper-case owners and types",
            "EXAMPLE.COM. IN NS NS1.EXAMPLE.NET.\n",
            List.of("example.com"), clean()),
        Arguments.of("CRLF line endings",
            "example.com. NS ns1.example.net.\r\nother.com. NS ns1.example.net.\r\n",
            List.of("example.com", "other.com"), clean()),
        Arguments.of("first record without an owner",
            "\tNS ns1.example.net.\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("ZONE_NO_OWNER", 1)),
        Arguments.of("record without data",
            "example.com. NS\nother.com. IN\nok.com. NS ns1.example.net.\n",
            List.of("ok.com"), malformed("ZONE_BAD_LINE", 2)),
        Arguments.of("a parenthesis never closed costs only its own line",
            "broken.com. NS ( ns1.example.net.\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("ZONE_UNBALANCED_PARENTHESES", 1)),
        Arguments.of("a closing parenthesis without an opening one",
            "broken.com. NS ns1.example.net. )\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("ZONE_UNBALANCED_PARENTHESES", 1)),
        Arguments.of("a quote never closed on its line",
            "broken.com. TXT \"abc\nexample.com. NS ns1.example.net.\n",
            List.of("example.com"), malformed("ZONE_UNTERMINATED_QUOTE", 1)),
        Arguments.of("wildcard owner",
            "*.com. NS ns1.example.net.\n",
            List.of(), malformed("WILDCARD", 1)),
        Arguments.of("IDN delegation stays an A-label",
            "xn--bcher-kva.com. NS ns1.example.net.\n",
            List.of("xn--bcher-kva.com"), clean()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsDelegations(String name, String zone, List<String> expected, Consumer<InputStats> check) {
    Inputs.Read read = Inputs.read(zone, "com.txt", InputFormat.ZONE);

    assertThat(read.names()).containsExactlyElementsOf(expected);
    check.accept(read.stats());
  }

  @Test
  void relativeNameWithoutAnyOriginIsMalformed() {
    Inputs.Read read = Inputs.read("example NS ns1.example.net.\nok.com. NS ns1.example.net.\n", "dump",
        InputFormat.ZONE);

    assertThat(read.names()).containsExactly("ok.com");
    assertThat(read.stats().malformed()).containsEntry("ZONE_NO_ORIGIN", 1L);
  }

  @Test
  void includeIsRejectedWithTheLineNumber() {
    String zone = "example.com. NS ns1.example.net.\n$INCLUDE /etc/passwd\n";

    assertThatThrownBy(() -> Inputs.read(zone, "com.txt", InputFormat.ZONE))
        .isInstanceOf(InputRejectedException.class)
        .hasMessageContaining("com.txt:2")
        .hasMessageContaining("$INCLUDE is not supported");
  }

  @Test
  void samplesQuoteTheFirstLineOfTheRecord() {
    Inputs.Read read = Inputs.read("ok.com. NS ns1.example.net.\nbad_name.com. NS ns1.example.net.\n", "com.txt",
        InputFormat.ZONE);

    assertThat(read.stats().samples("NOT_LDH"))
        .containsExactly(new InputStats.Sample(2, "bad_name.com. NS ns1.example.net."));
  }
}
