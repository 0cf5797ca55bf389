package org.mtastscensus.sandbox;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mtastscensus.verdict.DeliveryRisk;
import org.mtastscensus.verdict.FindingCode;
import org.mtastscensus.verdict.Outcome;
import org.xbill.DNS.Type;

/**
 * A sandbox domain under construction: starts as a correct enforce deployment (record, MX, TLS-RPT, policy host,
 * valid certificate, text/plain policy) and each case changes what it breaks.
 */
final class WorldDomain {
  static final String POLICY_ADDRESS = "127.0.0.1";

  final String name;
  final String what;
  List<String> txt = new ArrayList<>();
  List<String> mx = new ArrayList<>();
  List<String> tlsrpt = new ArrayList<>();
  /** Extra records as {owner, type, rdata}. */
  List<Object[]> extra = new ArrayList<>();
  String policyHostAddress = POLICY_ADDRESS;
  TestCa.Issued certificate;
  Behaviour behaviour;
  boolean refuseHandshake;
  Fault txtFault;
  Fault domainFault;
  Fault policyHostFault;
  Outcome outcome = Outcome.VALID_ENFORCE;
  Outcome outcomeLenient;
  Set<FindingCode> findings = EnumSet.noneOf(FindingCode.class);
  DeliveryRisk risk;

  WorldDomain(String name, String what, TestCa ca) {
    this.name = name;
    this.what = what;
    txt.add(quoted("v=STSv1; id=20240101"));
    mx.add("10 mx1." + name + ".");
    mx.add("20 mx2." + name + ".");
    tlsrpt.add(quoted("v=TLSRPTv1; rua=mailto:tlsrpt@" + name));
    certificate = ca.valid(policyHost());
    behaviour = Behaviour.serve(200, "text/plain", policy("enforce"));
  }

  String policyHost() {
    return "mta-sts." + name;
  }

  /** The correct policy body for this domain in {@code mode}, LF line endings. */
  String policy(String mode) {
    return "version: STSv1\nmode: " + mode + "\nmx: *." + name + "\nmax_age: 604800\n";
  }

  WorldDomain serve(String body) {
    behaviour = Behaviour.serve(200, "text/plain", body);
    return this;
  }

  WorldDomain txt(String... records) {
    txt = new ArrayList<>();
    for (String record : records) {
      txt.add(quoted(record));
    }
    return this;
  }

  /** TXT rdata in presentation form as given, e.g. several character-strings. */
  WorldDomain txtRaw(String rdata) {
    txt = new ArrayList<>(List.of(rdata));
    return this;
  }

  WorldDomain mx(String... records) {
    mx = new ArrayList<>(List.of(records));
    return this;
  }

  WorldDomain tlsrpt(String... records) {
    tlsrpt = new ArrayList<>();
    for (String record : records) {
      tlsrpt.add(quoted(record));
    }
    return this;
  }

  WorldDomain record(String owner, int type, String rdata) {
    extra.add(new Object[] {owner, type, rdata});
    return this;
  }

  WorldDomain noPolicyHost() {
    policyHostAddress = null;
    behaviour = null;
    return this;
  }

  WorldDomain expect(Outcome expected, FindingCode... codes) {
    outcome = expected;
    findings = codes.length == 0 ? EnumSet.noneOf(FindingCode.class) : EnumSet.copyOf(List.of(codes));
    return this;
  }

  WorldDomain lenient(Outcome expected) {
    outcomeLenient = expected;
    return this;
  }

  WorldDomain risk(DeliveryRisk expected) {
    risk = expected;
    return this;
  }

  WorldCase toCase() {
    DeliveryRisk expectedRisk = outcome == Outcome.VALID_ENFORCE ? (risk == null ? DeliveryRisk.NONE : risk) : null;
    return new WorldCase(name, what, outcome, outcomeLenient == null ? outcome : outcomeLenient, findings,
        expectedRisk);
  }

  /** Writes this domain into the servers. */
  void install(SandboxDnsServer dns, SandboxHttpsServer https) {
    for (String record : txt) {
      dns.add("_mta-sts." + name, Type.TXT, record);
    }
    for (String record : mx) {
      dns.add(name, Type.MX, record);
    }
    for (String record : tlsrpt) {
      dns.add("_smtp._tls." + name, Type.TXT, record);
    }
    if (policyHostAddress != null) {
      dns.add(policyHost(), Type.A, policyHostAddress);
    }
    for (Object[] record : extra) {
      dns.add((String) record[0], (Integer) record[1], (String) record[2]);
    }
    if (txtFault != null) {
      dns.setFault("_mta-sts." + name, txtFault);
    }
    if (domainFault != null) {
      dns.setFault(name, domainFault);
    }
    if (policyHostFault != null) {
      dns.setFault(policyHost(), policyHostFault);
    }
    if (refuseHandshake) {
      https.hostRefusingHandshake(policyHost());
    } else if (behaviour != null) {
      https.host(policyHost(), certificate, behaviour);
    }
  }

  /** A TXT rdata in presentation form: one quoted character-string, quotes and backslashes escaped. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
