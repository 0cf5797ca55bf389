package org.mtastscensus.verdict;

import java.util.Objects;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.fetch.PolicyFetch;

/**
 * Everything observed about one domain, the only input of {@link DomainJudge}. Null members mean "not queried"
 * (for example no policy host lookup because no TXT record exists); failures are answers with a failed status.
 *
 * @param domain the policy domain: A-label, lower case, no trailing dot
 * @param stsTxt TXT {@code _mta-sts.<domain>}
 * @param mx MX {@code <domain>}
 * @param tlsRptTxt TXT {@code _smtp._tls.<domain>}; null when not queried
 * @param policyHostA A {@code mta-sts.<domain>}; null when not queried
 * @param policyHostAaaa AAAA {@code mta-sts.<domain>}; null when not queried
 * @param fetch the policy fetch; null when not tried
 */
public record DomainFacts(
    String domain,
    DnsAnswer stsTxt,
    DnsAnswer mx,
    DnsAnswer tlsRptTxt,
    DnsAnswer policyHostA,
    DnsAnswer policyHostAaaa,
    PolicyFetch fetch) {

  public DomainFacts {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(stsTxt, "stsTxt");
    Objects.requireNonNull(mx, "mx");
  }
}
