package org.mtastscensus.stats;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The network an address belongs to for grouping: IPv4 /24 ({@code a.b.c.0/24}), IPv6 /48 ({@code x:y:z::/48}). */
final class Networks {
  private Networks() {}

  /** @return null when the text is not an IP address literal (never resolved: no DNS here) */
  static String of(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String text = address.strip();
    if (!text.contains(":") && !text.matches("[0-9.]+")) {
      return null;
    }
    byte[] bytes;
    try {
      // a literal is parsed without any lookup; the checks above keep names out
      bytes = InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
    }
    return String.format(Locale.ROOT, "%x:%x:%x::/48", word(bytes, 0), word(bytes, 2), word(bytes, 4));
  }

  private static int word(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }
}
