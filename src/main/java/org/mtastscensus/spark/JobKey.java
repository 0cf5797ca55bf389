package org.mtastscensus.spark;

import java.util.List;

/**
 * One key of a job file: its name, value kind, default (as shown to people) and doc, and the {@code mtasts scan}
 * option it becomes. A job file is a set of scan options with names and docs, so the scan command line stays the
 * only place where values are checked for range and consistency.
 *
 * @param option the scan option it maps to, or null for keys the runner handles itself
 * @param choices allowed values of a {@link Kind#CHOICE} key
 */
public record JobKey(String name, Kind kind, String defaultValue, String doc, String option, List<String> choices) {
  /** The YAML shape a key takes. */
  public enum Kind {
    STRING("string"),
    INT("integer"),
    BOOL("true or false"),
    LIST("list of strings"),
    CHOICE("one of");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public JobKey {
    choices = List.copyOf(choices);
  }

  static JobKey of(String name, Kind kind, String defaultValue, String option, String doc) {
    return new JobKey(name, kind, defaultValue, doc, option, List.of());
  }

  static JobKey choice(String name, String defaultValue, String option, List<String> choices, String doc) {
    return new JobKey(name, Kind.CHOICE, defaultValue, doc, option, choices);
  }
}
