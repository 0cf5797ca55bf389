package org.mtastscensus.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asynchronous DNS queries that always end in a {@link DnsAnswer}: CNAME chains are followed here (not by the
 * resolver), failures are classified once into {@link DnsStatus}, and only retryable statuses are retried, with
 * exponential backoff, round-robin over the resolvers.
 *
 * <p>The futures complete on the resolver's thread (for {@link MuxResolver}, its single receiver thread): chain
 * heavy or blocking work with the {@code *Async} variants, or the whole transport stalls.
 */
public final class DnsClient {
  public static final int MAX_CNAME_HOPS = 8;
  public static final int DEFAULT_ATTEMPTS = 3;
  public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);

  private final List<Resolver> resolvers;
  private final List<ResolverHealth> health;
  private final int attempts;
  private final Duration backoff;
  private final AtomicInteger next = new AtomicInteger();

  public DnsClient(List<? extends Resolver> resolvers) {
    this(resolvers, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
  }

  /**
   * @param attempts tries per query step (first try included) for retryable statuses
   * @param backoff delay before the second try; doubled for each further try
   */
  public DnsClient(List<? extends Resolver> resolvers, int attempts, Duration backoff) {
    if (resolvers.isEmpty()) {
      throw new IllegalArgumentException("at least one resolver is needed");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.resolvers = List.copyOf(resolvers);
    List<ResolverHealth> h = new ArrayList<>();
    for (Resolver r : this.resolvers) {
      h.add(new ResolverHealth(label(r)));
    }
    this.health = List.copyOf(h);
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /**
   * The OS resolvers (resolv.conf and the like), each behind a {@link MuxResolver}. For people running the tool on
   * their own machine; scans should name a dedicated local recursive resolver instead.
   */
  public static List<Resolver> systemResolvers() throws IOException {
    List<Resolver> out = new ArrayList<>();
    for (InetSocketAddress server : ResolverConfig.getCurrentConfig().servers()) {
      out.add(new MuxResolver(server));
    }
    return out;
  }

  /** Queries {@code name} (any case, trailing dot optional) for {@code type} (a {@link Type} constant). */
  public CompletableFuture<DnsAnswer> query(String name, int type) {
    String normalized = MxRecord.normalizeHost(name == null ? "" : name.trim());
    boolean validType = type >= 0 && type <= 0xFFFF;
    String typeName = validType ? Type.string(type) : String.valueOf(type);
    Name qname;
    try {
      qname = Name.fromString(normalized + ".");
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(
          DnsAnswer.failed(normalized, typeName, DnsStatus.MALFORMED, "invalid query name: " + e.getMessage()));
    }
    if (!validType) {
      return CompletableFuture.completedFuture(
          DnsAnswer.failed(normalized, typeName, DnsStatus.MALFORMED, "invalid query type " + type));
    }
    return new ChainLookup(this, normalized, typeName, qname, type).start();
  }

  /** The first resolver found dead (see {@link ResolverHealth}); the caller should stop the run. */
  public Optional<String> failure() {
    for (ResolverHealth h : health) {
      Optional<String> failure = h.failure();
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  List<ResolverHealth> health() {
    return health;
  }

  int attempts() {
    return attempts;
  }

  long backoffMillis(int failedAttempt) {
    long base = backoff.toMillis() << Math.min(failedAttempt - 1, 10);
    // Jitter keeps retries of a burst of timeouts from arriving at the server in one burst again.
    return base + (long) (Math.random() * (backoff.toMillis() / 2.0));
  }

  int nextResolver() {
    return Math.floorMod(next.getAndIncrement(), resolvers.size());
  }

  Resolver resolver(int index) {
    return resolvers.get(index);
  }

  static String label(Resolver resolver) {
    if (resolver instanceof MuxResolver mux) {
      return mux.describeServer();
    }
    if (resolver instanceof SimpleResolver simple) {
      InetSocketAddress a = simple.getAddress();
      return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
    return resolver.toString().toLowerCase(Locale.ROOT);
  }
}
