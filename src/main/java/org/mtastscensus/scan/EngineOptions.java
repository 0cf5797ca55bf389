package org.mtastscensus.scan;

import java.io.Serializable;
import java.util.List;
import org.mtastscensus.verdict.RulesConfig;

/**
 * Everything needed to build a scan engine anywhere: on the driver, in a plain {@code main}, or on a Spark
 * executor. Plain values only (the extra CA certificates travel as PEM text, not file names), so the options can be
 * serialised to executors and written into run metadata as they are.
 *
 * @param resolvers DNS servers as host:port; empty means the operating system's nameservers (for real users only)
 * @param extraTrustPem CA certificates in PEM trusted in addition to the JDK's store
 * @param httpsPort port of the policy hosts (443 on the Internet)
 * @param allowPrivateTargets allow policy hosts on private and loopback addresses (labs and tests)
 * @param optOutDomains domains (and their subdomains) never contacted over HTTPS
 * @param optOutNetworks networks in CIDR notation never contacted over HTTPS
 * @param dnsTimeoutMillis one DNS query attempt
 * @param dnsAttempts tries per query for retryable failures
 * @param fetchBudgetMillis total time of one policy fetch
 * @param connectTimeoutMillis one TCP connection attempt
 * @param slowThresholdMillis a complete fetch slower than this gets POLICY_SLOW
 * @param domainDeadlineMillis safety net over all stages of one domain
 * @param maxDomainsInFlight domains scanned at once
 * @param maxFetchesInFlight HTTPS fetches at once
 * @param maxConnectionsPerAddress HTTPS fetches at once to one IP address
 * @param contactUrl named in the User-Agent, for operators who want to know who scans them
 * @param tlsRptForAll query TLS-RPT for every domain, not only those with an STS record
 * @param fetchWithoutRecord fetch the policy of domains without a record whose policy host resolves
 */
