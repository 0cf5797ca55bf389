package org.mtastscensus.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.mtastscensus.names.DomainName;

/**
 * Domains whose owners asked not to be scanned; a listed domain covers all its subdomains. Serializable so the
 * Spark job can broadcast it.
 */
public final class OptOutList implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final OptOutList NONE = new OptOutList(Set.of());

  private final Set<String> domains;

  private OptOutList(Set<String> domains) {
    this.domains = domains;
  }

  public static OptOutList none() {
    return NONE;
  }

  /**
   * Loads one domain per line, {@code #} comments and blank lines allowed. An invalid line fails the load instead
   * of being skipped: a typo would otherwise quietly scan someone who asked us not to.
   */
  public static OptOutList load(Path file) throws IOException {
    Set<String> domains = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (name.isEmpty()) {
          continue;
        }
        DomainName.Result result = DomainName.normalize(name);
        if (!result.valid()) {
          throw new IllegalArgumentException(file + ":" + number + ": not a domain name (" + result.problem() + ", "
              + result.problem().meaning() + "): " + name);
        }
        domains.add(result.name());
      }
    }
    return new OptOutList(Set.copyOf(domains));
  }

  /** The given names, normalised; invalid ones are refused for the same reason as in {@link #load}. */
  public static OptOutList of(Collection<String> names) {
    Set<String> domains = new HashSet<>();
    for (String name : names) {
      DomainName.Result result = DomainName.normalize(name);
      if (!result.valid()) {
        throw new IllegalArgumentException("not a domain name (" + result.problem() + "): " + name);
      }
      domains.add(result.name());
    }
    return new OptOutList(Set.copyOf(domains));
  }

  /** Whether {@code domain} (a normalised name) or one of its parents is listed. */
  public boolean isOptedOut(String domain) {
    if (domains.isEmpty()) {
      return false;
    }
    String name = DomainName.comparable(domain);
    while (true) {
      if (domains.contains(name)) {
        return true;
      }
      int dot = name.indexOf('.');
      if (dot < 0) {
        return false;
      }
      name = name.substring(dot + 1);
    }
  }

  public int size() {
    return domains.size();
  }
}
