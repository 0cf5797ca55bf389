package org.mtastscensus.tlsrpt;

import java.util.List;
import org.mtastscensus.verdict.Finding;

/**
 * What the TXT records at {@code _smtp._tls.<domain>} amount to (RFC 8460 §3).
 *
 * @param status the verdict field
 * @param rua the reporting URIs of the valid record, in order; empty otherwise
 * @param findings TLSRPT_INVALID / TLSRPT_MULTIPLE findings
 */
public record TlsRptCheck(TlsRptStatus status, List<String> rua, List<Finding> findings) {
  public TlsRptCheck {
    rua = List.copyOf(rua);
    findings = List.copyOf(findings);
  }
}
