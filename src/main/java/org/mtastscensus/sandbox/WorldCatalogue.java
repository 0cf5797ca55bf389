package org.mtastscensus.sandbox;

import static org.mtastscensus.verdict.FindingCode.DNS_LOOKUP_FAILED;
import static org.mtastscensus.verdict.FindingCode.DOMAIN_NXDOMAIN;
import static org.mtastscensus.verdict.FindingCode.MX_NONE;
import static org.mtastscensus.verdict.FindingCode.MX_NONE_COVERED;
import static org.mtastscensus.verdict.FindingCode.MX_NOT_COVERED;
import static org.mtastscensus.verdict.FindingCode.MX_NULL;
import static org.mtastscensus.verdict.FindingCode.MX_PATTERN_UNUSED;
import static org.mtastscensus.verdict.FindingCode.POLICY_CERT_CN_ONLY;
import static org.mtastscensus.verdict.FindingCode.POLICY_CERT_EXPIRED;
import static org.mtastscensus.verdict.FindingCode.POLICY_CERT_NAME_MISMATCH;
import static org.mtastscensus.verdict.FindingCode.POLICY_CERT_NOT_YET_VALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_CERT_UNTRUSTED;
import static org.mtastscensus.verdict.FindingCode.POLICY_CONNECT_FAILED;
import static org.mtastscensus.verdict.FindingCode.POLICY_CONTENT_TYPE;
import static org.mtastscensus.verdict.FindingCode.POLICY_DUPLICATE_KEY;
import static org.mtastscensus.verdict.FindingCode.POLICY_HOST_BLOCKED;
import static org.mtastscensus.verdict.FindingCode.POLICY_HOST_NO_ADDRESS;
import static org.mtastscensus.verdict.FindingCode.POLICY_HOST_NXDOMAIN;
import static org.mtastscensus.verdict.FindingCode.POLICY_HTML_PAGE;
import static org.mtastscensus.verdict.FindingCode.POLICY_HTTP_REDIRECT;
import static org.mtastscensus.verdict.FindingCode.POLICY_HTTP_STATUS;
import static org.mtastscensus.verdict.FindingCode.POLICY_HTTP_TRUNCATED;
import static org.mtastscensus.verdict.FindingCode.POLICY_KEY_TYPO;
import static org.mtastscensus.verdict.FindingCode.POLICY_MAX_AGE_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_MAX_AGE_MISSING;
import static org.mtastscensus.verdict.FindingCode.POLICY_MAX_AGE_SHORT;
import static org.mtastscensus.verdict.FindingCode.POLICY_MODE_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_MODE_MISSING;
import static org.mtastscensus.verdict.FindingCode.POLICY_MX_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_MX_MISSING;
import static org.mtastscensus.verdict.FindingCode.POLICY_SLOW;
import static org.mtastscensus.verdict.FindingCode.POLICY_SYNTAX_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_TIMEOUT;
import static org.mtastscensus.verdict.FindingCode.POLICY_TLS_HANDSHAKE_FAILED;
import static org.mtastscensus.verdict.FindingCode.POLICY_TOO_LARGE;
import static org.mtastscensus.verdict.FindingCode.POLICY_UNKNOWN_KEY;
import static org.mtastscensus.verdict.FindingCode.POLICY_VERSION_INVALID;
import static org.mtastscensus.verdict.FindingCode.POLICY_VERSION_MISSING;
import static org.mtastscensus.verdict.FindingCode.TLSRPT_INVALID;
import static org.mtastscensus.verdict.FindingCode.TLSRPT_MISSING;
import static org.mtastscensus.verdict.FindingCode.TLSRPT_MULTIPLE;
import static org.mtastscensus.verdict.FindingCode.TXT_CNAME;
import static org.mtastscensus.verdict.FindingCode.TXT_DUPLICATE_FIELD;
import static org.mtastscensus.verdict.FindingCode.TXT_ID_INVALID;
import static org.mtastscensus.verdict.FindingCode.TXT_ID_MISSING;
import static org.mtastscensus.verdict.FindingCode.TXT_MULTIPLE_RECORDS;
import static org.mtastscensus.verdict.FindingCode.TXT_SYNTAX_INVALID;
import static org.mtastscensus.verdict.FindingCode.TXT_VERSION_INVALID;
import static org.mtastscensus.verdict.Outcome.NO_DOMAIN;
import static org.mtastscensus.verdict.Outcome.NO_RECORD;
import static org.mtastscensus.verdict.Outcome.POLICY_INVALID;
import static org.mtastscensus.verdict.Outcome.POLICY_UNAVAILABLE;
import static org.mtastscensus.verdict.Outcome.RECORD_INVALID;
import static org.mtastscensus.verdict.Outcome.UNDETERMINED;
import static org.mtastscensus.verdict.Outcome.VALID_ENFORCE;
import static org.mtastscensus.verdict.Outcome.VALID_NONE;
import static org.mtastscensus.verdict.Outcome.VALID_TESTING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mtastscensus.verdict.DeliveryRisk;
import org.xbill.DNS.Type;

