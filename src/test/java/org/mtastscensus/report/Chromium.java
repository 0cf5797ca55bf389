package org.mtastscensus.report;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A headless Chromium with a fresh profile and the DevTools endpoint on a free port. Closing it kills the whole
 * process tree (the Debian launcher is a shell script whose child is the browser) and deletes the profile.
 */
final class Chromium implements AutoCloseable {
  static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
  /** Cold start on 2 busy cores can take several seconds; beyond this something is wrong. */
  static final long START_TIMEOUT_MS = 60_000;

  private final Process process;
  private final Path profile;
  private final URI endpoint;

  private Chromium(Process process, Path profile, URI endpoint) {
    this.process = process;
    this.profile = profile;
    this.endpoint = endpoint;
  }

  /** The binary: {@code MTASTS_CHROMIUM} if set, else Debian's /usr/bin/chromium. */
  static Path binary() {
    String override = System.getenv("MTASTS_CHROMIUM");
    return override == null || override.isBlank() ? DEFAULT_BINARY : Path.of(override);
  }

  static boolean available() {
    return Files.isExecutable(binary());
  }

  static Chromium start() throws IOException {
    Path profile = Files.createTempDirectory("mtasts-chromium-");
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--remote-debugging-port=0", "about:blank"));
    Path log = profile.resolveSibling(profile.getFileName() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      return new Chromium(process, profile, awaitEndpoint(process, profile, log));
    } catch (IOException | RuntimeException e) {
      kill(process);
      deleteTree(profile);
      throw e;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Chromium writes the chosen port and the browser's WebSocket path into DevToolsActivePort once it listens. */
  private static URI awaitEndpoint(Process process, Path profile, Path log) throws IOException {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && !lines.get(0).isBlank() && !lines.get(1).isBlank()) {
          return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        }
      }
      if (!process.isAlive()) {
        throw new IOException("chromium exited with " + process.exitValue() + ": " + tail(log));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for chromium", e);
      }
    }
    throw new IOException("chromium did not open its DevTools port within " + START_TIMEOUT_MS + " ms: " + tail(log));
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** The launcher and every process below it, as of now. */
  List<ProcessHandle> processTree() {
    List<ProcessHandle> tree = new ArrayList<>(List.of(process.toHandle()));
    tree.addAll(process.descendants().toList());
    return tree;
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    kill(process);
    deleteTree(profile);
  }

  private static void kill(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor();
      for (ProcessHandle child : tree) {
        child.onExit().get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // the child is gone either way
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
