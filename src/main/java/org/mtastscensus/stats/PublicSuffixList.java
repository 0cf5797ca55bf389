package org.mtastscensus.stats;

import java.io.IOException;
import java.io.Serializable;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ICANN section of the Public Suffix List, used to group host names by registrable domain (policy hosting and
 * mail providers). The private section is left out on purpose: it lists customer zones of hosting companies
 * (e.g. {@code blogspot.com}), and grouping by it would split one provider into thousands of "registrable" names.
 *
 * <p>Matching follows the PSL algorithm: the longest matching rule wins, an exception rule {@code !x.y} beats
 * every other rule and makes {@code x.y} registrable, and the implicit rule {@code *} makes an unlisted TLD a
 * public suffix. Names are compared in lower case; the list writes IDN rules in U-labels while scanned names are
 * A-labels, so rules are converted to A-labels when read.
 */
public final class PublicSuffixList implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BEGIN_ICANN = "===BEGIN ICANN DOMAINS===";
  private static final String END_ICANN = "===END ICANN DOMAINS===";
  private static final String VERSION = "// VERSION:";

  private final Set<String> rules = new HashSet<>();
  private final Set<String> wildcards = new HashSet<>();
  private final Set<String> exceptions = new HashSet<>();
  private final String version;

  private PublicSuffixList(String text) {
    String foundVersion = null;
    boolean icann = false;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith(VERSION) && foundVersion == null) {
        foundVersion = line.substring(VERSION.length()).strip();
      }
      if (line.contains(BEGIN_ICANN)) {
        icann = true;
        continue;
      }
      if (line.contains(END_ICANN)) {
        icann = false;
        continue;
      }
      if (!icann || line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      // a rule ends at the first white space (the list's format allows trailing comments that way)
      String rule = aLabels(line.split("\\s", 2)[0].toLowerCase(Locale.ROOT));
      if (rule.startsWith("!")) {
        exceptions.add(rule.substring(1));
      } else if (rule.startsWith("*.")) {
        wildcards.add(rule.substring(2));
      } else {
        rules.add(rule);
      }
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("no ICANN rules between \"" + BEGIN_ICANN + "\" and \"" + END_ICANN + "\"");
    }
    this.version = foundVersion;
  }

  /** The rule with every label in A-label form ({@code 公司.cn} becomes {@code xn--55qx5d.cn}). */
  private static String aLabels(String rule) {
    if (rule.chars().allMatch(c -> c < 0x80)) {
      return rule;
    }
    String prefix = rule.startsWith("!") ? "!" : rule.startsWith("*.") ? "*." : "";
    try {
      return prefix + IDN.toASCII(rule.substring(prefix.length()), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return rule; // a rule IDNA2003 cannot encode can never match an A-label name anyway
    }
  }

  public static PublicSuffixList parse(String text) {
    return new PublicSuffixList(text);
  }

  /** @throws IllegalArgumentException when the file holds no ICANN section */
  public static PublicSuffixList load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The {@code // VERSION:} line of the file, or null when it has none. */
  public String version() {
    return version;
  }

  /** Number of ICANN rules read (plain, wildcard and exception). */
  public int size() {
    return rules.size() + wildcards.size() + exceptions.size();
  }

  /**
   * The public suffix of a name (e.g. {@code co.uk} for {@code www.example.co.uk}); never null for a non-empty
   * name, since an unlisted TLD is a suffix by the implicit {@code *} rule.
   */
  public String publicSuffix(String name) {
    String host = normalise(name);
    if (host.isEmpty()) {
      return null;
    }
    String[] labels = host.split("\\.", -1);
    // walk from the whole name down to the TLD: the first (longest) match is the suffix
    for (int i = 0; i < labels.length; i++) {
      String candidate = join(labels, i);
      if (exceptions.contains(candidate)) {
        return join(labels, i + 1);
      }
      if (rules.contains(candidate)) {
        return candidate;
      }
      if (i + 1 < labels.length && wildcards.contains(join(labels, i + 1))) {
        return candidate;
      }
    }
    return labels[labels.length - 1];
  }

  /**
   * The registrable domain (public suffix plus one label) of a host name, lower case without a trailing dot; null
   * when the name is itself a public suffix (e.g. {@code co.uk}) or empty.
   */
  public String registrableDomain(String name) {
    String host = normalise(name);
    String suffix = publicSuffix(host);
    if (suffix == null || host.length() == suffix.length()) {
      return null;
    }
    String head = host.substring(0, host.length() - suffix.length() - 1);
    int dot = head.lastIndexOf('.');
    return head.substring(dot + 1) + "." + suffix;
  }

  private static String normalise(String name) {
    String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host;
  }

  private static String join(String[] labels, int from) {
    return String.join(".", java.util.Arrays.asList(labels).subList(from, labels.length));
  }
}
