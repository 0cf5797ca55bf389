package org.mtastscensus.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The in-memory data of the sandbox server and the authoritative answer logic, without any transport.
 *
 * <p>A name exists when it owns records or when a name below it does (an empty non-terminal): {@code
 * _mta-sts.example.test} makes {@code example.test} answer NODATA, not NXDOMAIN. The root is never counted.
 */
final class SandboxZone {
  /** Longer than any chain a test builds; only stops a CNAME loop. */
  private static final int MAX_CHAIN = 16;

  private final Map<Name, List<Record>> byOwner = new ConcurrentHashMap<>();
  private final Set<Name> existing = ConcurrentHashMap.newKeySet();

  void add(Record record) {
    Name owner = record.getName();
    byOwner.computeIfAbsent(owner, k -> new CopyOnWriteArrayList<>()).add(record);
    existing.add(owner);
    for (int strip = 1; strip < owner.labels() - 1; strip++) {
      existing.add(new Name(owner, strip));
    }
  }

  /** The authoritative response to {@code query}, with CNAME chains inside the data followed. */
  Message answer(Message query) {
    Message response = responseTo(query, Rcode.NOERROR);
    Record question = query.getQuestion();
    Name current = question.getName();
    int type = question.getType();
    Set<Name> visited = new java.util.HashSet<>();
    for (int hop = 0; hop < MAX_CHAIN && visited.add(current); hop++) {
      List<Record> records = byOwner.getOrDefault(current, List.of());
      boolean found = false;
      CNAMERecord cname = null;
      for (Record r : records) {
        if (r.getType() == type || type == Type.ANY) {
          response.addRecord(r, Section.ANSWER);
          found = true;
        } else if (r instanceof CNAMERecord c) {
          cname = c;
        }
      }
      if (found || cname == null) {
        if (!found && !existing.contains(current)) {
          response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response;
      }
      response.addRecord(cname, Section.ANSWER);
      current = cname.getTarget();
    }
    return response;
  }

  /** A response header and question for {@code query}, with the given code and no data. */
  static Message responseTo(Message query, int rcode) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    response.getHeader().setRcode(rcode);
    if (query.getQuestion() != null) {
      response.addRecord(query.getQuestion(), Section.QUESTION);
    }
    return response;
  }
}
