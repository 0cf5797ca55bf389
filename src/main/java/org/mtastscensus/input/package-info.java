/**
 * Spark-free readers that turn an input file (plain list, top-list CSV or DNS zone) into a stream of normalised
 * domain names, one entry point: {@link org.mtastscensus.input.DomainInputs#open}. Readers stream with constant
 * memory, whatever the file size (a .com zone is over 20 GB uncompressed), so they only drop <em>consecutive</em>
 * duplicates, which is what the several NS lines of one delegation look like in a zone file. Global deduplication
 * across lines that are far apart and across inputs is left to the Spark job ({@code distinct()}), which can spill
 * to disk. Every line that cannot be used is counted in {@link org.mtastscensus.input.InputStats} with its reason
 * and never stops the read.
 */
package org.mtastscensus.input;
