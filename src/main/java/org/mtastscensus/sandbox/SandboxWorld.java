package org.mtastscensus.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * The whole sandbox: an authoritative DNS server and an HTTPS server on loopback, a throwaway CA, and one domain
 * per failure mode with the verdict a correct scanner reaches ({@link #cases()}). Used by the end-to-end tests and
 * the demo; a scan points its resolver at {@link #dnsAddress()}, its HTTPS port at {@link #httpsPort()}, trusts
 * {@link #writeCaPem(Path)} and allows private targets. Nothing here ever leaves 127.0.0.0/8.
 */
public final class SandboxWorld implements AutoCloseable {
  private final TestCa ca;
  private final SandboxDnsServer dns;
  private final SandboxHttpsServer https;
  private final List<WorldCase> cases;

  private SandboxWorld(TestCa ca, SandboxDnsServer dns, SandboxHttpsServer https, List<WorldCase> cases) {
    this.ca = ca;
    this.dns = dns;
    this.https = https;
    this.cases = cases;
  }

  public static SandboxWorld start() {
    TestCa ca = TestCa.create("MTA-STS Census sandbox CA");
    SandboxDnsServer dns;
    try {
      dns = SandboxDnsServer.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox DNS server on 127.0.0.1", e);
    }
    SandboxHttpsServer https = SandboxHttpsServer.start(ca.valid("fallback.sandbox.test"));
    List<WorldDomain> domains = new WorldCatalogue(ca, TestCa.create("Untrusted stranger CA")).build();
    for (WorldDomain domain : domains) {
      domain.install(dns, https);
    }
    return new SandboxWorld(ca, dns, https, domains.stream().map(WorldDomain::toCase).toList());
  }

  /** Adds {@code count} plain domains without MTA-STS and {@code count / 10} correct enforce deployments. */
  public List<String> addBulk(String prefix, int count) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + i + ".bulk.test";
      dns.add(name, Type.MX, "10 mx." + name + ".");
      names.add(name);
      if (i % 10 == 0) {
        WorldDomain domain = new WorldDomain(name, "bulk enforce", ca);
        domain.mx = List.of();
        domain.install(dns, https);
      }
    }
    return names;
  }

  /** Every catalogue domain with its expected verdict. */
  public List<WorldCase> cases() {
    return cases;
  }

  public InetSocketAddress dnsAddress() {
    return dns.address();
  }

  public int httpsPort() {
    return https.port();
  }

  /**
   * The engine options that point a scan at this world (resolver, HTTPS port, trust, private targets) with
   * timeouts that keep the fault cases short: the fetch budget ends the stalled host soon after the slow host
   * (5 s) has answered, and two 400 ms DNS attempts end a dropped query.
   */
  public List<String> scanArguments(Path caPem) {
    return List.of("--resolver", "127.0.0.1:" + dns.address().getPort(), "--trust-ca", caPem.toString(),
        "--https-port", Integer.toString(https.port()), "--allow-private-targets",
        "--fetch-timeout-ms", Long.toString(WorldCatalogue.SLOW_HOST_DELAY.toMillis() + 2000),
        "--dns-timeout-ms", "400", "--dns-attempts", "2");
  }

  /** Writes the sandbox root CA as PEM, for {@code --trust-ca}. */
  public Path writeCaPem(Path file) {
    return ca.writeRootPem(file);
  }

  @Override
  public void close() {
    https.close();
    dns.close();
  }
}
