package org.mtastscensus.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtastscensus.fetch.Cidr;
import org.mtastscensus.scan.EngineOptions;
import org.mtastscensus.scan.ScanEngine;

/** The engine options shared by every command that scans (check, scan): parsed once, documented once. */
public final class EngineArgs {
  public static final String USAGE = """
        --resolver HOST:PORT      DNS server to query (repeatable; default: the system's nameservers)
        --trust-ca FILE           extra trusted CA certificate(s) in PEM, added to the JDK trust store
        --https-port N            port of the policy hosts (default 443; for test worlds)
        --allow-private-targets   allow policy hosts on loopback and private addresses (labs, tests)
        --opt-out DOMAIN          never fetch from this domain or its subdomains (repeatable)
        --opt-out-network CIDR    never connect to addresses in this network (repeatable)
        --dns-timeout-ms N        one DNS attempt (default 3000)
        --dns-attempts N          tries per query on timeouts and SERVFAIL (default 3)
        --fetch-timeout-ms N      whole policy fetch budget (default 20000)
        --connect-timeout-ms N    one TCP connect (default 10000)
        --slow-ms N               a slower complete fetch gets POLICY_SLOW (default 4000)
        --domain-deadline-ms N    safety net per domain (default 60000)
        --concurrency N           domains in flight (default 200)
        --fetch-concurrency N     HTTPS fetches in flight (default 64)
        --per-address N           HTTPS fetches in flight per IP address (default 2)
        --contact-url URL         named in the User-Agent (who scans, how to opt out)
        --tlsrpt-all              query TLS-RPT for every domain, not only those with an STS record
        --fetch-without-record    also fetch policies of domains without a TXT record
      """;

  private final List<String> trustFiles = new ArrayList<>();
  private final List<String> resolvers = new ArrayList<>();
  private final List<String> optOuts = new ArrayList<>();
  private final List<String> optOutNetworks = new ArrayList<>();
  private final EngineOptions.Builder builder = EngineOptions.builder();

  /** Consumes one engine option at {@code args[i]}; returns how many arguments it used (0 when not an engine option). */
  public int accept(List<String> args, int i) throws UsageException {
    String option = args.get(i);
    switch (option) {
      case "--allow-private-targets" -> {
        builder.allowPrivateTargets(true);
        return 1;
      }
      case "--tlsrpt-all" -> {
        builder.tlsRptForAll(true);
        return 1;
      }
      case "--fetch-without-record" -> {
        builder.fetchWithoutRecord(true);
        return 1;
      }
      default -> {
        // options with a value below
      }
    }
    if (!option.startsWith("--")) {
      return 0;
    }
    boolean known = switch (option) {
      case "--resolver", "--trust-ca", "--https-port", "--opt-out", "--opt-out-network", "--dns-timeout-ms", "--dns-attempts",
          "--fetch-timeout-ms", "--connect-timeout-ms", "--slow-ms", "--domain-deadline-ms", "--concurrency",
          "--fetch-concurrency", "--per-address", "--contact-url" -> true;
      default -> false;
    };
    if (!known) {
      return 0;
    }
    if (i + 1 >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    String value = args.get(i + 1);
    switch (option) {
      case "--resolver" -> {
        try {
          ScanEngine.parseHostPort(value);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
        resolvers.add(value);
      }
      case "--trust-ca" -> trustFiles.add(value);
      case "--https-port" -> builder.httpsPort((int) number(option, value, 1, 65535));
      case "--opt-out" -> optOuts.add(value);
      case "--opt-out-network" -> {
        try {
          Cidr.parse(value);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--opt-out-network takes a CIDR network like 192.0.2.0/24, got " + value);
        }
        optOutNetworks.add(value);
      }
      case "--dns-timeout-ms" -> builder.dnsTimeoutMillis(number(option, value, 1, 600_000));
      case "--dns-attempts" -> builder.dnsAttempts((int) number(option, value, 1, 10));
      case "--fetch-timeout-ms" -> builder.fetchBudgetMillis(number(option, value, 1, 600_000));
      case "--connect-timeout-ms" -> builder.connectTimeoutMillis(number(option, value, 1, 600_000));
      case "--slow-ms" -> builder.slowThresholdMillis(number(option, value, 0, 600_000));
      case "--domain-deadline-ms" -> builder.domainDeadlineMillis(number(option, value, 1, 3_600_000));
      case "--concurrency" -> builder.maxDomainsInFlight((int) number(option, value, 1, 100_000));
      case "--fetch-concurrency" -> builder.maxFetchesInFlight((int) number(option, value, 1, 10_000));
      case "--per-address" -> builder.maxConnectionsPerAddress((int) number(option, value, 1, 1_000));
      case "--contact-url" -> builder.contactUrl(value);
      default -> throw new IllegalStateException(option);
    }
    return 2;
  }

  public EngineOptions build() throws UsageException {
    List<String> pems = new ArrayList<>();
    for (String file : trustFiles) {
      String pem;
      try {
        pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UsageException("cannot read --trust-ca file " + file + ": " + e.getMessage());
      }
      try {
        if (ScanEngine.certificates(List.of(pem)).isEmpty()) {
          throw new UsageException("--trust-ca file " + file + " holds no certificate");
        }
      } catch (IllegalArgumentException e) {
        throw new UsageException("--trust-ca file " + file + ": " + e.getMessage());
      }
      pems.add(pem);
    }
    try {
      return builder.resolvers(resolvers).extraTrustPem(pems).optOutDomains(optOuts).optOutNetworks(optOutNetworks).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A bounded number argument; the message names the option, the range and what was given. */
  public static long number(String option, String value, long min, long max) throws UsageException {
    try {
      long n = Long.parseLong(value);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " takes a number from " + min + " to " + max + ", got " + value);
    }
  }
}
