package org.mtastscensus.input;

/**
 * Reasons a line is unusable that belong to the file format rather than to the name. Counted next to
 * {@link org.mtastscensus.names.DomainName.Problem} under their {@link #name()}, so both must stay stable.
 */
public enum InputProblem {
  LINE_TOO_LONG("line longer than the reader's cap; cut off and not parsed"),
  CSV_NO_DOMAIN_COLUMN("CSV line without a second (domain) field"),
  CSV_RANK_NOT_NUMBER("CSV rank field is not a positive integer"),
  CSV_UNTERMINATED_QUOTE("CSV quoted field without its closing quote"),
  ZONE_BAD_LINE("record without a type or without data"),
  ZONE_BAD_DIRECTIVE("$ORIGIN or $TTL without a valid argument, or an unknown directive"),
  ZONE_NO_OWNER("first record of the file omits its owner name"),
  ZONE_NO_ORIGIN("relative name or '@' with no $ORIGIN and no zone name to resolve it against"),
  ZONE_UNBALANCED_PARENTHESES("parenthesis never closed within the record line cap, or closed without opening"),
  ZONE_UNTERMINATED_QUOTE("quoted string without its closing quote on the same line");

  private final String meaning;

  InputProblem(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
