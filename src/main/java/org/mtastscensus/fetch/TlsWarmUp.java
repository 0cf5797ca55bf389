package org.mtastscensus.fetch;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.mtastscensus.sandbox.TestCa;

/**
 * Runs one complete TLS handshake in memory, client engine against a throwaway server, before the first fetch.
 * In a fresh JVM the first handshakes spend about a second loading and compiling the TLS stack and certificate
 * path validation; without this, that second lands in the first fetches' elapsed time and marks healthy policy
 * hosts POLICY_SLOW. The server certificate is untrusted on purpose: the failed validation is part of what warms
 * up. Nothing touches the network.
 */
final class TlsWarmUp {
  private static final int MAX_STEPS = 64;

  private TlsWarmUp() {}

  static void run(SSLEngine client) {
    try {
      TestCa.Issued issued = TestCa.selfSigned("warm-up.invalid");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "warm-up".toCharArray();
      store.setKeyEntry("warm-up", issued.key(), password, issued.chain().toArray(new Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext serverContext = SSLContext.getInstance("TLS");
      serverContext.init(keys.getKeyManagers(), null, null);
      SSLEngine server = serverContext.createSSLEngine();
      server.setUseClientMode(false);
      handshake(client, server);
    } catch (Exception | LinkageError e) {
      // only a warm-up: real fetches report whatever is wrong with TLS
    }
  }

  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
    ByteBuffer toServer = ByteBuffer.allocate(size * 4);
    ByteBuffer toClient = ByteBuffer.allocate(size * 4);
    ByteBuffer app = ByteBuffer.allocate(size * 4);
    ByteBuffer empty = ByteBuffer.allocate(0);
    client.beginHandshake();
    server.beginHandshake();
    for (int step = 0; step < MAX_STEPS && !(done(client) && done(server)); step++) {
      client.wrap(empty, toServer);
      runTasks(client);
      toServer.flip();
      server.unwrap(toServer, app);
      toServer.compact();
      runTasks(server);
      server.wrap(empty, toClient);
      runTasks(server);
      toClient.flip();
      app.clear();
      client.unwrap(toClient, app); // throws once the client rejects the untrusted certificate: warm enough
      toClient.compact();
      runTasks(client);
      app.clear();
    }
  }

  private static boolean done(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
