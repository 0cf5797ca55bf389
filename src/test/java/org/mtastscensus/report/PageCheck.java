package org.mtastscensus.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Opens an HTML file in headless Chromium and reports what a reader's browser would complain about: script
 * exceptions, console errors and warnings (CSP violations land there), error log entries, dialogs, and any
 * request for a scheme other than file: or data:. Takes a full-page screenshot.
 *
 * <p>Also the entry point of scripts/report-screenshot: {@code PageCheck FILE.html OUT.png} prints the problems
 * and exits 1 when there is any.
 */
final class PageCheck {
  static final int WIDTH = 1280;
  static final Duration COMMAND = Duration.ofSeconds(30);
  /** Console messages and log entries can trail the load event slightly. */
  static final long SETTLE_MS = 500;

  /** {@code text}: what a reader sees (innerText); {@code allText}: also collapsed details (textContent). */
  record Result(List<String> problems, List<String> requests, String title, String text, String allText,
      int scripts, int svgs, long screenshotBytes) {}

  private PageCheck() {}

  static Result check(Path html, Path screenshot) throws IOException {
    try (Chromium chromium = Chromium.start(); CdpClient cdp = CdpClient.connect(chromium.endpoint())) {
      ObjectNode create = CdpClient.params().put("url", "about:blank");
      String targetId = cdp.send(null, "Target.createTarget", create, COMMAND).path("targetId").asText();
      String session = cdp.send(null, "Target.attachToTarget",
          CdpClient.params().put("targetId", targetId).put("flatten", true), COMMAND).path("sessionId").asText();
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        cdp.send(session, domain + ".enable", null, COMMAND);
      }
      cdp.send(session, "Emulation.setDeviceMetricsOverride", CdpClient.params().put("width", WIDTH)
          .put("height", 900).put("deviceScaleFactor", 1).put("mobile", false), COMMAND);
      URI url = html.toAbsolutePath().toUri();
      JsonNode nav = cdp.send(session, "Page.navigate", CdpClient.params().put("url", url.toString()), COMMAND);
      List<String> problems = new ArrayList<>();
      if (nav.hasNonNull("errorText")) {
        problems.add("navigation failed: " + nav.get("errorText").asText());
      }
      cdp.awaitEvent("Page.loadEventFired", COMMAND);
      sleep(SETTLE_MS);
      String title = evaluate(cdp, session, "document.title").asText();
      String text = evaluate(cdp, session, "document.body.innerText").asText();
      String allText = evaluate(cdp, session, "document.body.textContent").asText();
      int scripts = evaluate(cdp, session, "document.scripts.length").asInt();
      int svgs = evaluate(cdp, session, "document.querySelectorAll('svg').length").asInt();
      double height = cdp.send(session, "Page.getLayoutMetrics", null, COMMAND).path("cssContentSize")
          .path("height").asDouble(900);
      ObjectNode shot = CdpClient.params().put("format", "png").put("captureBeyondViewport", true);
      shot.putObject("clip").put("x", 0).put("y", 0).put("width", WIDTH).put("height", Math.ceil(height))
          .put("scale", 1);
      byte[] png = Base64.getDecoder().decode(cdp.send(session, "Page.captureScreenshot", shot, COMMAND)
          .path("data").asText());
      if (screenshot != null) {
        Path dir = screenshot.toAbsolutePath().getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        Files.write(screenshot, png);
      }
      List<String> requests = new ArrayList<>();
      for (JsonNode event : cdp.events()) {
        collect(event, problems, requests);
      }
      return new Result(List.copyOf(problems), List.copyOf(requests), title, text, allText, scripts, svgs,
          png.length);
    }
  }

  private static void collect(JsonNode event, List<String> problems, List<String> requests) {
    JsonNode p = event.path("params");
    switch (event.path("method").asText()) {
      case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
          problems.add("console " + type + ": " + p.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        String level = p.path("entry").path("level").asText();
        if (level.equals("error")) {
          problems.add("log " + level + ": " + p.path("entry").path("text").asText() + " "
              + p.path("entry").path("url").asText());
        }
      }
      case "Page.javascriptDialogOpening" -> problems.add("dialog opened: " + p.path("message").asText());
      case "Network.requestWillBeSent" -> {
        String url = p.path("request").path("url").asText();
        requests.add(url);
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("file") && !scheme.equals("data")) {
          problems.add("request to a non-local scheme: " + url);
        }
      }
      case "Network.loadingFailed" -> problems.add("loading failed: " + p.path("errorText").asText());
      default -> { }
    }
  }

  private static JsonNode evaluate(CdpClient cdp, String session, String expression) throws IOException {
    JsonNode result = cdp.send(session, "Runtime.evaluate",
        CdpClient.params().put("expression", expression).put("returnByValue", true), COMMAND);
    if (result.has("exceptionDetails")) {
      throw new IOException("evaluating " + expression + " failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PageCheck FILE.html OUT.png");
      System.exit(2);
    }
    if (!Chromium.available()) {
      System.err.println("report-screenshot: no chromium at " + Chromium.binary()
          + " (apt-get install chromium, or set MTASTS_CHROMIUM)");
      System.exit(1);
    }
    Result result = check(Path.of(args[0]), Path.of(args[1]));
    System.out.println("screenshot: " + Path.of(args[1]).toAbsolutePath() + " (" + result.screenshotBytes()
        + " bytes), " + result.svgs() + " charts, " + result.scripts() + " scripts, " + result.requests().size()
        + " requests (" + String.join(", ", result.requests()) + ")");
    for (String problem : result.problems()) {
      System.out.println("problem: " + problem);
    }
    System.exit(result.problems().isEmpty() ? 0 : 1);
  }
}
