package org.mtastscensus.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.mtastscensus.sandbox.Behaviour;
import org.mtastscensus.sandbox.SandboxHttpsServer;
import org.mtastscensus.sandbox.TestCa;

/**
 * The policy hosts of {@code scripts/bench-engine}, in their own JVM so that their TLS work does not share a heap,
 * GC or JIT with the scanner being measured: a {@link SandboxHttpsServer} on 127.0.0.1 with a certificate from a
 * fresh {@link TestCa} for every host of {@code --hosts}.
 *
 * <p>{@code --hosts FILE}: lines {@code HOST KIND}, KIND one of {@code enforce}, {@code testing}, {@code none} (a
 * correct policy in that mode, {@code mx: *.<domain>}) or {@code 404}. Writes the root CA as PEM to
 * {@code --ca-out}, then the port to {@code --port-out} (last, atomically: its presence means ready). Runs until
 * killed (a background job's stdin is /dev/null, so it cannot wait for end of input); prints the number of
 * requests served to stderr on exit.
 */
public final class PolicyHostServer {

  public static void main(String[] args) throws Exception {
    Path hosts = null;
    Path caOut = null;
    Path portOut = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--hosts" -> hosts = Path.of(args[i + 1]);
        case "--ca-out" -> caOut = Path.of(args[i + 1]);
        case "--port-out" -> portOut = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (hosts == null || caOut == null || portOut == null) {
      throw new IllegalArgumentException("usage: PolicyHostServer --hosts FILE --ca-out FILE --port-out FILE");
    }
    TestCa ca = TestCa.create("bench-engine");
    SandboxHttpsServer server = SandboxHttpsServer.start(ca.valid("fallback.invalid"));
    List<String> lines = Files.readAllLines(hosts, StandardCharsets.US_ASCII);
    for (String line : lines) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length != 2) {
        continue;
      }
      String host = fields[0];
      String domain = host.substring("mta-sts.".length());
      Behaviour behaviour = switch (fields[1]) {
        case "enforce", "testing", "none" -> Behaviour.serve(200, "text/plain",
            "version: STSv1\nmode: " + fields[1] + "\nmx: *." + domain + "\nmax_age: 604800\n");
        case "404" -> Behaviour.serve(404, "text/plain", "not found\n");
        default -> throw new IllegalArgumentException("unknown host kind " + fields[1]);
      };
      server.host(host, ca.valid(host), behaviour);
    }
    ca.writeRootPem(caOut);
    Path tmp = portOut.resolveSibling(portOut.getFileName() + ".tmp");
    Files.writeString(tmp, server.port() + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, portOut, StandardCopyOption.ATOMIC_MOVE);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("policy host server: " + server.requests().size() + " requests served");
      server.close();
    }));
    System.err.println("policy host server: " + lines.size() + " hosts on 127.0.0.1:" + server.port());
    Thread.currentThread().join(); // until killed (SIGTERM runs the shutdown hook)
  }

  private PolicyHostServer() {}
}