public record EngineOptions(
    List<String> resolvers,
    List<String> extraTrustPem,
    int httpsPort,
    boolean allowPrivateTargets,
    List<String> optOutDomains,
    List<String> optOutNetworks,
    long dnsTimeoutMillis,
    int dnsAttempts,
    long fetchBudgetMillis,
    long connectTimeoutMillis,
    long slowThresholdMillis,
    long domainDeadlineMillis,
    int maxDomainsInFlight,
    int maxFetchesInFlight,
    int maxConnectionsPerAddress,
    String contactUrl,
    boolean tlsRptForAll,
    boolean fetchWithoutRecord) implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int HTTPS_PORT_DEFAULT = 443;
  public static final long DNS_TIMEOUT_MILLIS_DEFAULT = 3_000;
  public static final int DNS_ATTEMPTS_DEFAULT = 3;
  /** RFC 8461 §3.3 suggests senders wait up to 60 s; a census gives hosts less but still generous time. */
  public static final long FETCH_BUDGET_MILLIS_DEFAULT = 20_000;
  public static final long CONNECT_TIMEOUT_MILLIS_DEFAULT = 10_000;
  public static final long DOMAIN_DEADLINE_MILLIS_DEFAULT = 60_000;
  public static final int MAX_DOMAINS_IN_FLIGHT_DEFAULT = 200;
  public static final int MAX_FETCHES_IN_FLIGHT_DEFAULT = 64;
  public static final int MAX_CONNECTIONS_PER_ADDRESS_DEFAULT = 2;
  /** No made-up address: whoever runs a scan names a page where operators learn about it (--contact-url). */
  public static final String CONTACT_URL_DEFAULT = "";

  public EngineOptions {
    resolvers = List.copyOf(resolvers);
    extraTrustPem = List.copyOf(extraTrustPem);
    optOutDomains = List.copyOf(optOutDomains);
    optOutNetworks = List.copyOf(optOutNetworks);
  }

  public static EngineOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction starting from the defaults; {@link #build()} validates. */
  public static final class Builder {
    private List<String> resolvers = List.of();
    private List<String> extraTrustPem = List.of();
    private int httpsPort = HTTPS_PORT_DEFAULT;
    private boolean allowPrivateTargets = false;
    private List<String> optOutDomains = List.of();
    private List<String> optOutNetworks = List.of();
    private long dnsTimeoutMillis = DNS_TIMEOUT_MILLIS_DEFAULT;
    private int dnsAttempts = DNS_ATTEMPTS_DEFAULT;
    private long fetchBudgetMillis = FETCH_BUDGET_MILLIS_DEFAULT;
    private long connectTimeoutMillis = CONNECT_TIMEOUT_MILLIS_DEFAULT;
    private long slowThresholdMillis = RulesConfig.SLOW_THRESHOLD_MILLIS_DEFAULT;
    private long domainDeadlineMillis = DOMAIN_DEADLINE_MILLIS_DEFAULT;
    private int maxDomainsInFlight = MAX_DOMAINS_IN_FLIGHT_DEFAULT;
    private int maxFetchesInFlight = MAX_FETCHES_IN_FLIGHT_DEFAULT;
    private int maxConnectionsPerAddress = MAX_CONNECTIONS_PER_ADDRESS_DEFAULT;
    private String contactUrl = CONTACT_URL_DEFAULT;
    private boolean tlsRptForAll = false;
    private boolean fetchWithoutRecord = false;

    public Builder resolvers(List<String> value) {
      this.resolvers = value;
      return this;
    }

    public Builder extraTrustPem(List<String> value) {
      this.extraTrustPem = value;
      return this;
    }

    public Builder httpsPort(int value) {
      this.httpsPort = value;
      return this;
    }

    public Builder allowPrivateTargets(boolean value) {
      this.allowPrivateTargets = value;
      return this;
    }

    public Builder optOutDomains(List<String> value) {
      this.optOutDomains = value;
      return this;
    }

    public Builder optOutNetworks(List<String> value) {
      this.optOutNetworks = value;
      return this;
    }

    public Builder dnsTimeoutMillis(long value) {
      this.dnsTimeoutMillis = value;
      return this;
    }

    public Builder dnsAttempts(int value) {
      this.dnsAttempts = value;
      return this;
    }

    public Builder fetchBudgetMillis(long value) {
      this.fetchBudgetMillis = value;
      return this;
    }

    public Builder connectTimeoutMillis(long value) {
      this.connectTimeoutMillis = value;
      return this;
    }

    public Builder slowThresholdMillis(long value) {
      this.slowThresholdMillis = value;
      return this;
    }

    public Builder domainDeadlineMillis(long value) {
      this.domainDeadlineMillis = value;
      return this;
    }

    public Builder maxDomainsInFlight(int value) {
      this.maxDomainsInFlight = value;
      return this;
    }

    public Builder maxFetchesInFlight(int value) {
      this.maxFetchesInFlight = value;
      return this;
    }

    public Builder maxConnectionsPerAddress(int value) {
      this.maxConnectionsPerAddress = value;
      return this;
    }

    public Builder contactUrl(String value) {
      this.contactUrl = value;
      return this;
    }

    public Builder tlsRptForAll(boolean value) {
      this.tlsRptForAll = value;
      return this;
    }

    public Builder fetchWithoutRecord(boolean value) {
      this.fetchWithoutRecord = value;
      return this;
    }

    public EngineOptions build() {
      if (httpsPort < 1 || httpsPort > 65535) {
        throw new IllegalArgumentException("HTTPS port must be 1-65535, got " + httpsPort);
      }
      if (dnsTimeoutMillis < 1 || fetchBudgetMillis < 1 || connectTimeoutMillis < 1 || domainDeadlineMillis < 1) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
      if (dnsAttempts < 1 || maxDomainsInFlight < 1 || maxFetchesInFlight < 1 || maxConnectionsPerAddress < 1) {
        throw new IllegalArgumentException("attempts and concurrency limits must be at least 1");
      }
      return new EngineOptions(resolvers, extraTrustPem, httpsPort, allowPrivateTargets, optOutDomains,
          optOutNetworks, dnsTimeoutMillis, dnsAttempts, fetchBudgetMillis, connectTimeoutMillis, slowThresholdMillis, domainDeadlineMillis, maxDomainsInFlight, maxFetchesInFlight, maxConnectionsPerAddress, contactUrl, tlsRptForAll, fetchWithoutRecord);
    }
  }
}
