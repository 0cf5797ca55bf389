package org.mtastscensus.scan;

import org.mtastscensus.verdict.RulesConfig;

/**
 * How the scanner drives one domain. Recorded in run metadata.
 *
 * @param domainDeadlineMillis a safety net over all stages of one domain; stages have their own timeouts
 * @param tlsRptForAll query {@code _smtp._tls} for every domain (true) or only where an {@code _mta-sts} TXT exists
 * @param fetchWithoutRecord also fetch for domains without a TXT record whose policy host resolves (contract §3.2:
 *     "policy published, record forgotten"; one HTTPS request per wildcard-DNS domain)
 * @param rules judgement parameters
 */
public record ScanConfig(
    long domainDeadlineMillis, boolean tlsRptForAll, boolean fetchWithoutRecord, RulesConfig rules) {
  public static final long DOMAIN_DEADLINE_MILLIS_DEFAULT = 60_000;

  public static ScanConfig defaults() {
    return new ScanConfig(DOMAIN_DEADLINE_MILLIS_DEFAULT, false, false, RulesConfig.defaults());
  }
}
