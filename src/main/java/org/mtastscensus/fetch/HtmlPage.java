package org.mtastscensus.fetch;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Recognises an HTML document where a policy should be (parking pages, login walls, error pages) and records its
 * title and a guess at which kind of page it is, so that statistics can tell them apart.
 */
public final class HtmlPage {
  /** Bytes inspected to decide whether a body is HTML at all; policies are small and HTML announces itself early. */
  private static final int SNIFF_CHARS = 1024;
  /**
   * At most this many characters are handed to the HTML parser: the fetcher's body cap (64 KiB, RFC 8461 §3.3), so
   * that a caller passing a longer string cannot make the parser, which is quadratic on deeply nested elements,
   * run for seconds. Title and page kind are decided long before this point.
   */
  static final int PARSE_CHARS = 64 * 1024;

  private static final Pattern HTML_START =
      Pattern.compile("^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html|<head|<body|<title|<meta|<script|<div|<p>)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern PARKING = Pattern.compile(
      "domain (is )?(for sale|parked)|buy this domain|parkingcrew|sedo|bodis|domain parking|this domain may be for sale",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LOGIN =
      Pattern.compile("log ?in|sign ?in|password|authenticat", Pattern.CASE_INSENSITIVE);
  private static final Pattern ERROR =
      Pattern.compile("\\b(40[0-9]|5[0-9][0-9])\\b|not found|forbidden|error|unavailable", Pattern.CASE_INSENSITIVE);

  /** The kind of HTML page, as far as its text tells. */
  public enum Kind {
    PARKING,
    LOGIN,
    ERROR,
    OTHER
  }

  /** What an HTML body looked like. */
  public record Classification(String title, Kind kind) {}

  private HtmlPage() {}

  /** Empty when the body is not HTML. Never throws; the body is already capped by the fetcher. */
  public static Optional<Classification> classify(String body) {
    if (body == null || body.isEmpty()) {
      return Optional.empty();
    }
    String head = body.length() > SNIFF_CHARS ? body.substring(0, SNIFF_CHARS) : body;
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1);
    }
    if (!HTML_START.matcher(head).find()) {
      return Optional.empty();
    }
    Document document = Jsoup.parse(body.length() > PARSE_CHARS ? body.substring(0, PARSE_CHARS) : body);
    String title = document.title().strip();
    String text = title + " " + document.body().text();
    return Optional.of(new Classification(title, kindOf(text.toLowerCase(Locale.ROOT), document)));
  }

  private static Kind kindOf(String text, Document document) {
    if (PARKING.matcher(text).find()) {
      return Kind.PARKING;
    }
    if (!document.select("input[type=password]").isEmpty() || LOGIN.matcher(text).find()) {
      return Kind.LOGIN;
    }
    if (ERROR.matcher(text).find()) {
      return Kind.ERROR;
    }
    return Kind.OTHER;
  }
}
