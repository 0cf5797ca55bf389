package org.mtastscensus.fetch;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} as RFC 8461 §3.3 asks (SNI, certificate checks,
 * no redirects, no caching) and records what happened as a {@link PolicyFetch}, never as an exception.
 *
 * <p>Steps: refuse opted-out hosts; resolve through the {@link AddressResolver}; drop addresses the
 * {@link TargetPolicy} refuses (all refused: BLOCKED); wait for a global and a per-address permit; GET over a fresh
 * TLS connection within the time budget, keeping at most the body cap.
 */
public final class PolicyFetcher implements AutoCloseable {
  public static final String PATH = "/.well-known/mta-sts.txt";

  private static final String ALL = "all";
  /** Slack after the budget before the fetcher stops waiting for Jetty's own timeout. */
  private static final long SAFETY_NET_MILLIS = 1_000;

  private final FetchConfig config;
  private final AddressResolver resolver;
  private final HttpClient client;
  private final KeyedLimiter<String> inFlight;
  private final KeyedLimiter<InetAddress> perAddress;

  public PolicyFetcher(FetchConfig config, AddressResolver resolver) {
    this.config = config;
    this.resolver = resolver;
    this.inFlight = new KeyedLimiter<>(config.maxInFlight());
    this.perAddress = new KeyedLimiter<>(config.maxConnectionsPerAddress());
    try {
      this.client = JettyClients.start(config,
          new ClassifyingTrustManager(TrustAnchors.pkix(config.extraTrustAnchors())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTPS client", e);
    }
  }

  /** Never completes exceptionally; every failure is a status in the result. */
  public CompletableFuture<PolicyFetch> fetch(String policyDomain) {
    return fetch(policyDomain, () -> { });
  }

  /**
   * As {@link #fetch(String)}; {@code onSend} runs when the request is sent, after the per-address and global
   * permits were granted (not at all when the fetch ends before, e.g. blocked or without an address).
   */
  public CompletableFuture<PolicyFetch> fetch(String policyDomain, Runnable onSend) {
    long start = System.nanoTime();
    try {
      String host = "mta-sts." + normalise(policyDomain);
      Optional<String> refused = config.targetPolicy().refusal(host);
      if (refused.isPresent()) {
        return CompletableFuture.completedFuture(PolicyFetch.failed(FetchStatus.BLOCKED, refused.get(), since(start)));
      }
      CompletableFuture<List<InetAddress>> lookup = resolver.resolve(host);
      if (lookup == null) {
        throw new IllegalStateException("the address resolver returned no future for " + host);
      }
      // A copy, so that the lookup's own future is not completed by this timeout; the DNS layer owns it.
      return lookup.copy()
          .orTimeout(config.budget().toMillis(), TimeUnit.MILLISECONDS)
          .handle((addresses, error) -> afterLookup(host, addresses, error, start, onSend))
          .thenCompose(next -> next)
          .exceptionally(error -> internalError(error, start));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internalError(e, start));
    }
  }

  private CompletableFuture<PolicyFetch> afterLookup(String host, List<InetAddress> addresses, Throwable error,
      long start, Runnable onSend) {
    if (error != null) {
      // A failed lookup says nothing about the domain's policy host; the DNS stage reports the lookup itself.
      return CompletableFuture.completedFuture(PolicyFetch.failed(FetchStatus.INTERNAL_ERROR,
          "address lookup for " + host + " failed: " + FailureClassifier.describe(unwrap(error)), since(start)));
    }
    if (addresses == null || addresses.isEmpty()) {
      return CompletableFuture.completedFuture(
          PolicyFetch.failed(FetchStatus.CONNECT_FAILED, host + " has no address to connect to", since(start)));
    }
    List<InetAddress> allowed = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (InetAddress address : addresses) {
      config.targetPolicy().refusal(address).ifPresentOrElse(reasons::add, () -> allowed.add(address));
    }
    if (allowed.isEmpty()) {
      return CompletableFuture.completedFuture(
          PolicyFetch.failed(FetchStatus.BLOCKED, String.join("; ", reasons), since(start)));
    }
    // The cap counts against the address tried first: Jetty moves to the next one only if that connect fails.
    InetAddress first = allowed.get(0);
    JettyClients.FetchTarget target = new JettyClients.FetchTarget(host, allowed);
    // Address permit first: fetches queued behind one busy shared front end must not sit on global permits
    // and starve every other address.
    return perAddress.acquire(first)
        .thenCompose(local -> inFlight.acquire(ALL)
            .thenCompose(global -> send(target, onSend))
            .whenComplete((result, failure) -> inFlight.release(ALL)))
        .whenComplete((result, failure) -> perAddress.release(first));
  }

  private CompletableFuture<PolicyFetch> send(JettyClients.FetchTarget target, Runnable onSend) {
    long start = System.nanoTime();
    try {
      onSend.run();
      ResponseCollector collector = new ResponseCollector(config.bodyCap(), start);
      long budget = config.budget().toMillis();
      Request request = client.newRequest(url(target.host))
          .method(HttpMethod.GET)
          .tag(target)
          .timeout(budget, TimeUnit.MILLISECONDS)
          .headers(headers -> headers
              .put(HttpHeader.ACCEPT, "text/plain, */*;q=0.1")
              .put(HttpHeader.CACHE_CONTROL, "no-cache")
              .put(HttpHeader.CONNECTION, "close"));
      Scheduler.Task safetyNet = client.getScheduler().schedule(() -> {
        TimeoutException timeout = new TimeoutException("fetch budget of " + budget + " ms elapsed");
        request.abort(timeout);
        collector.complete(FailureClassifier.classify(timeout));
      }, budget + SAFETY_NET_MILLIS, TimeUnit.MILLISECONDS);
      request.send(collector);
      return collector.result().whenComplete((result, failure) -> safetyNet.cancel());
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internalError(e, start));
    }
  }

  private String url(String host) {
    return "https://" + host + (config.port() == 443 ? "" : ":" + config.port()) + PATH;
  }

  private static PolicyFetch internalError(Throwable error, long start) {
    return PolicyFetch.failed(FetchStatus.INTERNAL_ERROR, FailureClassifier.describe(unwrap(error)), since(start));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String normalise(String domain) {
    String lower = domain.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static long since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTPS client", e);
    }
  }
}
