/**
 * The HTTPS side of a scan: {@link org.mtastscensus.fetch.PolicyFetcher} fetches a policy and records the outcome
 * as a {@link org.mtastscensus.fetch.PolicyFetch} whose {@link org.mtastscensus.fetch.FetchStatus} the rules
 * engine turns into findings. Addresses come only from an {@link org.mtastscensus.fetch.AddressResolver} and pass
 * the {@link org.mtastscensus.fetch.TargetPolicy} before any connection; every exception is mapped to a status in
 * {@link org.mtastscensus.fetch.FailureClassifier}.
 */
package org.mtastscensus.fetch;
