package org.mtastscensus.stats;

import java.util.Locale;
import org.xbill.DNS.Address;

/** The network an address belongs to for grouping: IPv4 /24 ({@code a.b.c.0/24}), IPv6 /48 ({@code x:y:z::/48}). */
final class Networks {
  private Networks() {}

  /**
   * Parsed by dnsjava, which reads literals only: {@code InetAddress.getByName} would ask the operating system's
   * resolver about anything that is not a valid literal.
   *
   * @return null when the text is not an IP address literal
   */
  static String of(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String text = address.strip();
    byte[] v4 = Address.toByteArray(text, Address.IPv4);
    if (v4 != null) {
      return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + ".0/24";
    }
    byte[] v6 = Address.toByteArray(text, Address.IPv6);
    if (v6 == null) {
      return null;
    }
    return String.format(Locale.ROOT, "%x:%x:%x::/48", word(v6, 0), word(v6, 2), word(v6, 4));
  }

  private static int word(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }
}
