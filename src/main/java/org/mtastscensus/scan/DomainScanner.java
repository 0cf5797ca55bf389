package org.mtastscensus.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.fetch.FetchStatus;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.DomainJudge;
import org.mtastscensus.verdict.Verdict;
import org.xbill.DNS.Type;

/**
 * Drives the stages of one domain in the order a sender meets them, as far as the rules need: TXT
 * {@code _mta-sts} and MX in parallel; when a TXT record exists, A/AAAA of the policy host, then the HTTPS fetch
 * (contract §3.2); TLS-RPT for every domain or only for those with a TXT record. The returned future always
 * completes normally: an internal failure or the domain deadline becomes an UNDETERMINED result that keeps
 * whatever was observed.
 */
public final class DomainScanner {
  private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private final DnsLookup dns;
  private final PolicySource policies;
  private final ScanConfig config;
  private final Clock clock;

  public DomainScanner(DnsLookup dns, PolicySource policies, ScanConfig config, Clock clock) {
    this.dns = dns;
    this.policies = policies;
    this.config = config;
    this.clock = clock;
  }

  /** Scans one normalised domain name. */
  public CompletableFuture<ScanResult> scan(String domain) {
    Stages stages = new Stages(domain, clock.instant(), System.nanoTime());
    CompletableFuture<ScanResult> result;
    try {
      result = stages.start()
          .orTimeout(config.domainDeadlineMillis(), TimeUnit.MILLISECONDS)
          .handle((facts, failure) -> failure == null ? stages.finish(facts, "") : stages.salvage(failure));
    } catch (RuntimeException e) {
      result = CompletableFuture.completedFuture(stages.salvage(e));
    }
    return result;
  }

  /** The futures of one domain, kept so that a deadline can salvage the stages that did complete. */
  private final class Stages {
    private final String domain;
    private final Instant startedAt;
    private final long startNanos;
    private volatile CompletableFuture<DnsAnswer> txt;
    private volatile CompletableFuture<DnsAnswer> mx;
    private volatile CompletableFuture<DnsAnswer> tlsRpt;
    private volatile CompletableFuture<DnsAnswer> hostA;
    private volatile CompletableFuture<DnsAnswer> hostAaaa;
    private volatile CompletableFuture<PolicyFetch> fetch;
    /** The fetch request left, past the fetcher's own concurrency permits. */
    private volatile boolean fetchSent;

    Stages(String domain, Instant startedAt, long startNanos) {
      this.domain = domain;
      this.startedAt = startedAt;
      this.startNanos = startNanos;
    }

    CompletableFuture<DomainFacts> start() {
      txt = dns.query("_mta-sts." + domain, Type.TXT);
      mx = dns.query(domain, Type.MX);
      if (config.tlsRptForAll()) {
        tlsRpt = tlsRptQuery();
      }
      CompletableFuture<Void> policySide = txt.thenCompose(answer -> {
        boolean hasTxt = answer.status() == DnsStatus.NOERROR && !answer.values().isEmpty();
        if (!config.tlsRptForAll() && hasTxt) {
          tlsRpt = tlsRptQuery();
        }
        if (!hasTxt && !config.fetchWithoutRecord()) {
          return CompletableFuture.completedFuture(null);
        }
        return policyStage();
      });
      return policySide
          .thenCompose(ignored -> mx)
          .thenCompose(ignored -> tlsRpt == null ? CompletableFuture.completedFuture(null) : tlsRpt)
          .thenApply(ignored -> facts());
    }

    private CompletableFuture<DnsAnswer> tlsRptQuery() {
      return dns.query("_smtp._tls." + domain, Type.TXT);
    }

    private CompletableFuture<Void> policyStage() {
      String host = "mta-sts." + domain;
      hostA = dns.query(host, Type.A);
      hostAaaa = dns.query(host, Type.AAAA);
      return hostA.thenCombine(hostAaaa, DomainScanner::addresses).thenCompose(addresses -> {
        if (addresses.isEmpty()) {
          return CompletableFuture.completedFuture(null);
        }
        fetch = policies.fetch(domain, addresses, () -> fetchSent = true);
        return fetch.thenApply(ignored -> null);
      });
    }

    private DomainFacts facts() {
      return new DomainFacts(domain, now(txt, Type.TXT, "_mta-sts." + domain), now(mx, Type.MX, domain),
          nowOrNull(tlsRpt, Type.TXT, "_smtp._tls." + domain), nowOrNull(hostA, Type.A, "mta-sts." + domain),
          nowOrNull(hostAaaa, Type.AAAA, "mta-sts." + domain), fetchNow());
    }

    ScanResult finish(DomainFacts facts, String error) {
      Verdict verdict = error.isEmpty() ? DomainJudge.judge(facts, config.rules()) : DomainJudge.undetermined();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      return new ScanResult(domain, startedAt, millis, facts, verdict, error);
    }

    /**
     * The deadline passed or something threw: keep what completed. A deadline is an observation (the stages were
     * too slow) and is judged like any timeout; anything else is a scanner failure.
     */
    ScanResult salvage(Throwable failure) {
      Throwable cause = failure.getCause() != null && !(failure instanceof TimeoutException) ? failure.getCause() : failure;
      DomainFacts facts = facts();
      if (cause instanceof TimeoutException) {
        return finish(facts, "");
      }
      return finish(facts, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private PolicyFetch fetchNow() {
      if (fetch == null) {
        return null;
      }
      if (!fetchSent) {
        // Still queued behind the scanner's own HTTPS limits (per address, in flight): the policy host was never
        // contacted, so a timeout would be a false observation about it. The scanner could not decide.
        return fetch.getNow(PolicyFetch.failed(FetchStatus.INTERNAL_ERROR, "domain deadline of "
            + config.domainDeadlineMillis() + " ms passed while the fetch waited for a local concurrency permit"
            + " (per-address or in-flight limit); the policy host was not contacted", 0));
      }
      return fetch.getNow(PolicyFetch.failed(FetchStatus.TIMEOUT,
          "domain deadline of " + config.domainDeadlineMillis() + " ms passed during the fetch", 0));
    }

    private DnsAnswer now(CompletableFuture<DnsAnswer> future, int type, String name) {
      DnsAnswer pending = DnsAnswer.failed(name, Type.string(type), DnsStatus.TIMEOUT,
          "domain deadline of " + config.domainDeadlineMillis() + " ms passed");
      if (future == null) {
        return pending;
      }
      try {
        return future.getNow(pending);
      } catch (RuntimeException e) {
        return DnsAnswer.failed(name, Type.string(type), DnsStatus.MALFORMED, e.toString());
      }
    }

    private DnsAnswer nowOrNull(CompletableFuture<DnsAnswer> future, int type, String name) {
      return future == null ? null : now(future, type, name);
    }
  }

  private static List<InetAddress> addresses(DnsAnswer a, DnsAnswer aaaa) {
    List<InetAddress> addresses = new ArrayList<>();
    for (DnsAnswer answer : List.of(a, aaaa)) {
      if (answer.status() != DnsStatus.NOERROR) {
        continue;
      }
      for (String literal : answer.values()) {
        if (!ADDRESS_LITERAL.matcher(literal).matches()) {
          continue; // getByName would fall back to the OS resolver for anything but a literal
        }
        try {
          addresses.add(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
          // the DNS layer only stores address literals; a bad one is skipped, the answer stays in the evidence
        }
      }
    }
    return addresses;
  }
}
