package org.mtastscensus.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/** Builds the Jetty client the fetcher runs on, configured for a scanner rather than for a browser. */
final class JettyClients {
  private static final int THREADS = 32;
  private static final long DESTINATION_IDLE_MILLIS = 2_000;
  private static final int MAX_RESPONSE_HEAD = 32 * 1024;

  private JettyClients() {}

  /**
   * The addresses one fetch may use, already vetted by the target policy. It travels as the request tag, which gives
   * each fetch its own Jetty destination and lets the socket-address resolver answer without any lookup.
   * Identity equality on purpose: two fetches never share a destination.
   */
  static final class FetchTarget {
    final String host;
    final List<InetAddress> addresses;

    FetchTarget(String host, List<InetAddress> addresses) {
      this.host = host;
      this.addresses = List.copyOf(addresses);
    }

    /**
     * Each address carries the policy host as its name: Jetty takes the SSLEngine's peer host, and so the SNI name
     * and the name the certificate is checked against, from {@link InetSocketAddress#getHostString()}. A bare
     * address would send no SNI and verify the certificate against the IP literal.
     */
    List<InetSocketAddress> socketAddresses(int port) {
      List<InetSocketAddress> named = new ArrayList<>();
      for (InetAddress address : addresses) {
        try {
          named.add(new InetSocketAddress(InetAddress.getByAddress(host, address.getAddress()), port));
        } catch (UnknownHostException e) {
          throw new IllegalStateException("an address of " + host + " has an invalid length", e);
        }
      }
      return named;
    }

    @Override
    public String toString() {
      return host + addresses;
    }
  }

  static HttpClient start(FetchConfig config, TrustManager trustManager) throws Exception {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    tls.setSslContext(sslContext(trustManager));
    // Explicit although it is Jetty's default: without it a certificate for any name would be accepted.
    tls.setEndpointIdentificationAlgorithm("HTTPS");
    // Session caching stays on: turning it off makes Jetty create engines without the peer host, so no SNI is sent.

    HttpClient client = new HttpClient();
    client.setSslContextFactory(tls);
    QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
    threads.setName("policy-fetch");
    threads.setDaemon(true);
    client.setExecutor(threads);
    client.setScheduler(new ScheduledExecutorScheduler("policy-fetch-scheduler", true));
    client.setSocketAddressResolver(vettedAddressesOnly());
    client.setConnectTimeout(Math.min(config.connectTimeout().toMillis(), config.budget().toMillis()));
    client.setIdleTimeout(config.budget().toMillis());
    client.setFollowRedirects(false);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, config.userAgent()));
    client.setMaxConnectionsPerDestination(1);
    // Hosting front ends send long security headers; a policy must not fail on Jetty's smaller default.
    client.setMaxResponseHeadersSize(MAX_RESPONSE_HEAD);
    // Every fetch has its own destination; dropping idle ones keeps memory flat over millions of hosts.
    client.setDestinationIdleTimeout(DESTINATION_IDLE_MILLIS);
    client.start();
    // No Accept-Encoding: the cap must count the bytes the host sends, and a policy is never worth decompressing.
    // Cleared after start because starting installs the default decoders.
    client.getContentDecoderFactories().clear();
    TlsWarmUp.run(tls.newSSLEngine("warm-up.invalid", 443));
    return client;
  }

  private static SocketAddressResolver vettedAddressesOnly() {
    return (host, port, context, promise) -> {
      Object destination = context.get(Destination.CONTEXT_KEY);
      Object tag = destination instanceof Destination d ? d.getOrigin().getTag() : null;
      if (tag instanceof FetchTarget target) {
        promise.succeeded(target.socketAddresses(port));
      } else {
        promise.failed(new IllegalStateException(
            "no vetted addresses for " + host + "; the operating system resolver is never used"));
      }
    };
  }

  private static SSLContext sslContext(TrustManager trustManager) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager}, null);
    return context;
  }
}
