package org.mtastscensus.stats;

/** One column of a statistics table: name, type and what it holds. */
public record StatsColumn(String name, StatsType type, String doc) {}
