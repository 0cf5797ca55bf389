package org.mtastscensus.input;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mtastscensus.names.DomainName;

/**
 * Delegations from a DNS master file: the owners of NS records below the apex. Everything else (SOA, glue A/AAAA,
 * DS, DNSSEC records) is counted per type and skipped; DS owners are also counted as signed delegations.
 *
 * <p>The apex is the owner of the first SOA record (CZDS files start with it and carry no {@code $ORIGIN});
 * before a SOA, or in files without one, it is the first {@code $ORIGIN}, and failing that the zone name the file
 * name suggests. A later {@code $ORIGIN} only changes how relative names resolve: it is a typing shortcut, not a
 * new zone, so {@code @ NS} after {@code $ORIGIN example.com.} is the delegation of example.com.
 */
final class ZoneReader implements EntryReader {
  /** Real multi-line records (SOA, DNSKEY, RRSIG) span a handful of lines; more means a stray parenthesis. */
  static final int MAX_RECORD_LINES = 64;
  static final String APEX_NS = "APEX_NS";

  private static final Pattern TTL = Pattern.compile("\\d+|(\\d+[smhdwSMHDW])+");
  private static final Pattern CLASS = Pattern.compile("IN|CH|CS|HS|CLASS\\d+", Pattern.CASE_INSENSITIVE);
  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

  private enum ApexSource { NONE, FILE_NAME, ORIGIN, SOA }

  private record Line(long number, String text, boolean tooLong) {}

  private final LineReader lines;
  private final InputStats stats;
  private final String source;
  private final ZoneTokenizer tokenizer = new ZoneTokenizer();
  /** Lines read ahead for a record whose parenthesis never closed, to be parsed again one by one. */
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private final List<Line> recordLines = new ArrayList<>();

  private String origin;
  private String apex;
  private ApexSource apexSource = ApexSource.NONE;
  private String previousOwner;
  /** The last owner normalised, so that the NS lines of one delegation normalise it once. */
  private String cachedOwner;
  private DomainName.Result cachedResult;
  private String lastDsOwner;

  ZoneReader(LineReader lines, InputStats stats, String source, String zoneNameGuess) {
    this.lines = lines;
    this.stats = stats;
    this.source = source;
    if (zoneNameGuess != null) {
      origin = zoneNameGuess + ".";
      setApex(zoneNameGuess, ApexSource.FILE_NAME);
    }
  }

