package org.mtastscensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.dns.MxRecord;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.fetch.HtmlPage;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.fetch.TlsFacts;
import org.mtastscensus.names.DomainName;
import org.mtastscensus.sts.MxPattern;
import org.mtastscensus.sts.PolicyParser;
import org.mtastscensus.sts.StsRecordParser;
import org.mtastscensus.tlsrpt.TlsRptParser;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.DomainJudge;
import org.mtastscensus.verdict.Outcome;
import org.mtastscensus.verdict.RulesConfig;
import org.mtastscensus.verdict.Severity;
import org.mtastscensus.verdict.Verdict;

/**
 * Every pure entry point takes hostile input without throwing or hanging: seeded random strings, bytes and facts,
 * and a set of pathological inputs. The time limits are hang guards, generous on purpose, not performance
 * assertions (the JMH benchmark measures speed).
 */
class RobustnessTest {
  private static final long SEED = 0x8461_8460L;
  private static final int ITERATIONS = 3_000;
  private static final Duration RANDOM_LIMIT = Duration.ofSeconds(60);
  /**
   * Per input: linear work is well under a second on an idle machine; a quadratic parser takes minutes (one took
   * 35 s before it was fixed). Generous, because a CI machine may be loaded.
   */
  private static final Duration PATHOLOGICAL_LIMIT = Duration.ofSeconds(60);
  private static final int MIB = 1 << 20;

  /** Pieces of the grammars and of the things real servers send, so random strings get deep into the parsers. */
  private static final String[] TOKENS = {
    "v=STSv1", "v=STSv1;", "v=STSv1 ;", "v=stsv1", "v=TLSRPTv1", "v=TLSRPTv1;", "id=", "id=20240101", "rua=",
    "mailto:", "https://", "tlsrpt@example.com", ";", ";", " ", " ", "\t", "\r", "\n", "\r\n", ":", ": ", "=", ",",
    "*.", "*", ".", "-", "_", "version", "version: STSv1\n", "mode", "mode: enforce\n", "enforce", "testing", "none",
    "mx", "mx: ", "max_age", "max_age: 604800\n", "example.com", "mx1.example.com", "xn--", "xn--bcher-kva",
    "<html>", "<!DOCTYPE html>", "<title>", "</title>", "<!--", "-->", "<body>", "<script>", "<input type=password>",
    "\u0000", "\uFEFF", "\u00e9", "\u00fc", "\ud800", "\udc00", "\ud83d\ude00", "\u202e", "\u3002", "0", "10 ", "0 .",
    "65535 ", "99999999999 ", "[", "]", "::1", "192.0.2.1", "%2C", "!", "\"", "\\", "0123456789", "abcdefghij",
    "ABCDEFGHIJ", "Mode", "max-age", "nmx", "domain for sale", "404 Not Found", "login",
  };

  private static final String[] SEEDS = {
    "v=STSv1; id=20240101",
    "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://r.example.net/x",
    "version: STSv1\nmode: enforce\nmx: *.example.com\nmx: mail.example.net\nmax_age: 604800\n",
    "<!DOCTYPE html><html><head><title>Parked</title></head><body>buy this domain</body></html>",
    "10 mx1.example.com.",
    "*.example.com",
    "B\u00fccher.example",
  };

  // ---------------------------------------------------------------- random

  @Test
  void randomStringsIntoEveryParser() {
    assertTimeoutPreemptively(RANDOM_LIMIT, () -> {
      Random random = new Random(SEED);
      for (int i = 0; i < ITERATIONS; i++) {
        String input = randomString(random);
        feedAll("iteration " + i, input);
      }
    });
  }