/**
 * The domains of the sandbox world: correct deployments, one domain per finding code of contract version 1, and
 * the network faults (slow, stalled, endless, huge, truncated, reset, plain HTTP, refused, SERVFAIL, dropped,
 * answers too large for UDP). All live under {@code .test} (RFC 6761), all addresses on 127.0.0.0/8.
 */
final class WorldCatalogue {
  /**
   * The slow host answers after this: above the production slow threshold (4 s), below the world's fetch budget.
   * A lower threshold would flag healthy hosts whose first fetch in a cold, busy JVM takes a second or two.
   */
  static final Duration SLOW_HOST_DELAY = Duration.ofMillis(5000);
  /** A provider that hosts policies for other domains through CNAMEs (RFC 8461 §8.2). */
  static final String PROVIDER = "sts-provider.test";

  private final TestCa ca;
  private final TestCa strangerCa;
  private final List<WorldDomain> domains = new ArrayList<>();

  WorldCatalogue(TestCa ca, TestCa strangerCa) {
    this.ca = ca;
    this.strangerCa = strangerCa;
  }

  List<WorldDomain> build() {
    correct();
    records();
    policyHosts();
    tlsAndHttp();
    policyBodies();
    mxCoverage();
    tlsRpt();
    dnsFaults();
    return domains;
  }

  private void add(String name, String what, Consumer<WorldDomain> change) {
    WorldDomain domain = new WorldDomain(name, what, ca);
    change.accept(domain);
    domains.add(domain);
  }

  private void correct() {
    add("valid-enforce.test", "correct enforce deployment with TLS-RPT", d -> d.expect(VALID_ENFORCE));
    add("valid-testing.test", "correct testing deployment", d -> d.serve(d.policy("testing")).expect(VALID_TESTING));
    add("valid-none.test", "correct opt-out (mode none)", d -> d.serve(d.policy("none")).expect(VALID_NONE));
    add("valid-crlf.test", "policy with CRLF line endings",
        d -> d.serve(d.policy("enforce").replace("\n", "\r\n")).expect(VALID_ENFORCE));
    add("valid-charset.test", "Content-Type TEXT/PLAIN; charset=utf-8 (parameters ignored)", d -> {
      d.behaviour = Behaviour.serve(200, "TEXT/PLAIN; charset=utf-8", d.policy("enforce"));
      d.expect(VALID_ENFORCE);
    });
    add("txt-split-strings.test", "TXT record split into two character-strings, joined without space",
        d -> d.txtRaw("\"v=STSv1; id=2024\" \"0101\"").expect(VALID_ENFORCE));
    add("txt-space-before-semicolon.test", "v=STSv1 ; id=... (the ABNF allows WSP before ;)",
        d -> d.txt("v=STSv1 ; id=20240101").expect(VALID_ENFORCE));
    add("txt-cname.test", "record and policy host delegated by CNAME to a provider", d -> {
      d.txt();
      d.record("_mta-sts.txt-cname.test", Type.CNAME, "_mta-sts." + PROVIDER + ".");
      d.record("_mta-sts." + PROVIDER, Type.TXT, WorldDomain.quoted("v=STSv1; id=provider1"));
      d.policyHostAddress = null;
      d.record(d.policyHost(), Type.CNAME, "mta-sts." + PROVIDER + ".");
      d.record("mta-sts." + PROVIDER, Type.A, WorldDomain.POLICY_ADDRESS);
      d.expect(VALID_ENFORCE, TXT_CNAME);
    });
    add("no-record.test", "mail domain without MTA-STS", d -> {
      d.txt();
      d.tlsrpt();
      d.noPolicyHost();
      d.expect(NO_RECORD);
    });
    add("does-not-exist.test", "a name that does not exist at all", d -> {
      d.txt();
      d.mx();
      d.tlsrpt();
      d.noPolicyHost();
      d.expect(NO_DOMAIN, DOMAIN_NXDOMAIN);
    });
  }

