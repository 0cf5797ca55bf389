package org.mtastscensus.fetch;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the policy fetcher behaves.
 *
 * @param port the HTTPS port; 443 on the internet, anything in a sandbox
 * @param budget total time for one fetch, from the first connection attempt to the last body byte
 * @param connectTimeout time for one TCP connection attempt; a host with several addresses may use it more than once
 * @param bodyCap bytes of body kept; one more makes the fetch TOO_LARGE (RFC 8461 §3.3 suggests 64 KiB)
 * @param userAgent sent with every request so that operators can see who is fetching and whom to ask
 * @param maxConnectionsPerAddress fetches in flight to one IP address, since thousands of policy hosts share a
 *     provider's front end
 * @param maxInFlight fetches in flight in total
 * @param extraTrustAnchors CA certificates trusted in addition to the JDK's default store (labs, the sandbox)
 * @param targetPolicy which hosts and addresses may be contacted at all
 */
public record FetchConfig(
    int port,
    Duration budget,
    Duration connectTimeout,
    int bodyCap,
    String userAgent,
    int maxConnectionsPerAddress,
    int maxInFlight,
    List<X509Certificate> extraTrustAnchors,
    TargetPolicy targetPolicy) {

  public static final int DEFAULT_BODY_CAP = 64 * 1024;
  public static final String PRODUCT = "MTA-STS-Census/0.1";

  public FetchConfig {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(targetPolicy, "targetPolicy");
    extraTrustAnchors = List.copyOf(extraTrustAnchors);
    if (port < 1 || port > 65535 || bodyCap < 1 || maxConnectionsPerAddress < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("port, body cap and limits must be positive");
    }
    if (budget.isNegative() || budget.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("budget and connect timeout must be positive");
    }
  }

  /**
   * Internet defaults: port 443, the RFC's suggested 60 s and 64 KiB, special-purpose addresses refused.
   *
   * @param contactUrl where operators learn about the scan and ask to opt out; goes into the User-Agent
   */
  public static FetchConfig defaults(String contactUrl) {
    return new FetchConfig(443, Duration.ofSeconds(60), Duration.ofSeconds(10), DEFAULT_BODY_CAP,
        userAgent(contactUrl), 2, 256, List.of(), TargetPolicy.publicInternet());
  }

  public static String userAgent(String contactUrl) {
    if (contactUrl == null || contactUrl.isBlank()) {
      return PRODUCT + " (MTA-STS adoption survey)";
    }
    return PRODUCT + " (MTA-STS adoption survey; +" + contactUrl + ")";
  }

  public FetchConfig withPort(int newPort) {
    return new FetchConfig(newPort, budget, connectTimeout, bodyCap, userAgent, maxConnectionsPerAddress,
        maxInFlight, extraTrustAnchors, targetPolicy);
  }

  public FetchConfig withBudget(Duration newBudget) {
    return new FetchConfig(port, newBudget, connectTimeout, bodyCap, userAgent, maxConnectionsPerAddress,
        maxInFlight, extraTrustAnchors, targetPolicy);
  }

  public FetchConfig withConnectTimeout(Duration newConnectTimeout) {
    return new FetchConfig(port, budget, newConnectTimeout, bodyCap, userAgent, maxConnectionsPerAddress,
        maxInFlight, extraTrustAnchors, targetPolicy);
  }

  public FetchConfig withLimits(int newPerAddress, int newInFlight) {
    return new FetchConfig(port, budget, connectTimeout, bodyCap, userAgent, newPerAddress, newInFlight,
        extraTrustAnchors, targetPolicy);
  }

  public FetchConfig withExtraTrustAnchors(List<X509Certificate> anchors) {
    return new FetchConfig(port, budget, connectTimeout, bodyCap, userAgent, maxConnectionsPerAddress,
        maxInFlight, anchors, targetPolicy);
  }

  public FetchConfig withTargetPolicy(TargetPolicy newPolicy) {
    return new FetchConfig(port, budget, connectTimeout, bodyCap, userAgent, maxConnectionsPerAddress,
        maxInFlight, extraTrustAnchors, newPolicy);
  }
}
