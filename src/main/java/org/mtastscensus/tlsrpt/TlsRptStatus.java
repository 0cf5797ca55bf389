package org.mtastscensus.tlsrpt;

/** The verdict field {@code tlsrpt} (contract §3.1). Stored as its name. */
public enum TlsRptStatus {
  VALID("exactly one record beginning v=TLSRPTv1, and it is valid"),
  ABSENT("no record at _smtp._tls is meant as TLS-RPT"),
  INVALID("a record meant as TLS-RPT exists but reporters cannot use it (invalid, or several)");

  private final String meaning;

  TlsRptStatus(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
