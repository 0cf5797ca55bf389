package org.mtastscensus.dns;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Reads the answer section of a response: the CNAME chain it contains and the data at its end. */
final class AnswerReader {
  private AnswerReader() {}

  /**
   * @param cnameTargets the CNAME targets walked from the question name, in order
   * @param end the last name reached (the question name when no CNAME was walked)
   * @param data records of the asked type owned by {@code end}
   */
  record Walk(List<Name> cnameTargets, Name end, List<Record> data) {}

  static Walk walk(Message response, Name qname, int qtype) {
    List<Record> answers = response.getSection(Section.ANSWER);
    List<Name> targets = new ArrayList<>();
    Name current = qname;
    // Each hop consumes one CNAME record, so the answer size bounds the walk even when the chain loops.
    for (int hop = 0; hop <= answers.size(); hop++) {
      List<Record> data = new ArrayList<>();
      CNAMERecord cname = null;
      for (Record r : answers) {
        if (r.getDClass() != DClass.IN || !r.getName().equals(current)) {
          continue;
        }
        if (r.getType() == qtype) {
          data.add(r);
        } else if (r.getType() == Type.CNAME && cname == null) {
          cname = (CNAMERecord) r;
        }
      }
      if (!data.isEmpty()) {
        return new Walk(targets, current, data);
      }
      if (cname == null) {
        break;
      }
      current = cname.getTarget();
      targets.add(current);
    }
    return new Walk(targets, current, List.of());
  }

  /** The presentation form kept in {@link DnsAnswer#values()}. */
  static String present(Record record) {
    if (record instanceof TXTRecord txt) {
      // getStrings() escapes quotes and non-ASCII bytes (\195\164), which would hide them from the RFC 8461
      // grammar check; the raw bytes are decoded instead and joined without separator (§3.1).
      StringBuilder joined = new StringBuilder();
      for (byte[] part : txt.getStringsAsByteArrays()) {
        joined.append(new String(part, StandardCharsets.UTF_8));
      }
      return joined.toString();
    }
    if (record instanceof MXRecord mx) {
      return new MxRecord(mx.getPriority(), hostName(mx.getTarget())).presentation();
    }
    if (record instanceof ARecord a) {
      return a.getAddress().getHostAddress();
    }
    if (record instanceof AAAARecord aaaa) {
      return ipv6(aaaa.getAddress());
    }
    return record.rdataToString();
  }

  /** Lower case, no trailing dot; "" for the root. */
  static String hostName(Name name) {
    return MxRecord.normalizeHost(name.toString());
  }

  /** RFC 5952 text form: the JDK prints "2001:db8:0:0:0:0:0:1", resolvers and zone files "2001:db8::1". */
  static String ipv6(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
