package org.mtastscensus.dns;

import java.util.List;
import java.util.Objects;

/**
 * The observed answer to one DNS query, kept as evidence.
 *
 * @param name the queried name, lower case, without trailing dot
 * @param type the query type mnemonic (TXT, MX, A, AAAA)
 * @param status the classified status
 * @param values the answer data of the asked type at the end of the CNAME chain, in presentation form: TXT
 *     character-strings joined without separator (RFC 8461 §3.1), MX as "preference exchange" with the exchange
 *     lower case and without trailing dot, A/AAAA as address literals
 * @param cnameChain the CNAME targets followed, in order (empty when the name answered directly)
 * @param detail what went wrong, for failures; empty otherwise
 */
public record DnsAnswer(
    String name, String type, DnsStatus status, List<String> values, List<String> cnameChain, String detail) {

  public DnsAnswer {
    Objects.requireNonNull(status, "status");
    values = values == null ? List.of() : List.copyOf(values);
    cnameChain = cnameChain == null ? List.of() : List.copyOf(cnameChain);
    detail = detail == null ? "" : detail;
  }

  /** An answer with data (NOERROR) or a definitive empty answer (NODATA) when {@code values} is empty. */
  public static DnsAnswer of(String name, String type, List<String> values) {
    DnsStatus status = values.isEmpty() ? DnsStatus.NODATA : DnsStatus.NOERROR;
    return new DnsAnswer(name, type, status, values, List.of(), "");
  }

  public static DnsAnswer failed(String name, String type, DnsStatus status, String detail) {
    return new DnsAnswer(name, type, status, List.of(), List.of(), detail);
  }

  public DnsAnswer withCnameChain(List<String> chain) {
    return new DnsAnswer(name, type, status, values, chain, detail);
  }

  /** "TXT _mta-sts.example.com: TIMEOUT (detail)", for finding details and logs. */
  public String describe() {
    String base = type + " " + name + ": " + status;
    return detail.isEmpty() ? base : base + " (" + detail + ")";
  }
}
