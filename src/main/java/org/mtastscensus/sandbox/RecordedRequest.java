package org.mtastscensus.sandbox;

import java.util.Map;

/**
 * A request as the sandbox saw it, so tests can check what the scanner sends (SNI, path, User-Agent).
 *
 * @param sniHost the SNI name, empty when none was sent
 * @param requestLine e.g. {@code GET /.well-known/mta-sts.txt HTTP/1.1}
 * @param headers header names in lower case; the last value wins
 */
public record RecordedRequest(String sniHost, String requestLine, Map<String, String> headers) {
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }
}
