package org.mtastscensus.sts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.dns.MxRecord;

/**
 * MX coverage as the rulebook §1.4 defines it: M is the MX host set compared in lower case without the trailing dot,
 * or {domain} when the MX RRset is empty (implicit MX, RFC 5321 §5.1); coverage FULL / PARTIAL / NONE;
 * primaryCovered when every host at the lowest preference matches; patterns that match no host are unused (R-MX-3).
 * MX records are given in DNS presentation form ("10 mx.example.com.") and parsed as the scanner does.
 */
class MxCoverageCheckTest {

  private static final String DOMAIN = "example.com";

  static Stream<Arguments> coverage() {
    return Stream.of(
        c("FULL: every host matches a wildcard",
            mx("10 mx1.example.com.", "20 mx2.example.com."), patterns("*.example.com"),
            MxCoverage.FULL, hosts(), true, patterns()),
        c("FULL: every host matches an exact pattern, case and trailing dot ignored",
            mx("10 MX1.Example.COM.", "20 mx2.example.com"), patterns("mx1.example.com", "MX2.EXAMPLE.COM."),
            MxCoverage.FULL, hosts(), true, patterns()),
        c("PARTIAL: only a backup (higher preference) is uncovered, primary covered",
            mx("10 mx1.example.com.", "20 backup.other.net."), patterns("mx1.example.com"),
            MxCoverage.PARTIAL, hosts("backup.other.net"), true, patterns()),
        c("PARTIAL: the lowest-preference host is uncovered, primary not covered",
            mx("10 mx.other.net.", "20 mx2.example.com."), patterns("*.example.com"),
            MxCoverage.PARTIAL, hosts("mx.other.net"), false, patterns()),
        c("PARTIAL: two hosts at equal lowest preference, one uncovered: primary not covered",
            mx("10 a.example.com.", "10 b.other.net.", "20 c.example.com."), patterns("*.example.com"),
            MxCoverage.PARTIAL, hosts("b.other.net"), false, patterns()),
        c("PARTIAL: two hosts at equal lowest preference both covered, a backup uncovered: primary covered",
            mx("10 a.example.com.", "10 b.example.com.", "20 c.other.net."), patterns("*.example.com"),
            MxCoverage.PARTIAL, hosts("c.other.net"), true, patterns()),
        c("PARTIAL: lowest preference decided numerically, not by order in the answer",
            mx("20 backup.other.net.", "5 mx1.example.com."), patterns("mx1.example.com"),
            MxCoverage.PARTIAL, hosts("backup.other.net"), true, patterns()),
        c("NONE: no host matches, every pattern unused",
            mx("10 mx1.provider.net.", "20 mx2.provider.net."), patterns("mail.example.com", "*.example.com"),
            MxCoverage.NONE, hosts("mx1.provider.net", "mx2.provider.net"), false,
            patterns("mail.example.com", "*.example.com")),
        c("NONE: a wildcard does not cover two extra labels",
            mx("10 a.b.example.com."), patterns("*.example.com"),
            MxCoverage.NONE, hosts("a.b.example.com"), false, patterns("*.example.com")),
        c("unused patterns are listed (stale entries)",
            mx("10 mx1.example.com."), patterns("mx1.example.com", "old.example.com", "*.example.net"),
            MxCoverage.FULL, hosts(), true, patterns("old.example.com", "*.example.net")),
        c("the same host at two preferences counts once",
            mx("10 mx1.example.com.", "20 MX1.EXAMPLE.COM."), patterns("mx1.example.com"),
            MxCoverage.FULL, hosts(), true, patterns()));
  }

  private static Arguments c(String name, List<MxRecord> mx, List<MxPattern> patterns, MxCoverage coverage,
      List<String> uncovered, boolean primaryCovered, List<MxPattern> unused) {
    return Arguments.of(name, mx, patterns, coverage, uncovered, primaryCovered, unused);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("coverage")
  void computesCoverage(String name, List<MxRecord> mx, List<MxPattern> patterns, MxCoverage coverage,
      List<String> uncovered, boolean primaryCovered, List<MxPattern> unused) {
    MxCoverageCheck check = MxCoverageCheck.compute(DOMAIN, mx, patterns);

    assertThat(check.coverage()).as("coverage").isEqualTo(coverage);
    assertThat(check.uncovered()).as("uncovered").containsExactlyInAnyOrderElementsOf(uncovered);
    assertThat(check.primaryCovered()).as("primaryCovered").isEqualTo(primaryCovered);
    assertThat(check.unusedPatterns()).as("unused patterns").containsExactlyInAnyOrderElementsOf(unused);
    assertThat(check.implicitMx()).as("implicit MX").isFalse();
    assertThat(check.hosts()).as("hosts: lower case, no trailing dot, no duplicates")
        .allSatisfy(h -> assertThat(h).isLowerCase().doesNotEndWith("."))
        .doesNotHaveDuplicates();
  }

  static Stream<Arguments> implicitMx() {
    return Stream.of(
        Arguments.of("implicit MX covered by the exact domain", patterns("example.com"), MxCoverage.FULL, true,
            patterns()),
        Arguments.of("implicit MX not covered by a wildcard (zero labels)", patterns("*.example.com"),
            MxCoverage.NONE, false, patterns("*.example.com")),
        Arguments.of("implicit MX with an unused extra pattern", patterns("example.com", "mail.example.com"),
            MxCoverage.FULL, true, patterns("mail.example.com")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implicitMx")
  void emptyMxMeansTheDomainItself(String name, List<MxPattern> patterns, MxCoverage coverage,
      boolean primaryCovered, List<MxPattern> unused) {
    MxCoverageCheck check = MxCoverageCheck.compute(DOMAIN, List.of(), patterns);

    assertThat(check.implicitMx()).as("implicit MX").isTrue();
    assertThat(check.hosts()).as("hosts").containsExactly(DOMAIN);
    assertThat(check.coverage()).as("coverage").isEqualTo(coverage);
    assertThat(check.primaryCovered()).as("primaryCovered").isEqualTo(primaryCovered);
    assertThat(check.uncovered()).as("uncovered")
        .containsExactlyElementsOf(coverage == MxCoverage.FULL ? List.of() : List.of(DOMAIN));
    assertThat(check.unusedPatterns()).as("unused patterns").containsExactlyInAnyOrderElementsOf(unused);
  }

  private static List<MxRecord> mx(String... presentation) {
    return Arrays.stream(presentation).map(p -> MxRecord.parse(p).orElseThrow()).toList();
  }

  private static List<MxPattern> patterns(String... raw) {
    return Arrays.stream(raw).map(p -> MxPattern.parse(p).orElseThrow()).toList();
  }

  private static List<String> hosts(String... hosts) {
    return List.of(hosts);
  }
}
