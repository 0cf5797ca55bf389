package org.mtastscensus.verdict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.fetch.TlsFacts;

/**
 * Test helper: the {@link DomainFacts} of one realistic domain, built fluently. The default is a fully valid
 * {@code enforce} domain {@code example.com}: one STS record, two MX hosts covered by {@code *.example.com}, a valid
 * TLS-RPT record, an address for {@code mta-sts.example.com} and a complete 200 {@code text/plain} fetch over a
 * certificate with a SAN. Each method changes one piece; everything else stays valid. A builder is mutable and not
 * shared: tests create one per case with {@link #valid()}.
 */
public final class FactsBuilder {
  public static final String DEFAULT_POLICY = "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n";

  private String domain = "example.com";

  private DnsStatus txtStatus = DnsStatus.NOERROR;
  private List<String> txt = List.of("v=STSv1; id=20240101");
  private List<String> txtCname = List.of();

  private DnsStatus mxStatus = DnsStatus.NOERROR;
  private List<String> mx = List.of("10 mx1.example.com", "20 mx2.example.com");

  private boolean tlsRptQueried = true;
  private DnsStatus tlsRptStatus = DnsStatus.NOERROR;
  private List<String> tlsRpt = List.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com");

  private boolean hostQueried = true;
  private DnsStatus hostAStatus = DnsStatus.NOERROR;
  private List<String> hostA = List.of("192.0.2.1");
  private DnsStatus hostAaaaStatus = DnsStatus.NODATA;
  private List<String> hostAaaa = List.of();
  private List<String> hostCname = List.of();

  private boolean fetchTried = true;
  private FetchStatus fetchStatus = FetchStatus.COMPLETE;
  private String fetchDetail = "";
  private Integer httpStatus = 200;
  private String contentType = "text/plain";
  private String location;
  private byte[] body = DEFAULT_POLICY.getBytes(StandardCharsets.US_ASCII);
  private long elapsedMillis = 180;
  private boolean cnOnly;
  private boolean tlsKnown = true;

  private FactsBuilder() {}

  /** The fully valid enforce domain described in the class comment. */
  public static FactsBuilder valid() {
    return new FactsBuilder();
  }

  /** A domain with mail but no MTA-STS at all: TXT NXDOMAIN, nothing looked up or fetched on the policy side. */
  public static FactsBuilder noRecord() {
    return valid().txtStatus(DnsStatus.NXDOMAIN).noPolicyHostLookup().noFetch().tlsRptStatus(DnsStatus.NXDOMAIN);
  }

  // ---------------------------------------------------------------- domain

  public FactsBuilder domain(String newDomain) {
    this.domain = newDomain;
    return this;
  }

  // ---------------------------------------------------------------- TXT _mta-sts

  /** The TXT RRs at {@code _mta-sts} (character-strings already joined); none means NODATA. */
  public FactsBuilder txt(String... values) {
    this.txt = List.of(values);
    this.txtStatus = values.length == 0 ? DnsStatus.NODATA : DnsStatus.NOERROR;
    return this;
  }

  /** A TXT status without data (NXDOMAIN, NODATA, SERVFAIL, TIMEOUT, ...). NOERROR keeps the current values. */
  public FactsBuilder txtStatus(DnsStatus status) {
    this.txtStatus = status;
    if (status != DnsStatus.NOERROR) {
      this.txt = List.of();
    }
    return this;
  }

  /** {@code _mta-sts} is reached through this CNAME chain (targets in order, the last one is the final owner). */
  public FactsBuilder txtCname(String... chain) {
    this.txtCname = List.of(chain);
    return this;
  }

  // ---------------------------------------------------------------- MX

  /** MX values as "preference exchange"; none means NODATA (implicit MX). */
  public FactsBuilder mx(String... values) {
    this.mx = List.of(values);
    this.mxStatus = values.length == 0 ? DnsStatus.NODATA : DnsStatus.NOERROR;
    return this;
  }

  public FactsBuilder mxStatus(DnsStatus status) {
    this.mxStatus = status;
    if (status != DnsStatus.NOERROR) {
      this.mx = List.of();
    }
    return this;
  }

  // ---------------------------------------------------------------- TXT _smtp._tls

  /** The TXT RRs at {@code _smtp._tls}; none means NODATA. */
  public FactsBuilder tlsRpt(String... values) {
    this.tlsRptQueried = true;
    this.tlsRpt = List.of(values);
    this.tlsRptStatus = values.length == 0 ? DnsStatus.NODATA : DnsStatus.NOERROR;
    return this;
  }

  public FactsBuilder tlsRptStatus(DnsStatus status) {
    this.tlsRptQueried = true;
    this.tlsRptStatus = status;
    if (status != DnsStatus.NOERROR) {
      this.tlsRpt = List.of();
    }
    return this;
  }

  /** TLS-RPT was not queried at all (null in the facts). */
  public FactsBuilder noTlsRptLookup() {
    this.tlsRptQueried = false;
    return this;
  }

  // ---------------------------------------------------------------- A / AAAA mta-sts.<domain>

  public FactsBuilder hostA(String... addresses) {
    this.hostQueried = true;
    this.hostA = List.of(addresses);
    this.hostAStatus = addresses.length == 0 ? DnsStatus.NODATA : DnsStatus.NOERROR;
    return this;
  }

  public FactsBuilder hostAStatus(DnsStatus status) {
    this.hostQueried = true;
    this.hostAStatus = status;
    if (status != DnsStatus.NOERROR) {
      this.hostA = List.of();
    }
    return this;
  }