  @Override
  public Candidate next() throws IOException {
    Line first;
    while ((first = nextLine()) != null) {
      if (first.tooLong) {
        stats.countRead();
        stats.addMalformed(InputProblem.LINE_TOO_LONG.name(), first.number, first.text);
        continue;
      }
      if (!assemble(first)) {
        continue;
      }
      if (tokenizer.count() == 0) {
        continue;
      }
      stats.countRead();
      Candidate candidate = interpret(first);
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }

  /** Reads the physical lines of one record into the tokenizer; false when the record was reported broken. */
  private boolean assemble(Line first) throws IOException {
    tokenizer.reset();
    recordLines.clear();
    boolean complete = tokenizer.feed(first.text, true);
    while (!complete) {
      // Null both at the end of the input and at the cap: either way the parenthesis did not close in time.
      Line more = recordLines.size() < MAX_RECORD_LINES ? nextLine() : null;
      if (more != null && more.tooLong) {
        // A legitimately open parenthesis around an oversized line: the whole record goes.
        stats.countRead();
        stats.addMalformed(InputProblem.LINE_TOO_LONG.name(), more.number, more.text);
        return false;
      }
      if (more == null) {
        stats.countRead();
        stats.addMalformed(InputProblem.ZONE_UNBALANCED_PARENTHESES.name(), first.number, first.text);
        // Only the opening line is lost: the lines after it may well be records of their own.
        for (int i = recordLines.size() - 1; i >= 0; i--) {
          pushedBack.push(recordLines.get(i));
        }
        return false;
      }
      recordLines.add(more);
      complete = tokenizer.feed(more.text, false);
    }
    if (tokenizer.problem() != null) {
      stats.countRead();
      stats.addMalformed(tokenizer.problem().name(), first.number, first.text);
      return false;
    }
    return true;
  }

  private Candidate interpret(Line first) {
    int index = 0;
    String owner;
    if (tokenizer.ownerOmitted()) {
      if (previousOwner == null) {
        return malformed(InputProblem.ZONE_NO_OWNER, first);
      }
      owner = previousOwner;
    } else {
      String token = tokenizer.field(0);
      if (token.startsWith("$")) {
        directive(token.toUpperCase(Locale.ROOT), first);
        return null;
      }
      owner = ZoneNames.absolute(token, origin);
      if (owner == null) {
        return malformed(InputProblem.ZONE_NO_ORIGIN, first);
      }
      previousOwner = owner;
      index = 1;
    }
    boolean ttlSeen = false;
    boolean classSeen = false;
    while (index < Math.min(tokenizer.count(), ZoneTokenizer.KEPT_FIELDS)) {
      String field = tokenizer.field(index);
      if (!ttlSeen && TTL.matcher(field).matches()) {
        ttlSeen = true;
      } else if (!classSeen && CLASS.matcher(field).matches()) {
        classSeen = true;
      } else {
        break;
      }
      index++;
    }
    if (index >= Math.min(tokenizer.count(), ZoneTokenizer.KEPT_FIELDS) || index + 1 >= tokenizer.count()
        || !TYPE.matcher(tokenizer.field(index)).matches()) {
      return malformed(InputProblem.ZONE_BAD_LINE, first);
    }
    String type = tokenizer.field(index).toUpperCase(Locale.ROOT);
    switch (type) {
      case "NS":
        return delegation(owner, first);
      case "SOA":
        String soaApex = apexName(owner);
        if (soaApex != null && apexSource != ApexSource.SOA) {
          setApex(soaApex, ApexSource.SOA);
        }
        stats.addSkipped(type);
        return null;
      case "DS":
        DomainName.Result dsOwner = normalized(owner);
        if (dsOwner.valid() && !dsOwner.name().equals(lastDsOwner)) {
          lastDsOwner = dsOwner.name();
          stats.countDnssecSignedDelegation();
        }
        stats.addSkipped(type);
        return null;
      default:
        stats.addSkipped(type);
        return null;
    }
  }

  private Candidate delegation(String owner, Line first) {
    String name = apexName(owner);
    if (name != null && name.equals(apex)) {
      stats.addSkipped(APEX_NS);
      return null;
    }
    return new Candidate(normalized(owner), first.number, first.text);
  }

  /** The owner in the form {@link #apex} is kept in: normalised, and the root as the empty string. */
  private String apexName(String owner) {
    if (owner.equals(".")) {
      return "";
    }
    DomainName.Result result = normalized(owner);
    return result.valid() ? result.name() : null;
  }

  private void directive(String name, Line first) {
    switch (name) {
      case "$ORIGIN":
        String value = tokenizer.count() >= 2 ? ZoneNames.absolute(tokenizer.field(1), origin) : null;
        // The root is a valid origin (the root zone delegates TLDs) though it normalises to no name.
        String originApex = value == null ? null : apexName(value);
        if (originApex == null) {
          malformed(InputProblem.ZONE_BAD_DIRECTIVE, first);
          return;
        }
        origin = value;
        if (apexSource.compareTo(ApexSource.ORIGIN) < 0) {
          setApex(originApex, ApexSource.ORIGIN);
        }
        stats.addSkipped(name);
        return;
      case "$TTL":
        if (tokenizer.count() < 2 || !TTL.matcher(tokenizer.field(1)).matches()) {
          malformed(InputProblem.ZONE_BAD_DIRECTIVE, first);
          return;
        }
        stats.addSkipped(name);
        return;
      case "$INCLUDE":
      case "$GENERATE":
        // Following an include means opening files named by the input; ignoring it would drop delegations.
        throw new InputRejectedException(source, first.number, name + " is not supported: expand it into a"
            + " self-contained zone file first (CZDS files never use it)");
      default:
        malformed(InputProblem.ZONE_BAD_DIRECTIVE, first);
    }
  }

  private DomainName.Result normalized(String owner) {
    if (!owner.equals(cachedOwner)) {
      cachedOwner = owner;
      cachedResult = ZoneNames.normalize(owner);
    }
    return cachedResult;
  }

  private void setApex(String name, ApexSource from) {
    apex = name;
    apexSource = from;
    stats.zoneApex(name.isEmpty() ? "." : name);
  }

  private Candidate malformed(InputProblem problem, Line first) {
    stats.addMalformed(problem.name(), first.number, first.text);
    return null;
  }

  /** The next physical line, pushed back ones first. */
  private Line nextLine() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pop();
    }
    String text = lines.readLine();
    if (text == null) {
      return null;
    }
    return new Line(lines.lineNumber(), text, lines.truncated());
  }
}
