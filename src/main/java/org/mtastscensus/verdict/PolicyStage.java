package org.mtastscensus.verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.fetch.HtmlPage;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.sts.Abnf;
import org.mtastscensus.sts.ParsedPolicy;
import org.mtastscensus.sts.PolicyParser;

/**
 * Judges the policy side of a domain: the policy host's addresses, the HTTPS fetch and the body (RFC 8461 §3.2,
 * §3.3). Produces what the record side needs to finish the outcome, independent of whether the record is valid,
 * so that invalid records still show what their policy side does (contract §3.2).
 */
final class PolicyStage {

  /** How far the policy side got. */
  enum Reach {
    /** No lookup or fetch was tried. */
    NOT_TRIED,
    /** A lookup failed or the host was refused by the scanner: nothing can be said. */
    UNDETERMINED,
    /** The policy host does not resolve or the fetch failed: senders find no policy. */
    UNAVAILABLE,
    /** A 200 response was read; {@code policy} holds its parse. */
    FETCHED
  }

  /**
   * @param reach how far the policy side got
   * @param policy the parsed body when FETCHED; null otherwise
   * @param contentTypeOk the media type is text/plain (meaningful when FETCHED)
   * @param htmlTitle title of an HTML body, if any
   */
  record Result(Reach reach, ParsedPolicy policy, boolean contentTypeOk, String htmlTitle) {
    /**
     * The {@code policy_fetched} field: null when no fetch was tried, which includes the UNDETERMINED reach (the
     * policy host's lookup failed, so there was no address to connect to, or the scanner refused every address or
     * failed itself): the scanner's own limits are never reported as a failed fetch (contract §2, §3.1).
     */
    Boolean fetched() {
      return reach == Reach.NOT_TRIED || reach == Reach.UNDETERMINED ? null : reach == Reach.FETCHED;
    }

    boolean validStrict() {
      return reach == Reach.FETCHED && contentTypeOk && policy.valid();
    }

    boolean validLenient() {
      return reach == Reach.FETCHED && policy.valid();
    }
  }

  private PolicyStage() {}

  static Result judge(DomainFacts facts, RulesConfig config, List<Finding> findings) {
    Reach hostReach = judgeHost(facts.policyHostA(), facts.policyHostAaaa(), findings);
    if (hostReach != null) {
      return new Result(hostReach, null, false, null);
    }
    PolicyFetch fetch = facts.fetch();
    if (fetch == null) {
      return new Result(Reach.NOT_TRIED, null, false, null);
    }
    return judgeFetch(fetch, config, findings);
  }

  /** Null when the host has an address (or was not looked up separately) and the fetch decides. */
  private static Reach judgeHost(DnsAnswer a, DnsAnswer aaaa, List<Finding> findings) {
    if (a == null && aaaa == null) {
      return null;
    }
    List<DnsAnswer> answers = Stream.of(a, aaaa).filter(Objects::nonNull).toList();
    if (answers.stream().anyMatch(x -> x.status() == DnsStatus.NOERROR)) {
      return null;
    }
    for (DnsAnswer answer : answers) {
      if (answer.status() == DnsStatus.NXDOMAIN) {
        String chain = answer.cnameChain().isEmpty() ? "" : " (dangling CNAME: " + String.join(" -> ", answer.cnameChain()) + ")";
        findings.add(new Finding(FindingCode.POLICY_HOST_NXDOMAIN, answer.name() + chain));
        return Reach.UNAVAILABLE;
      }
    }
    boolean anyFailed = false;
    for (DnsAnswer answer : answers) {
      if (answer.status().failed()) {
        findings.add(new Finding(FindingCode.DNS_LOOKUP_FAILED, answer.describe()));
        anyFailed = true;
      }
    }
    if (anyFailed) {
      return Reach.UNDETERMINED;
    }
    findings.add(new Finding(FindingCode.POLICY_HOST_NO_ADDRESS, answers.get(0).name() + " has no A or AAAA record"));
    return Reach.UNAVAILABLE;
  }

