package org.mtastscensus.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A fixed host table, for tests and the sandbox world; unknown names fail like NXDOMAIN. */
public final class StaticAddressResolver implements AddressResolver {
  private final Map<String, List<InetAddress>> table;

  private StaticAddressResolver(Map<String, List<InetAddress>> table) {
    this.table = Map.copyOf(table);
  }

  /** Every name in {@code hosts} maps to the same addresses, e.g. all sandbox hosts to 127.0.0.1. */
  public static StaticAddressResolver allTo(List<String> hosts, InetAddress... addresses) {
    Map<String, List<InetAddress>> table = new HashMap<>();
    for (String host : hosts) {
      table.put(key(host), List.of(addresses));
    }
    return new StaticAddressResolver(table);
  }

  public static StaticAddressResolver of(Map<String, List<InetAddress>> table) {
    Map<String, List<InetAddress>> normalised = new HashMap<>();
    table.forEach((host, addresses) -> normalised.put(key(host), List.copyOf(addresses)));
    return new StaticAddressResolver(normalised);
  }

  @Override
  public CompletableFuture<List<InetAddress>> resolve(String host) {
    List<InetAddress> addresses = table.get(key(host));
    if (addresses == null) {
      return CompletableFuture.failedFuture(new UnknownHostException(host + " is not in the static table"));
    }
    return CompletableFuture.completedFuture(addresses);
  }

  /** DNS names compare case-insensitively and with or without the root dot. */
  private static String key(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
