package org.mtastscensus.input;

/** The layouts an input file can have. {@link FormatDetector} guesses one; callers may override the guess. */
public enum InputFormat {
  /** One name per line; {@code #} starts a comment; blank lines are ignored. */
  PLAIN,
  /** {@code rank,domain} CSV without a header, as Tranco, Umbrella and the legacy Alexa list publish it. */
  TOPLIST,
  /** A DNS master file (RFC 1035 §5) as ICANN CZDS distributes it; the delegated names are the NS owners. */
  ZONE
}