  private static Result judgeFetch(PolicyFetch fetch, RulesConfig config, List<Finding> findings) {
    FindingCode failure = switch (fetch.status()) {
      case COMPLETE, INTERNAL_ERROR -> null;
      case BLOCKED -> FindingCode.POLICY_HOST_BLOCKED;
      case CONNECT_FAILED -> FindingCode.POLICY_CONNECT_FAILED;
      case TLS_HANDSHAKE_FAILED -> FindingCode.POLICY_TLS_HANDSHAKE_FAILED;
      case CERT_EXPIRED -> FindingCode.POLICY_CERT_EXPIRED;
      case CERT_NOT_YET_VALID -> FindingCode.POLICY_CERT_NOT_YET_VALID;
      case CERT_NAME_MISMATCH -> FindingCode.POLICY_CERT_NAME_MISMATCH;
      case CERT_UNTRUSTED -> FindingCode.POLICY_CERT_UNTRUSTED;
      case TIMEOUT -> FindingCode.POLICY_TIMEOUT;
      case TRUNCATED -> FindingCode.POLICY_HTTP_TRUNCATED;
      case TOO_LARGE -> FindingCode.POLICY_TOO_LARGE;
    };
    if (fetch.status() == FetchStatus.INTERNAL_ERROR) {
      return new Result(Reach.UNDETERMINED, null, false, null);
    }
    if (failure != null) {
      findings.add(new Finding(failure, fetch.detail()));
      Reach reach = failure.severity() == Severity.UNDETERMINED ? Reach.UNDETERMINED : Reach.UNAVAILABLE;
      return new Result(reach, null, false, null);
    }
    if (fetch.tls() != null && fetch.tls().nameMatchedByCnOnly()) {
      findings.add(new Finding(FindingCode.POLICY_CERT_CN_ONLY, "subject " + fetch.tls().subject()));
    }
    if (fetch.elapsedMillis() > config.slowThresholdMillis()) {
      findings.add(new Finding(FindingCode.POLICY_SLOW,
          fetch.elapsedMillis() + " ms, threshold " + config.slowThresholdMillis() + " ms"));
    }
    String body = fetch.body() == null ? "" : new String(fetch.body(), StandardCharsets.UTF_8);
    String htmlTitle = HtmlPage.classify(body).map(page -> {
      findings.add(new Finding(FindingCode.POLICY_HTML_PAGE,
          page.kind().name().toLowerCase(Locale.ROOT) + " page, title " + Abnf.quote(page.title())));
      return page.title();
    }).orElse(null);
    int status = fetch.httpStatus() == null ? 0 : fetch.httpStatus();
    if (status >= 300 && status <= 399) {
      String location = fetch.location() == null ? "no Location header" : "Location " + fetch.location();
      findings.add(new Finding(FindingCode.POLICY_HTTP_REDIRECT, "HTTP " + status + ", " + location));
      return new Result(Reach.UNAVAILABLE, null, false, htmlTitle);
    }
    if (status != 200) {
      findings.add(new Finding(FindingCode.POLICY_HTTP_STATUS, "HTTP " + status));
      return new Result(Reach.UNAVAILABLE, null, false, htmlTitle);
    }
    boolean contentTypeOk = isTextPlain(fetch.contentType());
    if (!contentTypeOk) {
      String shown = fetch.contentType() == null ? "missing" : Abnf.quote(fetch.contentType());
      findings.add(new Finding(FindingCode.POLICY_CONTENT_TYPE, "Content-Type " + shown));
    }
    ParsedPolicy policy = PolicyParser.parse(body);
    findings.addAll(policy.findings());
    return new Result(Reach.FETCHED, policy, contentTypeOk, htmlTitle);
  }

  /** RFC 8461 §3.3: the media type must be text/plain; parameters such as charset do not matter here. */
  static boolean isTextPlain(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT).equals("text/plain");
  }
}
