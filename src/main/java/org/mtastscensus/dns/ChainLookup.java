package org.mtastscensus.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;

/** The state of one {@link DnsClient#query}: the CNAME chain so far and the attempts of the current step. */
final class ChainLookup {
  /** Large enough for big TXT RRsets over UDP, small enough to avoid IP fragmentation (DNS Flag Day 2020). */
  private static final int EDNS_PAYLOAD = 1232;

  private final DnsClient client;
  private final String name;
  private final String typeName;
  private final int type;
  private final Name qname;
  private final List<String> chain = new ArrayList<>();
  /** Created at the first CNAME: most answers have none, and Name.hashCode is not cheap at 100k queries/s. */
  private Set<Name> seen;
  private final CompletableFuture<DnsAnswer> result = new CompletableFuture<>();

  ChainLookup(DnsClient client, String name, String typeName, Name qname, int type) {
    this.client = client;
    this.name = name;
    this.typeName = typeName;
    this.type = type;
    this.qname = qname;
  }

  CompletableFuture<DnsAnswer> start() {
    step(qname, 1);
    return result;
  }

  private void step(Name current, int attempt) {
    int index = client.nextResolver();
    Resolver resolver = client.resolver(index);
    // Message.newQuery draws the ID from a SecureRandom, a measurable cost at 100k queries/s; MuxResolver
    // replaces the ID anyway and other resolvers still get a random one.
    Message query = new Message(ThreadLocalRandom.current().nextInt(0x10000));
    query.getHeader().setFlag(Flags.RD);
    query.addRecord(Record.newRecord(current, type, DClass.IN), Section.QUESTION);
    query.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    CompletionStage<Message> stage;
    try {
      stage = resolver.sendAsync(query);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (response, error) -> {
          try {
            onResponse(current, attempt, index, response, error);
          } catch (RuntimeException e) {
            finish(DnsStatus.NETWORK_ERROR, "internal error: " + DnsErrors.describe(e));
          }
        });
  }

  private void onResponse(Name current, int attempt, int index, Message response, Throwable error) {
    DnsStatus status;
    String detail;
    if (error != null) {
      status = DnsErrors.classify(error);
      detail = DnsErrors.describe(error);
    } else if (response.getHeader().getFlag(Flags.TC)) {
      status = DnsStatus.TRUNCATED;
      detail = "truncated answer";
    } else {
      int rcode = response.getRcode();
      status = DnsErrors.classifyRcode(rcode);
      detail = "rcode " + Rcode.string(rcode);
    }
    client.health().get(index).record(status);
    if (status == DnsStatus.NOERROR || status == DnsStatus.NXDOMAIN) {
      onAnswer(current, response);
      return;
    }
    if (status.retryable() && attempt < client.attempts()) {
      CompletableFuture.delayedExecutor(client.backoffMillis(attempt), TimeUnit.MILLISECONDS)
          .execute(() -> step(current, attempt + 1));
      return;
    }
    String where = current.equals(qname) ? "" : " at " + AnswerReader.hostName(current);
    finish(status, detail + where + (attempt > 1 ? " after " + attempt + " attempts" : ""));
  }

  private void onAnswer(Name current, Message response) {
    AnswerReader.Walk walk = AnswerReader.walk(response, current, type);
    for (Name target : walk.cnameTargets()) {
      if (seen == null) {
        seen = new HashSet<>();
        seen.add(qname);
      }
      String host = AnswerReader.hostName(target);
      if (!seen.add(target)) {
        chain.add(host);
        finish(DnsStatus.CNAME_LOOP, "CNAME loop back to " + host);
        return;
      }
      chain.add(host);
      if (chain.size() > DnsClient.MAX_CNAME_HOPS) {
        finish(DnsStatus.CNAME_LOOP, "CNAME chain longer than " + DnsClient.MAX_CNAME_HOPS);
        return;
      }
    }
    if (!walk.data().isEmpty()) {
      List<String> values = new ArrayList<>();
      for (Record r : walk.data()) {
        values.add(AnswerReader.present(r));
      }
      result.complete(new DnsAnswer(name, typeName, DnsStatus.NOERROR, values, chain, ""));
      return;
    }
    if (response.getRcode() == Rcode.NXDOMAIN) {
      // RFC 6604: with a CNAME in the answer the NXDOMAIN is about the chain's end, a dangling CNAME.
      String detail = chain.isEmpty() ? "" : "dangling CNAME to " + chain.get(chain.size() - 1);
      result.complete(new DnsAnswer(name, typeName, DnsStatus.NXDOMAIN, List.of(), chain, detail));
      return;
    }
    if (!walk.cnameTargets().isEmpty()) {
      // The target lies outside what this server answered for: ask for it ourselves.
      step(walk.end(), 1);
      return;
    }
    result.complete(new DnsAnswer(name, typeName, DnsStatus.NODATA, List.of(), chain, ""));
  }

  private void finish(DnsStatus status, String detail) {
    result.complete(new DnsAnswer(name, typeName, status, List.of(), chain, detail));
  }
}
