package org.mtastscensus.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts and addresses the scanner may contact. A census resolves names chosen by strangers, so a policy host
 * pointing at 127.0.0.1, a cloud metadata address or a private network must not turn the scanner against its own
 * environment; operators who asked not to be scanned are honoured here as well.
 */
public final class TargetPolicy {

  /** One special-purpose range and why it is refused (IANA IPv4/IPv6 Special-Purpose Address Registries). */
  record SpecialRange(Cidr network, String reason, boolean unicast) {
    static SpecialRange of(String cidr, String reason) {
      return new SpecialRange(Cidr.parse(cidr), reason, true);
    }

    /** Not a unicast host anywhere, so even a lab has nothing to fetch there. */
    static SpecialRange never(String cidr, String reason) {
      return new SpecialRange(Cidr.parse(cidr), reason, false);
    }
  }

  static final List<SpecialRange> SPECIAL_PURPOSE = List.of(
      SpecialRange.never("0.0.0.0/8", "this network (RFC 791)"),
      SpecialRange.of("10.0.0.0/8", "private (RFC 1918)"),
      SpecialRange.of("100.64.0.0/10", "shared address space, CGNAT (RFC 6598)"),
      SpecialRange.of("127.0.0.0/8", "loopback (RFC 1122)"),
      SpecialRange.of("169.254.0.0/16", "link-local, incl. cloud metadata 169.254.169.254 (RFC 3927)"),
      SpecialRange.of("172.16.0.0/12", "private (RFC 1918)"),
      SpecialRange.of("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
      SpecialRange.of("192.0.2.0/24", "documentation TEST-NET-1 (RFC 5737)"),
      SpecialRange.of("192.168.0.0/16", "private (RFC 1918)"),
      SpecialRange.of("198.18.0.0/15", "benchmarking (RFC 2544)"),
      SpecialRange.of("198.51.100.0/24", "documentation TEST-NET-2 (RFC 5737)"),
      SpecialRange.of("203.0.113.0/24", "documentation TEST-NET-3 (RFC 5737)"),
      SpecialRange.never("224.0.0.0/4", "multicast (RFC 5771)"),
      SpecialRange.never("255.255.255.255/32", "limited broadcast (RFC 919)"),
      SpecialRange.never("240.0.0.0/4", "reserved (RFC 1112)"),
      SpecialRange.never("::/128", "unspecified address (RFC 4291)"),
      SpecialRange.of("::1/128", "loopback (RFC 4291)"),
      SpecialRange.of("64:ff9b::/96", "NAT64 well-known prefix (RFC 6052)"),
      SpecialRange.of("100::/64", "discard-only (RFC 6666)"),
      SpecialRange.of("2001:db8::/32", "documentation (RFC 3849)"),
      SpecialRange.of("2001::/23", "IETF protocol assignments (RFC 2928)"),
      SpecialRange.of("fc00::/7", "unique local (RFC 4193)"),
      SpecialRange.of("fe80::/10", "link-local (RFC 4291)"),
      SpecialRange.never("ff00::/8", "multicast (RFC 4291)"));

  private static final Cidr IPV4_MAPPED = Cidr.parse("::ffff:0:0/96");

  private final boolean allowPrivateTargets;
  private final Set<String> optOutDomains;
  private final List<Cidr> optOutNetworks;

  /**
   * @param allowPrivateTargets lift the refusal of special-purpose unicast ranges (labs and tests on loopback);
   *     multicast, broadcast and unspecified addresses stay refused
   * @param optOutDomains domains whose owners asked not to be scanned; their subdomains are refused too
   * @param optOutNetworks networks whose operators asked not to be scanned
   */
  public TargetPolicy(boolean allowPrivateTargets, Set<String> optOutDomains, List<Cidr> optOutNetworks) {
    this.allowPrivateTargets = allowPrivateTargets;
    this.optOutDomains = optOutDomains.stream().map(TargetPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    this.optOutNetworks = List.copyOf(optOutNetworks);
  }

  /** The safe default for internet scans: special-purpose ranges refused, nothing opted out. */
  public static TargetPolicy publicInternet() {
    return new TargetPolicy(false, Set.of(), List.of());
  }

  /** For labs and tests whose servers live on loopback or private networks. */
  public static TargetPolicy allowingPrivateTargets() {
    return new TargetPolicy(true, Set.of(), List.of());
  }

  /** Why the host name itself may not be contacted, checked before any lookup is spent on it. */
  public Optional<String> refusal(String host) {
    String name = normalise(host);
    for (String domain = name; domain != null; domain = parent(domain)) {
      if (optOutDomains.contains(domain)) {
        return Optional.of(host + " is under opted-out domain " + domain);
      }
    }
    return Optional.empty();
  }

  /** Why this address may not be contacted; empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16 && IPV4_MAPPED.contains(bytes)) {
      // The socket would reach the embedded IPv4 address, so that is what must be judged.
      try {
        InetAddress embedded = InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        return refusal(embedded).map(reason -> "IPv4-mapped " + reason);
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    for (Cidr network : optOutNetworks) {
      if (network.contains(bytes)) {
        return Optional.of(shown(address) + " is in opted-out network " + network);
      }
    }
    for (SpecialRange range : SPECIAL_PURPOSE) {
      if (range.network().contains(bytes) && !(allowPrivateTargets && range.unicast())) {
        return Optional.of(shown(address) + " is in " + range.network() + ", " + range.reason());
      }
    }
    return Optional.empty();
  }

  private static String shown(InetAddress address) {
    String text = address.getHostAddress();
    return address instanceof Inet6Address ? "[" + text + "]" : text;
  }

  private static String normalise(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static String parent(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? null : domain.substring(dot + 1);
  }
}