  public FactsBuilder hostAaaa(String... addresses) {
    this.hostQueried = true;
    this.hostAaaa = List.of(addresses);
    this.hostAaaaStatus = addresses.length == 0 ? DnsStatus.NODATA : DnsStatus.NOERROR;
    return this;
  }

  public FactsBuilder hostAaaaStatus(DnsStatus status) {
    this.hostQueried = true;
    this.hostAaaaStatus = status;
    if (status != DnsStatus.NOERROR) {
      this.hostAaaa = List.of();
    }
    return this;
  }

  /** Both A and AAAA of the policy host with the same status (e.g. NXDOMAIN, SERVFAIL). */
  public FactsBuilder hostStatus(DnsStatus status) {
    return hostAStatus(status).hostAaaaStatus(status);
  }

  /** The policy host is reached through this CNAME chain (recorded on both A and AAAA answers). */
  public FactsBuilder hostCname(String... chain) {
    this.hostCname = List.of(chain);
    return this;
  }

  /** The policy host's addresses were not looked up separately (null A and AAAA in the facts). */
  public FactsBuilder noPolicyHostLookup() {
    this.hostQueried = false;
    return this;
  }

  // ---------------------------------------------------------------- HTTPS fetch

  /** No fetch was tried (null in the facts). */
  public FactsBuilder noFetch() {
    this.fetchTried = false;
    return this;
  }

  /**
   * How the fetch ended. Anything but COMPLETE yields {@link PolicyFetch#failed}: no HTTP status, headers or body.
   */
  public FactsBuilder fetchStatus(FetchStatus status) {
    return fetchStatus(status, status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  public FactsBuilder fetchStatus(FetchStatus status, String detail) {
    this.fetchTried = true;
    this.fetchStatus = status;
    this.fetchDetail = detail;
    return this;
  }

  public FactsBuilder httpStatus(Integer status) {
    this.fetchTried = true;
    this.httpStatus = status;
    return this;
  }

  /** The Content-Type header as sent; null means the header is missing. */
  public FactsBuilder contentType(String value) {
    this.fetchTried = true;
    this.contentType = value;
    return this;
  }

  public FactsBuilder location(String value) {
    this.fetchTried = true;
    this.location = value;
    return this;
  }

  public FactsBuilder body(String text) {
    return body(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
  }

  public FactsBuilder body(byte[] bytes) {
    this.fetchTried = true;
    this.body = bytes;
    return this;
  }

  /** A policy body made of these lines, each terminated by LF. */
  public FactsBuilder policy(String... lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return body(text.toString());
  }

  /** The default policy with its {@code mode} line replaced. */
  public FactsBuilder mode(String mode) {
    return policy("version: STSv1", "mode: " + mode, "mx: *.example.com", "max_age: 604800");
  }

  public FactsBuilder elapsedMillis(long millis) {
    this.fetchTried = true;
    this.elapsedMillis = millis;
    return this;
  }

  /** The certificate has no subjectAltName and the host name matched only its subject CN. */
  public FactsBuilder cnOnly() {
    this.cnOnly = true;
    this.tlsKnown = true;
    return this;
  }

  /** No TLS facts recorded (null). */
  public FactsBuilder noTlsFacts() {
    this.tlsKnown = false;
    return this;
  }

  // ---------------------------------------------------------------- build

  public DomainFacts build() {
    DnsAnswer stsTxt = answer("_mta-sts." + domain, "TXT", txtStatus, txt).withCnameChain(txtCname);
    DnsAnswer mxAnswer = answer(domain, "MX", mxStatus, mx);
    DnsAnswer tlsRptAnswer = tlsRptQueried ? answer("_smtp._tls." + domain, "TXT", tlsRptStatus, tlsRpt) : null;
    DnsAnswer a = null;
    DnsAnswer aaaa = null;
    if (hostQueried) {
      a = answer("mta-sts." + domain, "A", hostAStatus, hostA).withCnameChain(hostCname);
      aaaa = answer("mta-sts." + domain, "AAAA", hostAaaaStatus, hostAaaa).withCnameChain(hostCname);
    }
    return new DomainFacts(domain, stsTxt, mxAnswer, tlsRptAnswer, a, aaaa, fetchTried ? fetch() : null);
  }

  /** Judges the built facts with the default rules. */
  public Verdict judge() {
    return DomainJudge.judge(build(), RulesConfig.defaults());
  }

  private PolicyFetch fetch() {
    if (fetchStatus != FetchStatus.COMPLETE) {
      return PolicyFetch.failed(fetchStatus, fetchDetail, elapsedMillis);
    }
    TlsFacts tls = null;
    if (tlsKnown) {
      String host = "mta-sts." + domain;
      tls = new TlsFacts("TLSv1.3", "CN=" + host, "CN=R11, O=Let's Encrypt, C=US", "2030-01-01T00:00:00Z",
          cnOnly ? List.of() : List.of(host), cnOnly);
    }
    byte[] bodyCopy = body == null ? null : Arrays.copyOf(body, body.length);
    return new PolicyFetch(FetchStatus.COMPLETE, "", httpStatus, contentType, location, bodyCopy, elapsedMillis, tls);
  }

  private static DnsAnswer answer(String name, String type, DnsStatus status, List<String> values) {
    if (status == DnsStatus.NOERROR || status == DnsStatus.NODATA) {
      List<String> kept = status == DnsStatus.NODATA ? List.of() : new ArrayList<>(values);
      return new DnsAnswer(name, type, status, kept, List.of(), "");
    }
    String detail = status.failed() ? "after 3 tries" : "";
    return new DnsAnswer(name, type, status, List.of(), List.of(), detail);
  }
}
