package org.mtastscensus.scan;

/**
 * The resolver stopped answering: the run must stop loudly rather than record "no MTA-STS" for domains whose
 * lookups failed. The message names the resolver and what was observed.
 */
public final class ResolverUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResolverUnavailableException(String message) {
    super(message);
  }
}
