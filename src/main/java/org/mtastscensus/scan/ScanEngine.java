package org.mtastscensus.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.mtastscensus.dns.DnsClient;
import org.mtastscensus.dns.MuxResolver;
import org.mtastscensus.fetch.Cidr;
import org.mtastscensus.fetch.FetchConfig;
import org.mtastscensus.fetch.TargetPolicy;
import org.mtastscensus.verdict.RulesConfig;
import org.xbill.DNS.Resolver;

/**
 * A complete scanner built from {@link EngineOptions}: the multiplexed DNS client, the policy fetcher, the
 * per-domain stage chain and the bounded pipeline. One per JVM or per Spark partition; not serialisable (it owns
 * sockets and threads), so executors build their own from the options.
 */
public final class ScanEngine implements AutoCloseable {
  private final EngineOptions options;
  private final List<MuxResolver> transports = new ArrayList<>();
  private final DnsClient dns;
  private final ResolvedPolicySource policies;
  private final ScanPipeline pipeline;

  public ScanEngine(EngineOptions options) {
    this.options = options;
    List<Resolver> resolvers = new ArrayList<>();
    try {
      if (options.resolvers().isEmpty()) {
        resolvers.addAll(DnsClient.systemResolvers());
      } else {
        for (String resolver : options.resolvers()) {
          MuxResolver transport = new MuxResolver(parseHostPort(resolver));
          transports.add(transport);
          resolvers.add(transport);
        }
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot open DNS sockets: " + e.getMessage(), e);
    }
    for (Resolver resolver : resolvers) {
      resolver.setTimeout(Duration.ofMillis(options.dnsTimeoutMillis()));
      if (resolver instanceof MuxResolver mux && !transports.contains(mux)) {
        transports.add(mux);
      }
    }
    dns = new DnsClient(resolvers, options.dnsAttempts(), DnsClient.DEFAULT_BACKOFF);
    policies = new ResolvedPolicySource(fetchConfig(options));
    ScanConfig config = new ScanConfig(options.domainDeadlineMillis(), options.tlsRptForAll(),
        options.fetchWithoutRecord(), new RulesConfig(options.slowThresholdMillis()));
    DomainScanner scanner = new DomainScanner(dns::query, policies, config, Clock.systemUTC());
    pipeline = new ScanPipeline(scanner, options.maxDomainsInFlight(), dns::failure);
  }

  /** Scans normalised domain names; see {@link ScanPipeline#scan(Iterator)}. */
  public Iterator<ScanResult> scan(Iterator<String> domains) {
    return pipeline.scan(domains);
  }

  public EngineOptions options() {
    return options;
  }

  /** The resolvers actually used, as host:port (the system's when none were configured). */
  public List<String> resolverNames() {
    return transports.stream().map(MuxResolver::describeServer).toList();
  }

  static FetchConfig fetchConfig(EngineOptions options) {
    TargetPolicy targets = new TargetPolicy(options.allowPrivateTargets(), new HashSet<>(options.optOutDomains()),
        options.optOutNetworks().stream().map(Cidr::parse).toList());
    return FetchConfig.defaults(options.contactUrl())
        .withPort(options.httpsPort())
        .withBudget(Duration.ofMillis(options.fetchBudgetMillis()))
        .withConnectTimeout(Duration.ofMillis(options.connectTimeoutMillis()))
        .withLimits(options.maxConnectionsPerAddress(), options.maxFetchesInFlight())
        .withExtraTrustAnchors(certificates(options.extraTrustPem()))
        .withTargetPolicy(targets);
  }

  /** Parses PEM text (one or more certificates per entry). */
  public static List<X509Certificate> certificates(List<String> pemTexts) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (String pem : pemTexts) {
        for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
          out.add((X509Certificate) certificate);
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
    return out;
  }

  /** "127.0.0.1:5353", "[::1]:53" or a bare address (port 53). Only address literals: no lookup happens here. */
  public static InetSocketAddress parseHostPort(String text) {
    String host = text.strip();
    int port = 53;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("resolver " + text + ": missing ]");
      }
      String rest = host.substring(close + 1);
      host = host.substring(1, close);
      if (rest.startsWith(":")) {
        port = parsePort(text, rest.substring(1));
      } else if (!rest.isEmpty()) {
        throw new IllegalArgumentException("resolver " + text + ": expected [ADDRESS]:PORT");
      }
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      port = parsePort(text, host.substring(host.indexOf(':') + 1));
      host = host.substring(0, host.indexOf(':'));
    }
    if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
      throw new IllegalArgumentException("resolver " + text + ": give an IP address, not a name");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (IOException e) {
      throw new IllegalArgumentException("resolver " + text + ": not an IP address", e);
    }
  }

  private static int parsePort(String text, String port) {
    try {
      int value = Integer.parseInt(port);
      if (value < 1 || value > 65535) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resolver " + text + ": port must be 1-65535");
    }
  }

  @Override
  public void close() {
    if (policies != null) {
      policies.close();
    }
    transports.forEach(MuxResolver::close);
  }
}
