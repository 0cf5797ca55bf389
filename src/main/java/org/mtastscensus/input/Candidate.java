package org.mtastscensus.input;

import org.mtastscensus.names.DomainName;

/** A name a format reader found, already normalised, with the line to quote if it turns out malformed. */
record Candidate(DomainName.Result result, long line, String text) {}