  private void records() {
    add("txt-multiple.test", "two records begin with v=STSv1",
        d -> d.txt("v=STSv1; id=1", "v=STSv1; id=2").expect(RECORD_INVALID, TXT_MULTIPLE_RECORDS));
    add("txt-version-case.test", "V=STSv1 in the wrong case",
        d -> d.txt("v=STSV1; id=20240101").expect(RECORD_INVALID, TXT_VERSION_INVALID));
    add("txt-id-missing.test", "record without id", d -> d.txt("v=STSv1;").expect(RECORD_INVALID, TXT_ID_MISSING));
    add("txt-id-invalid.test", "id with punctuation",
        d -> d.txt("v=STSv1; id=2024-01-01").expect(RECORD_INVALID, TXT_ID_INVALID));
    add("txt-syntax.test", "a field without =",
        d -> d.txt("v=STSv1; id=20240101; rua").expect(RECORD_INVALID, TXT_SYNTAX_INVALID));
    add("txt-duplicate-id.test", "id given twice (the first counts)",
        d -> d.txt("v=STSv1; id=1; id=2").expect(VALID_ENFORCE, TXT_DUPLICATE_FIELD));
  }

  private void policyHosts() {
    add("policy-host-nxdomain.test", "record published, mta-sts host missing",
        d -> d.noPolicyHost().expect(POLICY_UNAVAILABLE, POLICY_HOST_NXDOMAIN));
    add("policy-host-dangling.test", "mta-sts host is a CNAME to a name that does not exist", d -> {
      d.noPolicyHost();
      d.record(d.policyHost(), Type.CNAME, "gone.nowhere.test.");
      d.expect(POLICY_UNAVAILABLE, POLICY_HOST_NXDOMAIN);
    });
    add("policy-host-no-address.test", "mta-sts host exists without A or AAAA", d -> {
      d.noPolicyHost();
      d.record(d.policyHost(), Type.TXT, WorldDomain.quoted("not an address"));
      d.expect(POLICY_UNAVAILABLE, POLICY_HOST_NO_ADDRESS);
    });
    add("policy-host-blocked.test", "mta-sts host points into reserved space (240.0.0.0/4)", d -> {
      d.policyHostAddress = "240.0.0.1";
      d.expect(UNDETERMINED, POLICY_HOST_BLOCKED);
    });
    add("connect-refused.test", "nothing listens on the policy host",
        d -> {
          d.policyHostAddress = "127.0.0.3";
          d.expect(POLICY_UNAVAILABLE, POLICY_CONNECT_FAILED);
        });
  }