  @Test
  void randomBytesIntoEveryParser() {
    assertTimeoutPreemptively(RANDOM_LIMIT, () -> {
      Random random = new Random(SEED + 1);
      for (int i = 0; i < ITERATIONS; i++) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        feedAll("iteration " + i + " as UTF-8", new String(bytes, StandardCharsets.UTF_8));
        feedAll("iteration " + i + " as ISO-8859-1", new String(bytes, StandardCharsets.ISO_8859_1));
      }
    });
  }

  @Test
  void randomFactsIntoTheJudge() {
    assertTimeoutPreemptively(RANDOM_LIMIT, () -> {
      Random random = new Random(SEED + 2);
      for (int i = 0; i < ITERATIONS; i++) {
        DomainFacts facts = randomFacts(random);
        judge("iteration " + i, facts);
      }
    });
  }

  // ---------------------------------------------------------------- pathological

  record Named<T>(String name, T input) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> pathologicalStrings() {
    return pathologicalStringList().stream().map(n -> Arguments.of(n.name(), n.input()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathologicalStrings")
  void pathologicalString(String name, String input) {
    assertTimeoutPreemptively(PATHOLOGICAL_LIMIT, () -> {
      feedAll(name, input);
      judge(name + " as TXT, TLS-RPT and body", facts(input, input, input.getBytes(StandardCharsets.UTF_8)));
    });
  }

  static Stream<Arguments> pathologicalBodies() {
    return pathologicalBodyList().stream().map(n -> Arguments.of(n.name(), n.input()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathologicalBodies")
  void pathologicalBody(String name, byte[] body) {
    assertTimeoutPreemptively(PATHOLOGICAL_LIMIT, () -> {
      judge(name, facts("v=STSv1; id=1", null, body));
      judge(name + " as text/html 404", new DomainFacts("example.com",
          DnsAnswer.of("_mta-sts.example.com", "TXT", List.of("v=STSv1; id=1")),
          DnsAnswer.of("example.com", "MX", List.of("10 mx1.example.com")), null, null, null,
          PolicyFetch.complete(404, "text/html", body, 100)));
    });
  }

  @Test
  void tenThousandMxRecords() {
    assertTimeoutPreemptively(PATHOLOGICAL_LIMIT,
        () -> judge("10k MX records, one pattern", mxFacts(manyMx(10_000), manyMxLines(1))));
  }

  /**
   * Coverage is MX x patterns: the largest MX RRset a 64 KiB DNS message holds (about 2 850 records of this size)
   * against the most mx lines a 64 KiB policy holds (about 3 000).
   */
  @Test
  void largestMxRrsetAgainstLargestPolicy() {
    assertTimeoutPreemptively(PATHOLOGICAL_LIMIT,
        () -> judge("3k MX records, 3k mx lines", mxFacts(manyMx(3_000), manyMxLines(3_000))));
  }

  // ---------------------------------------------------------------- feeding

  private static void feedAll(String what, String input) {
    call("StsRecordParser.check", what, input, () -> StsRecordParser.check(List.of(input)));
    call("StsRecordParser.check (twice, with null)", what, input,
        () -> StsRecordParser.check(Arrays.asList(input, null, input)));
    call("StsRecordParser.check (behind a valid record)", what, input,
        () -> StsRecordParser.check(List.of("v=STSv1; id=1" + input)));
    call("PolicyParser.parse", what, input, () -> PolicyParser.parse(input));
    call("PolicyParser.parse (inside a valid policy)", what, input,
        () -> PolicyParser.parse("version: STSv1\nmode: enforce\nmx: " + input + "\nmax_age: 86400\n" + input));
    call("TlsRptParser.check", what, input, () -> TlsRptParser.check(List.of(input)));
    call("TlsRptParser.check (behind a valid version)", what, input,
        () -> TlsRptParser.check(List.of("v=TLSRPTv1; rua=" + input)));
    call("MxPattern.parse", what, input, () -> MxPattern.parse(input).map(p -> p.matches(input)));
    call("MxPattern.matches", what, input, () -> new MxPattern("*.example.com").matches(input));
    call("DomainName.normalize", what, input, () -> DomainName.normalize(input));
    call("HtmlPage.classify", what, input, () -> HtmlPage.classify(input));
    call("HtmlPage.classify (behind a doctype)", what, input, () -> HtmlPage.classify("<!DOCTYPE html>" + input));
    call("MxRecord.parse", what, input, () -> MxRecord.parse(input));
    call("MxRecord.parse (with a preference)", what, input, () -> MxRecord.parse("10 " + input));
  }

  private static void call(String function, String what, String input, Supplier<?> body) {
    try {
      body.get();
    } catch (Throwable t) {
      throw new AssertionError(function + " threw on " + what + ": " + show(input), t);
    }
  }

  private static Verdict judge(String what, DomainFacts facts) {
    Verdict verdict;
    try {
      verdict = DomainJudge.judge(facts, RulesConfig.defaults());
    } catch (Throwable t) {
      throw new AssertionError("DomainJudge.judge threw on " + what + ": " + showFacts(facts), t);
    }
    // a few contract invariants that must hold whatever the input (§3.1)
    assertThat(verdict.outcome()).as(what).isNotNull();
    assertThat(verdict.outcomeLenient()).as(what).isNotNull();
    assertThat(verdict.deliveryRisk() != null).as(what + ": delivery_risk only for VALID_ENFORCE")
        .isEqualTo(verdict.outcome() == Outcome.VALID_ENFORCE);
    assertThat(verdict.policyValid() != null).as(what + ": policy_valid only when fetched")
        .isEqualTo(Boolean.TRUE.equals(verdict.policyFetched()));
    if (facts.stsTxt().status().failed()) {
      assertThat(verdict.outcome()).as(what + ": failed TXT lookup").isEqualTo(Outcome.UNDETERMINED);
    }
    if (verdict.outcome().name().startsWith("VALID_")) {
      assertThat(verdict.findings()).as(what + ": valid outcome without policy-side POLICY_IGNORED findings")
          .noneMatch(f -> f.code().name().startsWith("POLICY_") && f.code().severity() == Severity.POLICY_IGNORED);
    }
    return verdict;
  }

  // ---------------------------------------------------------------- random generators

  private static String randomString(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> tokens(random, random.nextInt(40));
      case 1 -> tokens(random, random.nextInt(400));
      case 2 -> anyChars(random, random.nextInt(300));
      case 3 -> mutate(random, SEEDS[random.nextInt(SEEDS.length)]);
      default -> {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        yield new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }

  private static String tokens(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return out.toString();
  }

  /** Any UTF-16 code units, lone surrogates included. */
  private static String anyChars(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
    }
    return out.toString();
  }

  private static String mutate(Random random, String seed) {
    StringBuilder out = new StringBuilder(seed);
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits; i++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        case 1 -> {
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (out.length() > 0) {
            out.setCharAt(at, (char) random.nextInt(0x10000));
          }
        }
        default -> out.insert(at, out.substring(0, Math.min(out.length(), random.nextInt(30))));
      }
    }
    return out.toString();
  }

  private static DomainFacts randomFacts(Random random) {
    String domain = random.nextInt(5) == 0 ? randomString(random) : "example.com";
    DnsAnswer txt = randomAnswer(random, "_mta-sts." + domain, "TXT", () -> txtValue(random, "v=STSv1; id=1"));
    DnsAnswer mx = randomAnswer(random, domain, "MX", () -> mxValue(random));
    DnsAnswer tlsRpt = random.nextInt(4) == 0 ? null
        : randomAnswer(random, "_smtp._tls." + domain, "TXT",
            () -> txtValue(random, "v=TLSRPTv1; rua=mailto:r@example.com"));
    DnsAnswer a = random.nextInt(3) == 0 ? null : randomAnswer(random, "mta-sts." + domain, "A", () -> "192.0.2.1");
    DnsAnswer aaaa = random.nextInt(3) == 0 ? null
        : randomAnswer(random, "mta-sts." + domain, "AAAA", () -> "2001:db8::1");
    return new DomainFacts(domain, txt, mx, tlsRpt, a, aaaa, randomFetch(random));
  }

  private static DnsAnswer randomAnswer(Random random, String name, String type, Supplier<String> value) {
    DnsStatus status = random.nextBoolean() ? DnsStatus.NOERROR
        : DnsStatus.values()[random.nextInt(DnsStatus.values().length)];
    List<String> values = new ArrayList<>();
    if (status == DnsStatus.NOERROR) {
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        values.add(value.get());
      }
    }
    List<String> chain = random.nextInt(5) == 0 ? List.of(randomString(random)) : List.of();
    String detail = random.nextInt(3) == 0 ? randomString(random) : null;
    return new DnsAnswer(name, type, status, values, chain, detail);
  }

  private static String txtValue(Random random, String valid) {
    return switch (random.nextInt(3)) {
      case 0 -> valid;
      case 1 -> mutate(random, valid);
      default -> randomString(random);
    };
  }

  private static String mxValue(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> "10 mx1.example.com";
      case 1 -> "20 " + (random.nextBoolean() ? "mx2.example.com" : "mx.example.net");
      case 2 -> "0 .";
      case 3 -> random.nextInt(70_000) + " " + randomString(random);
      default -> randomString(random);
    };
  }

  private static PolicyFetch randomFetch(Random random) {
    int kind = random.nextInt(6);
    if (kind == 0) {
      return null;
    }
    FetchStatus status = kind == 1 ? FetchStatus.values()[random.nextInt(FetchStatus.values().length)]
        : FetchStatus.COMPLETE;
    if (status != FetchStatus.COMPLETE) {
      return PolicyFetch.failed(status, random.nextBoolean() ? null : randomString(random), random.nextLong());
    }
    Integer httpStatus = switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> random.nextInt(1000) - 100;
      case 2 -> 300 + random.nextInt(100);
      default -> 200;
    };
    String contentType = switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> randomString(random);
      default -> "text/plain";
    };
    byte[] body = switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> {
        byte[] bytes = new byte[random.nextInt(2_000)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 2 -> randomString(random).getBytes(StandardCharsets.UTF_8);
      default -> mutate(random, SEEDS[2]).getBytes(StandardCharsets.UTF_8);
    };
    TlsFacts tls = random.nextBoolean() ? null
        : new TlsFacts(randomString(random), randomString(random), null, null,
            random.nextBoolean() ? null : List.of(randomString(random)), random.nextBoolean());
    String location = random.nextBoolean() ? null : randomString(random);
    return new PolicyFetch(status, null, httpStatus, contentType, location, body, random.nextLong(), tls);
  }

  // ---------------------------------------------------------------- pathological inputs

  private static List<Named<String>> pathologicalStringList() {
    List<Named<String>> inputs = new ArrayList<>();
    inputs.add(new Named<>("1 MiB of ;", ";".repeat(MIB)));
    inputs.add(new Named<>("1 MiB of v=STSv1; repeated", "v=STSv1;".repeat(MIB / 8)));
    inputs.add(new Named<>("1 MiB of v=TLSRPTv1; repeated", "v=TLSRPTv1;".repeat(MIB / 11)));
    inputs.add(new Named<>("TLS-RPT with 50k mailto rua URIs",
        "v=TLSRPTv1; rua=" + "mailto:a@example.com,".repeat(MIB / 21)));
    inputs.add(new Named<>("1 MiB of spaces", " ".repeat(MIB)));
    inputs.add(new Named<>("1 MiB of lone CRs", "\r".repeat(MIB)));
    inputs.add(new Named<>("1 MiB of LFs (blank lines)", "\n".repeat(MIB)));
    inputs.add(new Named<>("1 MiB of NUL", "\u0000".repeat(MIB)));
    inputs.add(new Named<>("policy with lone CR line ends",
        "version: STSv1\rmode: enforce\rmx: *.example.com\rmax_age: 604800\r"));
    inputs.add(new Named<>("policy with NUL before each LF",
        "version: STSv1\u0000\nmode: enforce\u0000\nmx: *.example.com\u0000\nmax_age: 604800\u0000\n"));
    inputs.add(new Named<>("STS record with NUL as delimiter", "v=STSv1;\u0000id=20240101"));
    inputs.add(new Named<>("STS id starting with NUL", "v=STSv1; id=\u000020240101"));
    inputs.add(new Named<>("policy of 100k assorted lines", hundredThousandLinePolicy()));
    inputs.add(new Named<>("100k-char mx line", "mx: " + "a".repeat(100_000)));
    inputs.add(new Named<>("100k-char version value", "version: " + "STSv1".repeat(20_000)));
    inputs.add(new Named<>("100k-char id", "v=STSv1; id=" + "a".repeat(100_000)));
    inputs.add(new Named<>("100k-char extension name and value",
        "v=STSv1; id=1; " + "x".repeat(100_000) + "=" + "y".repeat(100_000)));
    inputs.add(new Named<>("100k spaces before the first ;", "v=STSv1" + " ".repeat(100_000) + "; id=1"));
    inputs.add(new Named<>("100k spaces inside the last STS field", "v=STSv1; id=1" + " ".repeat(100_000) + "x"));
    inputs.add(new Named<>("100k spaces inside a rua URI",
        "v=TLSRPTv1; rua=mailto:a@example.com" + " ".repeat(100_000) + "x"));
    inputs.add(new Named<>("100k tabs and spaces before a rua comma",
        "v=TLSRPTv1; rua=mailto:a@example.com" + "\t ".repeat(50_000) + ",mailto:b@example.com"));
    inputs.add(new Named<>("rua of 100k commas", "v=TLSRPTv1; rua=" + ",".repeat(100_000)));
    inputs.add(new Named<>("100k-char https rua host", "v=TLSRPTv1; rua=https://" + "a".repeat(100_000)));
    inputs.add(new Named<>("id= followed by 100k tabs", "id=" + "\t".repeat(100_000)));
    inputs.add(new Named<>("; id followed by 100k spaces", "; id " + " ".repeat(100_000)));
    inputs.add(new Named<>("*. pattern of 50k labels", "*." + "a.".repeat(50_000) + "com"));
    inputs.add(new Named<>("1023-char name of 1-char labels", "a.".repeat(511) + "a"));
    inputs.add(new Named<>("1024 U-label characters", "\u00e9".repeat(1_024)));
    inputs.add(new Named<>("1023 U-label characters and a dot", "\u00e9".repeat(1_023) + "."));
    inputs.add(new Named<>("xn-- with 1000 hyphens", "xn--" + "-".repeat(1_000)));
    inputs.add(new Named<>("MX with a 1 MiB exchange", "10 " + "a".repeat(MIB)));
    inputs.add(new Named<>("MX preference of 20 digits", "99999999999999999999 mx.example.com"));
    inputs.add(new Named<>("MX preference -1", "-1 mx.example.com"));
    inputs.add(new Named<>("150 empty HTML comments then junk", "<!---->".repeat(150) + "x"));
    inputs.add(new Named<>("100 HTML comments then an open one", "<!-- -->  ".repeat(100) + "<!--"));
    inputs.add(new Named<>("1 MiB of <!--", "<!--".repeat(MIB / 4)));
    inputs.add(new Named<>("100k nested <div>", "<html>" + "<div>".repeat(100_000)));
    inputs.add(new Named<>("100k-char HTML title and 10k paragraphs",
        "<html><title>" + "t".repeat(100_000) + "</title>" + "<p>login 404 for sale ".repeat(10_000)));
    inputs.add(new Named<>("HTML frameset, no body", "<frameset><frame src=x></frameset>"));
    inputs.add(new Named<>("10k nested <table>", "<html><body>" + "<table>".repeat(10_000)));
    inputs.add(new Named<>("BOM before <html>", "\uFEFF<html><title>bom</title>"));
    inputs.add(new Named<>("10k lone high surrogates", "\ud800".repeat(10_000)));
    inputs.add(new Named<>("10k reversed surrogate pairs", "\udc00\ud800".repeat(10_000)));
    inputs.add(new Named<>("policy with 10k mx lines", manyMxLines(10_000)));
    return inputs;
  }

  private static String hundredThousandLinePolicy() {
    StringBuilder out = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    String[] lines = {"mx: *.example.com", "", "  indented: x", "no colon", "Mode: testing", "ext: value",
        "version: STSv2", "\uFEFFmx: x", "mx: 192.0.2.1", "mx: *.*.example.com"};
    for (int i = 0; i < 100_000; i++) {
      out.append(lines[i % lines.length]).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    return out.toString();
  }

  private static String manyMxLines(int count) {
    StringBuilder out = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    for (int i = 0; i < count; i++) {
      out.append("mx: mx").append(i).append(".example.com\n");
    }
    return out.toString();
  }

  private static String[] manyMx(int count) {
    String[] mx = new String[count];
    for (int i = 0; i < count; i++) {
      mx[i] = (i % 50) + " mx" + i + (i % 2 == 0 ? ".example.com" : ".example.net");
    }
    return mx;
  }

  private static List<Named<byte[]>> pathologicalBodyList() {
    List<Named<byte[]>> bodies = new ArrayList<>();
    bodies.add(new Named<>("64 KiB of NUL bytes", new byte[64 * 1024]));
    bodies.add(new Named<>("truncated UTF-8 sequences",
        new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, 0x28, (byte) 0xA1}));
    byte[] invalid = new byte[64 * 1024];
    for (int i = 0; i < invalid.length; i++) {
      invalid[i] = (byte) (0x80 | (i & 0x7F)); // continuation bytes with no lead byte
    }
    bodies.add(new Named<>("64 KiB of continuation bytes without a lead byte", invalid));
    bodies.add(new Named<>("valid policy followed by NUL bytes",
        "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n\u0000\u0000"
            .getBytes(StandardCharsets.UTF_8)));
    byte[] overlong = {'m', 'x', ':', ' ', (byte) 0xC0, (byte) 0xAE, 'e', 'x', '\n'}; // overlong "."
    bodies.add(new Named<>("overlong UTF-8 encoding of a dot", overlong));
    bodies.add(new Named<>("UTF-8 BOM before version",
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'v', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', 'S', 'T', 'S',
            'v', '1', '\n'}));
    bodies.add(new Named<>("UTF-8 encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    bodies.add(new Named<>("empty body", new byte[0]));
    return bodies;
  }

  private static DomainFacts facts(String txt, String tlsRpt, byte[] body) {
    return new DomainFacts("example.com",
        DnsAnswer.of("_mta-sts.example.com", "TXT", List.of(txt)),
        DnsAnswer.of("example.com", "MX", List.of("10 mx1.example.com", "20 mx2.example.com")),
        tlsRpt == null ? null : DnsAnswer.of("_smtp._tls.example.com", "TXT", List.of(tlsRpt)),
        DnsAnswer.of("mta-sts.example.com", "A", List.of("192.0.2.1")),
        null,
        PolicyFetch.complete(200, "text/plain", body, 100));
  }

  private static DomainFacts mxFacts(String[] mx, String policy) {
    return new DomainFacts("example.com",
        DnsAnswer.of("_mta-sts.example.com", "TXT", List.of("v=STSv1; id=1")),
        DnsAnswer.of("example.com", "MX", List.of(mx)),
        null,
        DnsAnswer.of("mta-sts.example.com", "A", List.of("192.0.2.1")),
        null,
        PolicyFetch.complete(200, "text/plain", policy.getBytes(StandardCharsets.US_ASCII), 100));
  }

  // ---------------------------------------------------------------- display

  private static String show(String input) {
    StringBuilder out = new StringBuilder("\"");
    int limit = Math.min(input.length(), 200);
    for (int i = 0; i < limit; i++) {
      char c = input.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('"');
    if (input.length() > limit) {
      out.append("... (").append(input.length()).append(" chars)");
    }
    return out.toString();
  }

  private static String showFacts(DomainFacts facts) {
    String body = facts.fetch() == null || facts.fetch().body() == null ? "null"
        : show(new String(facts.fetch().body(), StandardCharsets.UTF_8));
    return "domain " + show(facts.domain()) + ", TXT " + facts.stsTxt().status() + " "
        + facts.stsTxt().values().stream().map(RobustnessTest::show).toList() + ", MX " + facts.mx().status() + " "
        + facts.mx().values().stream().map(RobustnessTest::show).toList() + ", fetch "
        + (facts.fetch() == null ? "null" : facts.fetch().status() + " HTTP " + facts.fetch().httpStatus()
            + " CT " + facts.fetch().contentType()) + ", body " + body;
  }
}
