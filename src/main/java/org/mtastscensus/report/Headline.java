package org.mtastscensus.report;

/**
 * The headline counts of one scan (summary.json {@code scans[].headline}, equal to the adoption table's ALL row).
 * Shares are fractions, null when their denominator is 0.
 */
record Headline(
    long scanned,
    long nxdomain,
    long undetermined,
    long existing,
    long measured,
    long stsRecord,
    long recordValid,
    long policyUsable,
    long policyUsableLenient,
    long modeEnforce,
    long modeTesting,
    long modeNone,
    long misconfigured,
    long outcomeFlips,
    Double shareStsRecord,
    Double sharePolicyUsable,
    Double shareEnforce,
    Double shareMisconfigured,
    Double shareUndetermined) {}