  private void tlsAndHttp() {
    add("plain-http.test", "plain HTTP on the HTTPS port", d -> {
      d.policyHostAddress = "127.0.0.2";
      d.expect(POLICY_UNAVAILABLE, POLICY_TLS_HANDSHAKE_FAILED);
    });
    add("handshake-alert.test", "the server aborts the handshake with an alert", d -> {
      d.refuseHandshake = true;
      d.expect(POLICY_UNAVAILABLE, POLICY_TLS_HANDSHAKE_FAILED);
    });
    add("cert-expired.test", "expired certificate",
        d -> certificate(d, ca.expired(d.policyHost())).expect(POLICY_UNAVAILABLE, POLICY_CERT_EXPIRED));
    add("cert-not-yet-valid.test", "certificate not yet valid",
        d -> certificate(d, ca.notYetValid(d.policyHost())).expect(POLICY_UNAVAILABLE, POLICY_CERT_NOT_YET_VALID));
    add("cert-name-mismatch.test", "certificate for another name",
        d -> certificate(d, ca.wrongName(d.policyHost())).expect(POLICY_UNAVAILABLE, POLICY_CERT_NAME_MISMATCH));
    add("cert-self-signed.test", "self-signed certificate",
        d -> certificate(d, TestCa.selfSigned(d.policyHost())).expect(POLICY_UNAVAILABLE, POLICY_CERT_UNTRUSTED));
    add("cert-unknown-ca.test", "certificate from a CA nobody trusts",
        d -> certificate(d, strangerCa.valid(d.policyHost())).expect(POLICY_UNAVAILABLE, POLICY_CERT_UNTRUSTED));
    add("cert-incomplete-chain.test", "leaf sent without its intermediate", d -> certificate(d,
        ca.viaIntermediate(d.policyHost(), false)).expect(POLICY_UNAVAILABLE, POLICY_CERT_UNTRUSTED));
    add("cert-full-chain.test", "leaf sent with its intermediate",
        d -> certificate(d, ca.viaIntermediate(d.policyHost(), true)).expect(VALID_ENFORCE));
    add("cert-cn-only.test", "certificate names the host only in its CN",
        d -> certificate(d, ca.cnOnly(d.policyHost())).expect(VALID_ENFORCE, POLICY_CERT_CN_ONLY));
    add("http-redirect.test", "301 to another URL (never followed)", d -> {
      d.behaviour = Behaviour.redirect(301, "https://www.http-redirect.test/mta-sts.txt");
      d.expect(POLICY_UNAVAILABLE, POLICY_HTTP_REDIRECT, POLICY_HTML_PAGE);
    });
    add("http-404.test", "404 with an HTML error page", d -> {
      d.behaviour = Behaviour.serve(404, "text/html",
          "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");
      d.expect(POLICY_UNAVAILABLE, POLICY_HTTP_STATUS, POLICY_HTML_PAGE);
    });
    add("http-500.test", "500 with a plain-text body", d -> {
      d.behaviour = Behaviour.serve(500, "text/plain", "internal error\n");
      d.expect(POLICY_UNAVAILABLE, POLICY_HTTP_STATUS);
    });
    add("http-truncated.test", "Content-Length promises more than is sent", d -> {
      d.behaviour = Behaviour.truncated(1000, 100);
      d.expect(POLICY_UNAVAILABLE, POLICY_HTTP_TRUNCATED);
    });
    add("http-reset.test", "connection reset after the request", d -> {
      d.behaviour = Behaviour.reset();
      d.expect(POLICY_UNAVAILABLE, POLICY_HTTP_TRUNCATED);
    });
    add("http-stalled.test", "accepts the request and never answers", d -> {
      d.behaviour = Behaviour.stalled();
      d.expect(POLICY_UNAVAILABLE, POLICY_TIMEOUT);
    });
    add("http-slow.test", "answers correctly, but only after " + SLOW_HOST_DELAY.toMillis() + " ms", d -> {
      d.behaviour = Behaviour.slow(SLOW_HOST_DELAY, Duration.ZERO, 1, "text/plain", d.policy("enforce"));
      d.expect(VALID_ENFORCE, POLICY_SLOW);
    });
    add("http-too-large.test", "a 2 MiB body", d -> {
      d.behaviour = Behaviour.large(2 * 1024 * 1024);
      d.expect(POLICY_UNAVAILABLE, POLICY_TOO_LARGE);
    });
    add("http-endless.test", "a body that never ends", d -> {
      d.behaviour = Behaviour.endless();
      d.expect(POLICY_UNAVAILABLE, POLICY_TOO_LARGE);
    });
  }

