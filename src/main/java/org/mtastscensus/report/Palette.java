package org.mtastscensus.report;

/** Chart colours: one meaning per colour across the page (red = breaks delivery, green = healthy, …). */
final class Palette {
  static final String BLUE = "#2563a6";
  static final String LIGHT_BLUE = "#7fb0e0";
  static final String GREEN = "#2f855a";
  static final String LIGHT_GREEN = "#8cc9a5";
  static final String AMBER = "#c98a12";
  static final String ORANGE = "#dd6b20";
  static final String RED = "#c53030";
  static final String PURPLE = "#6b46c1";
  static final String TEAL = "#2c7a7b";
  static final String GREY = "#8a94a6";
  static final String LIGHT_GREY = "#c5ccd6";

  private Palette() {}

  /** Severity names of the rules engine; unknown names (a newer engine) get grey rather than failing. */
  static String severity(String severity) {
    return switch (severity == null ? "" : severity) {
      case "BREAKS_DELIVERY" -> RED;
      case "POLICY_IGNORED" -> ORANGE;
      case "WEAKENED" -> AMBER;
      case "COSMETIC" -> TEAL;
      case "INFO" -> GREY;
      case "UNDETERMINED" -> PURPLE;
      case "NONE" -> GREEN;
      default -> LIGHT_GREY;
    };
  }
}
