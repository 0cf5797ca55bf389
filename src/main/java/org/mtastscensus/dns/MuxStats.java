package org.mtastscensus.dns;

/**
 * Counters of one {@link MuxResolver}, for benchmarks and run metadata.
 *
 * @param sent datagrams written
 * @param answered queries completed with an accepted answer (UDP, or TCP after TC)
 * @param timeouts queries that got no acceptable answer in time
 * @param ignoredUnknownId datagrams whose ID belongs to no pending query (late, spoofed or duplicated)
 * @param ignoredMismatch datagrams with a pending ID but no QR flag or another question
 * @param lateAnswers datagrams for an ID quarantined after a timeout
 * @param malformed datagrams with a pending ID that could not be parsed
 * @param truncated answers with TC set, retried over TCP
 * @param networkErrors queries failed by a socket error (port unreachable, closed)
 * @param inFlight queries currently waiting for an answer
 * @param queued queries waiting for an in-flight permit
 * @param wakeups selector wake-ups of the receiver thread; datagrams per wake-up show how well reads are batched
 * @param received datagrams read
 */
public record MuxStats(
    long sent,
    long answered,
    long timeouts,
    long ignoredUnknownId,
    long ignoredMismatch,
    long lateAnswers,
    long malformed,
    long truncated,
    long networkErrors,
    int inFlight,
    int queued,
    long wakeups,
    long received) {}
