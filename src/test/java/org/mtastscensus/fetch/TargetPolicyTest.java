package org.mtastscensus.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetPolicyTest {

  /** name, address inside the range, refused by default, refused with allowPrivateTargets. */
  static Stream<Arguments> ranges() {
    return Stream.of(
        row("0/8 this network", "0.1.2.3", true, true),
        row("10/8 private", "10.20.30.40", true, false),
        row("100.64/10 CGNAT", "100.127.255.1", true, false),
        row("127/8 loopback", "127.0.0.1", true, false),
        row("169.254/16 link-local", "169.254.1.1", true, false),
        row("169.254.169.254 metadata", "169.254.169.254", true, false),
        row("172.16/12 private", "172.31.255.254", true, false),
        row("192.0.0/24 IETF", "192.0.0.8", true, false),
        row("192.0.2/24 TEST-NET-1", "192.0.2.1", true, false),
        row("192.168/16 private", "192.168.1.1", true, false),
        row("198.18/15 benchmarking", "198.19.0.1", true, false),
        row("198.51.100/24 TEST-NET-2", "198.51.100.7", true, false),
        row("203.0.113/24 TEST-NET-3", "203.0.113.9", true, false),
        row("224/4 multicast", "239.255.255.250", true, true),
        row("240/4 reserved", "240.0.0.1", true, true),
        row("255.255.255.255 broadcast", "255.255.255.255", true, true),
        row(":: unspecified", "::", true, true),
        row("::1 loopback", "::1", true, false),
        row("::ffff:127.0.0.1 mapped loopback", "::ffff:127.0.0.1", true, false),
        row("::ffff:10.1.1.1 mapped private", "::ffff:10.1.1.1", true, false),
        row("::ffff:8.8.8.8 mapped public", "::ffff:8.8.8.8", false, false),
        row("64:ff9b::/96 NAT64", "64:ff9b::808:808", true, false),
        row("100::/64 discard", "100::1", true, false),
        row("2001::/23 IETF", "2001:1ff::1", true, false),
        row("2001:db8::/32 documentation", "2001:db8::1", true, false),
        row("fc00::/7 unique local", "fd12:3456::1", true, false),
        row("fe80::/10 link-local", "fe80::1", true, false),
        row("ff00::/8 multicast", "ff02::1", true, true),
        row("8.8.8.8 public", "8.8.8.8", false, false),
        row("172.32.0.1 just past 172.16/12", "172.32.0.1", false, false),
        row("100.128.0.1 just past CGNAT", "100.128.0.1", false, false),
        row("2606:4700::1111 public", "2606:4700::1111", false, false),
        row("2001:200::1 just past 2001::/23", "2001:200::1", false, false));
  }

  private static Arguments row(String name, String address, boolean refused, boolean refusedInLab) {
    return Arguments.of(name, address, refused, refusedInLab);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void judgesEachSpecialPurposeRange(String name, String address, boolean refused, boolean refusedInLab)
      throws Exception {
    InetAddress parsed = literal(address);
    assertThat(TargetPolicy.publicInternet().refusal(parsed).isPresent()).as("default").isEqualTo(refused);
    assertThat(TargetPolicy.allowingPrivateTargets().refusal(parsed).isPresent()).as("lab").isEqualTo(refusedInLab);
  }

  @Test
  void refusedAddressSaysWhichRange() throws Exception {
    assertThat(TargetPolicy.publicInternet().refusal(literal("169.254.169.254")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("169.254.0.0/16").contains("metadata"));
  }

  @Test
  void honoursOptOutDomainsAndTheirSubdomains() {
    TargetPolicy policy = new TargetPolicy(false, Set.of("Example.COM."), List.of());
    assertThat(policy.refusal("mta-sts.example.com")).isPresent();
    assertThat(policy.refusal("example.com")).isPresent();
    assertThat(policy.refusal("mta-sts.notexample.com")).isEmpty();
  }

  @Test
  void honoursOptOutNetworks() throws Exception {
    TargetPolicy policy = new TargetPolicy(true, Set.of(), List.of(Cidr.parse("93.184.0.0/16"), Cidr.parse("2a00::/16")));
    assertThat(policy.refusal(literal("93.184.216.34"))).hasValueSatisfying(r -> assertThat(r).contains("opted-out"));
    assertThat(policy.refusal(literal("::ffff:93.184.216.34"))).isPresent();
    assertThat(policy.refusal(literal("2a00:1450::1"))).isPresent();
    assertThat(policy.refusal(literal("93.185.0.1"))).isEmpty();
  }

  /** Keeps ::ffff:a.b.c.d as a 16-byte address, as a DNS layer handing out AAAA data may. */
  private static InetAddress literal(String address) throws Exception {
    InetAddress parsed = InetAddress.getByName(address);
    if (address.startsWith("::ffff:")) {
      return Inet6Address.getByAddress(null, Cidr.mapped(parsed.getAddress()), -1);
    }
    return parsed;
  }
}