  private void policyBodies() {
    add("content-type-html.test", "valid policy served as text/html", d -> {
      d.behaviour = Behaviour.serve(200, "text/html", d.policy("enforce"));
      d.expect(POLICY_INVALID, POLICY_CONTENT_TYPE).lenient(VALID_ENFORCE);
    });
    add("content-type-missing.test", "valid policy without Content-Type", d -> {
      d.behaviour = Behaviour.serve(200, null, d.policy("enforce"));
      d.expect(POLICY_INVALID, POLICY_CONTENT_TYPE).lenient(VALID_ENFORCE);
    });
    add("html-parking.test", "a parking page where the policy should be", d -> {
      d.behaviour = Behaviour.serve(200, "text/html",
          "<html><head><title>Domain for sale</title></head><body>Buy this domain today</body></html>");
      d.expect(POLICY_INVALID, POLICY_CONTENT_TYPE, POLICY_HTML_PAGE, POLICY_SYNTAX_INVALID, POLICY_VERSION_MISSING,
          POLICY_MODE_MISSING, POLICY_MAX_AGE_MISSING);
    });
    add("policy-blank-line.test", "a blank line inside the policy",
        d -> d.serve(d.policy("enforce").replace("mode:", "\nmode:")).expect(VALID_ENFORCE, POLICY_SYNTAX_INVALID));
    add("policy-bom.test", "a byte order mark before version",
        d -> d.serve("\uFEFF" + d.policy("enforce"))
            .expect(POLICY_INVALID, POLICY_SYNTAX_INVALID, POLICY_VERSION_MISSING));
    add("policy-version-missing.test", "no version line",
        d -> d.serve(d.policy("enforce").replace("version: STSv1\n", "")).expect(POLICY_INVALID, POLICY_VERSION_MISSING));
    add("policy-version-invalid.test", "version STSv2",
        d -> d.serve(d.policy("enforce").replace("STSv1", "STSv2")).expect(POLICY_INVALID, POLICY_VERSION_INVALID));
    add("policy-mode-missing.test", "no mode line",
        d -> d.serve(d.policy("enforce").replace("mode: enforce\n", "")).expect(POLICY_INVALID, POLICY_MODE_MISSING));
    add("policy-mode-invalid.test", "mode Enforce (values are case-sensitive)",
        d -> d.serve(d.policy("Enforce")).expect(POLICY_INVALID, POLICY_MODE_INVALID));
    add("policy-max-age-missing.test", "no max_age line",
        d -> d.serve(d.policy("enforce").replace("max_age: 604800\n", ""))
            .expect(POLICY_INVALID, POLICY_MAX_AGE_MISSING));
    add("policy-max-age-invalid.test", "max_age of 11 digits",
        d -> d.serve(d.policy("enforce").replace("604800", "99999999999"))
            .expect(POLICY_INVALID, POLICY_MAX_AGE_INVALID));
    add("policy-max-age-short.test", "max_age of one hour",
        d -> d.serve(d.policy("enforce").replace("604800", "3600")).expect(VALID_ENFORCE, POLICY_MAX_AGE_SHORT));
    add("policy-mx-missing.test", "enforce without any mx line",
        d -> d.serve(d.policy("enforce").replace("mx: *.policy-mx-missing.test\n", ""))
            .expect(POLICY_INVALID, POLICY_MX_MISSING));
    add("policy-mx-invalid.test", "an mx with the wildcard in the middle",
        d -> d.serve(d.policy("enforce") + "mx: mail.*.policy-mx-invalid.test\n")
            .expect(POLICY_INVALID, POLICY_MX_INVALID));
    add("policy-duplicate-key.test", "mode given twice (the first counts)",
        d -> d.serve(d.policy("enforce") + "mode: testing\n").expect(VALID_ENFORCE, POLICY_DUPLICATE_KEY));
    add("policy-unknown-key.test", "an extension key",
        d -> d.serve(d.policy("enforce") + "comment: hello\n").expect(VALID_ENFORCE, POLICY_UNKNOWN_KEY));
    add("policy-key-typo.test", "max-age instead of max_age",
        d -> d.serve(d.policy("enforce").replace("max_age", "max-age"))
            .expect(POLICY_INVALID, POLICY_UNKNOWN_KEY, POLICY_KEY_TYPO, POLICY_MAX_AGE_MISSING));
  }

