package org.mtastscensus.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fe80::/10}. */
public record Cidr(byte[] network, int prefixLength) {

  public Cidr {
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
    }
  }

  /**
   * Parses only numeric notation: a CIDR string that named a host would make the safety list depend on a DNS
   * lookup, and {@link InetAddress#getByName} would ask the operating system.
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text.strip() : text.substring(0, slash).strip();
    // a dot or a colon is required too: "cafe" is all hex digits, and getByName would look it up as a host name
    if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
        || address.indexOf('.') < 0 && address.indexOf(':') < 0) {
      throw new IllegalArgumentException("not a numeric network: " + text);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not a numeric network: " + text, e);
    }
    if (bytes.length == 4 && address.indexOf(':') >= 0) {
      // InetAddress folds ::ffff:a.b.c.d into IPv4; a network written in IPv6 notation must stay 128 bits wide.
      bytes = mapped(bytes);
    }
    int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1).strip());
    return new Cidr(bytes, prefix);
  }

  static byte[] mapped(byte[] ipv4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(ipv4, 0, v6, 12, 4);
    return v6;
  }

  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && Arrays.equals(cidr.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