  private void mxCoverage() {
    add("mx-backup-uncovered.test", "a backup MX at another provider is not in the policy", d -> {
      d.mx("10 mx1.mx-backup-uncovered.test.", "20 backup.other-provider.test.");
      d.expect(VALID_ENFORCE, MX_NOT_COVERED).risk(DeliveryRisk.LATENT);
    });
    add("mx-primary-uncovered.test", "the primary MX is not in the policy", d -> {
      d.mx("10 mail.other-provider.test.", "20 mx2.mx-primary-uncovered.test.");
      d.expect(VALID_ENFORCE, MX_NOT_COVERED).risk(DeliveryRisk.PARTIAL);
    });
    add("mx-none-covered.test", "the policy still names the old provider", d -> {
      d.serve(d.policy("enforce").replace("*.mx-none-covered.test", "mail.old-provider.test"));
      d.expect(VALID_ENFORCE, MX_NONE_COVERED, MX_PATTERN_UNUSED).risk(DeliveryRisk.TOTAL);
    });
    add("mx-pattern-unused.test", "a stale pattern next to the right one",
        d -> d.serve(d.policy("enforce") + "mx: mail.old-provider.test\n").expect(VALID_ENFORCE, MX_PATTERN_UNUSED));
    add("mx-null.test", "null MX (accepts no mail) with an STS record",
        d -> d.mx("0 .").expect(VALID_ENFORCE, MX_NULL));
    add("mx-absent.test", "no MX records: the implicit MX is the domain itself", d -> {
      d.mx();
      d.serve(d.policy("enforce").replace("*.mx-absent.test", "mx-absent.test"));
      d.expect(VALID_ENFORCE, MX_NONE);
    });
  }

  private void tlsRpt() {
    add("tlsrpt-missing.test", "enforce without TLS-RPT", d -> d.tlsrpt().expect(VALID_ENFORCE, TLSRPT_MISSING));
    add("tlsrpt-invalid.test", "TLS-RPT with an http: report URI",
        d -> d.tlsrpt("v=TLSRPTv1; rua=http://reports.tlsrpt-invalid.test/").expect(VALID_ENFORCE, TLSRPT_INVALID));
    add("tlsrpt-multiple.test", "two TLS-RPT records",
        d -> d.tlsrpt("v=TLSRPTv1; rua=mailto:a@tlsrpt-multiple.test", "v=TLSRPTv1; rua=mailto:b@tlsrpt-multiple.test")
            .expect(VALID_ENFORCE, TLSRPT_MULTIPLE));
  }

  private void dnsFaults() {
    add("dns-txt-servfail.test", "SERVFAIL for _mta-sts", d -> {
      d.txtFault = Fault.servfail();
      d.expect(UNDETERMINED, DNS_LOOKUP_FAILED);
    });
    add("dns-txt-dropped.test", "the server never answers _mta-sts", d -> {
      d.txtFault = Fault.drop();
      d.expect(UNDETERMINED, DNS_LOOKUP_FAILED);
    });
    add("dns-txt-garbage.test", "a malformed answer for _mta-sts", d -> {
      d.txtFault = Fault.garbage();
      d.expect(UNDETERMINED, DNS_LOOKUP_FAILED);
    });
    add("dns-txt-truncated.test", "the TXT answer only fits over TCP", d -> {
      d.txtFault = Fault.truncateUdp();
      d.expect(VALID_ENFORCE);
    });
    add("dns-mx-refused.test", "valid STS, but the MX query is refused", d -> {
      d.domainFault = Fault.refused();
      d.expect(UNDETERMINED, DNS_LOOKUP_FAILED);
    });
    add("dns-mx-servfail-no-record.test", "no STS record, and MX fails: not reported as no-MTA-STS", d -> {
      d.txt();
      d.tlsrpt();
      d.noPolicyHost();
      d.domainFault = Fault.servfail();
      d.expect(UNDETERMINED, DNS_LOOKUP_FAILED);
    });
    add("dns-policy-host-servfail.test", "SERVFAIL for the policy host", d -> {
      d.policyHostFault = Fault.servfail();
      d.expect(UNDETERMINED, DNS_LOOKUP_FAILED);
    });
  }

  private static WorldDomain certificate(WorldDomain domain, TestCa.Issued issued) {
    domain.certificate = issued;
    return domain;
  }
}
