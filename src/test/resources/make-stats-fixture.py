#!/usr/bin/env python3
"""Writes the report's test fixtures (stats-fixture/ and stats-fixture-history/) following docs/stats.md.

A synthetic population of 3,073 domain rows (shaped like `mtasts demo`: 364 adopters, 324 enforce) is generated
with a fixed seed and every table is counted from those rows, so that all figures agree with each other the way
the real `mtasts stats` output must. Run from the repository root: python3 src/test/resources/make-stats-fixture.py
"""
import csv, io, json, os, random

rnd = random.Random(8461)
ROOT = os.path.dirname(os.path.abspath(__file__))
SCAN = dict(scan_date="2026-11-28", scan_id="demo", list="domains.txt")
PREV = dict(scan_date="2026-10-31", scan_id="demo", list="domains.txt")

SEVERITY = dict(DOMAIN_NXDOMAIN="INFO", DNS_LOOKUP_FAILED="UNDETERMINED", TXT_CNAME="INFO",
    TXT_MULTIPLE_RECORDS="POLICY_IGNORED", TXT_VERSION_INVALID="POLICY_IGNORED", TXT_ID_MISSING="POLICY_IGNORED",
    TXT_ID_INVALID="POLICY_IGNORED", TXT_SYNTAX_INVALID="POLICY_IGNORED", TXT_DUPLICATE_FIELD="COSMETIC",
    POLICY_HOST_NXDOMAIN="POLICY_IGNORED", POLICY_HOST_NO_ADDRESS="POLICY_IGNORED", POLICY_HOST_BLOCKED="UNDETERMINED",
    POLICY_CONNECT_FAILED="POLICY_IGNORED", POLICY_TLS_HANDSHAKE_FAILED="POLICY_IGNORED",
    POLICY_CERT_EXPIRED="POLICY_IGNORED", POLICY_CERT_NOT_YET_VALID="POLICY_IGNORED",
    POLICY_CERT_NAME_MISMATCH="POLICY_IGNORED", POLICY_CERT_UNTRUSTED="POLICY_IGNORED", POLICY_CERT_CN_ONLY="COSMETIC",
    POLICY_HTTP_REDIRECT="POLICY_IGNORED", POLICY_HTTP_STATUS="POLICY_IGNORED", POLICY_HTTP_TRUNCATED="POLICY_IGNORED",
    POLICY_TIMEOUT="POLICY_IGNORED", POLICY_SLOW="INFO", POLICY_TOO_LARGE="POLICY_IGNORED",
    POLICY_CONTENT_TYPE="POLICY_IGNORED", POLICY_HTML_PAGE="INFO", POLICY_SYNTAX_INVALID="COSMETIC",
    POLICY_VERSION_MISSING="POLICY_IGNORED", POLICY_VERSION_INVALID="POLICY_IGNORED",
    POLICY_MODE_MISSING="POLICY_IGNORED", POLICY_MODE_INVALID="POLICY_IGNORED", POLICY_MAX_AGE_MISSING="POLICY_IGNORED",
    POLICY_MAX_AGE_INVALID="POLICY_IGNORED", POLICY_MAX_AGE_SHORT="WEAKENED", POLICY_MX_MISSING="POLICY_IGNORED",
    POLICY_MX_INVALID="POLICY_IGNORED", POLICY_DUPLICATE_KEY="COSMETIC", POLICY_UNKNOWN_KEY="INFO",
    POLICY_KEY_TYPO="WEAKENED", MX_NOT_COVERED="BREAKS_DELIVERY", MX_NONE_COVERED="BREAKS_DELIVERY",
    MX_PATTERN_UNUSED="INFO", MX_NULL="COSMETIC", MX_NONE="INFO", TLSRPT_MISSING="WEAKENED",
    TLSRPT_INVALID="WEAKENED", TLSRPT_MULTIPLE="WEAKENED")
RFC = dict((c, "RFC 8461 §3.2") for c in SEVERITY)
RFC.update(DOMAIN_NXDOMAIN="RFC 1035 §4.3.1", DNS_LOOKUP_FAILED="RFC 8461 §3.1", TXT_CNAME="RFC 8461 §8.2",
    POLICY_HOST_BLOCKED="RFC 6890", MX_NOT_COVERED="RFC 8461 §4.1", MX_NONE_COVERED="RFC 8461 §4.1",
    MX_PATTERN_UNUSED="RFC 8461 §4.1", MX_NULL="RFC 7505", MX_NONE="RFC 5321 §5.1",
    TLSRPT_MISSING="RFC 8461 §6 / RFC 8460 §3", TLSRPT_INVALID="RFC 8460 §3", TLSRPT_MULTIPLE="RFC 8460 §3",
    POLICY_CERT_CN_ONLY="RFC 6125 §6.4.4")
for c in SEVERITY:
    if c.startswith("TXT_") and c != "TXT_CNAME":
        RFC[c] = "RFC 8461 §3.1"
    if c.startswith("POLICY_") and any(k in c for k in ("HOST", "CONNECT", "TLS", "CERT_", "HTTP", "TIMEOUT", "SLOW", "TOO_LARGE")):
        RFC.setdefault(c, "RFC 8461 §3.3")
        if RFC[c] == "RFC 8461 §3.2": RFC[c] = "RFC 8461 §3.3"
SEVERITIES = ["BREAKS_DELIVERY", "POLICY_IGNORED", "WEAKENED", "COSMETIC", "INFO", "UNDETERMINED"]
USABLE = ("VALID_NONE", "VALID_TESTING", "VALID_ENFORCE")
TLDS = [("com", 1390), ("org", 372), ("net", 341), ("de", 288), ("nl", 166), ("uk", 139), ("fr", 118), ("io", 97),
        ("ch", 52), ("se", 37), ("test", 73)]
POLICY_HOSTS = [("(no CNAME)", 150), ("sts-hosting.example", 62), ("policyhost.example", 38), ("mailshield.example", 29),
                ("dmarc-tools.example", 21), ("pages-cdn.example", 17), ("secure-sts.example", 12), ("tlsguard.example", 9),
                ("mxpolicy.example", 7), ("hosted-mail.example", 5), ("stsproxy.example", 4)]
MAIL = [("bigmail.example", 121), ("mx-cloud.example", 74), ("securemail.example", 41), ("mailrelay.example", 22),
        ("postbox.example", 17), ("inboxhost.example", 13), ("mailgate.example", 11), ("smtp-farm.example", 9),
        ("mxhub.example", 7), ("relay-one.example", 6), ("tinymail.example", 5), ("minimx.example", 4)]
NETWORKS = [("192.0.2.0/24", 131), ("198.51.100.0/24", 72), ("203.0.113.0/24", 51), ("2001:db8:1::/48", 40),
            ("2001:db8:2::/48", 22), ("192.0.2.128/24", 0)]


def weighted(pairs):
    out = []
    for name, n in pairs:
        out += [name] * n
    rnd.shuffle(out)
    return out


def build():
    tlds = weighted(TLDS)
    rows = []
    plan = ([("NO_DOMAIN", [])] + [("UNDETERMINED", ["DNS_LOOKUP_FAILED"])] * 6 + [("NO_RECORD", [])] * 2702
            + [("RECORD_INVALID", [c]) for c in ["TXT_ID_INVALID"] * 2 + ["TXT_SYNTAX_INVALID"] * 2 + ["TXT_MULTIPLE_RECORDS"]]
            + [("POLICY_UNAVAILABLE", [c]) for c in ["POLICY_CERT_EXPIRED"] * 3 + ["POLICY_CERT_NAME_MISMATCH"] * 4
               + ["POLICY_CERT_UNTRUSTED"] * 2 + ["POLICY_CONNECT_FAILED"] * 2 + ["POLICY_TIMEOUT"]
               + ["POLICY_HTTP_STATUS"] * 3 + ["POLICY_HOST_NXDOMAIN"] * 2 + ["POLICY_TLS_HANDSHAKE_FAILED"]]
            + [("POLICY_INVALID", [c]) for c in ["POLICY_CONTENT_TYPE"] * 4 + ["POLICY_MX_MISSING"] * 2
               + ["POLICY_MAX_AGE_INVALID"] * 2 + ["POLICY_MODE_INVALID"] * 2 + ["POLICY_VERSION_MISSING"]]
            + [("VALID_NONE", [])] * 2 + [("VALID_TESTING", [])] * 4 + [("VALID_ENFORCE", [])] * 324)
    assert len(plan) == 3073 == len(tlds)
    fetch_of = dict(POLICY_CERT_EXPIRED="CERT_EXPIRED", POLICY_CERT_NAME_MISMATCH="CERT_NAME_MISMATCH",
                    POLICY_CERT_UNTRUSTED="CERT_UNTRUSTED", POLICY_CONNECT_FAILED="CONNECT_FAILED",
                    POLICY_TIMEOUT="TIMEOUT", POLICY_TLS_HANDSHAKE_FAILED="TLS_HANDSHAKE_FAILED")
    enforce_cov = ["FULL"] * 307 + ["PARTIAL"] * 13 + ["NONE"] * 2 + ["NOT_APPLICABLE"] * 2
    enforce_risk = {"FULL": "NONE", "NONE": "TOTAL", "NOT_APPLICABLE": "NONE"}
    partial_risk = ["LATENT"] * 8 + ["PARTIAL"] * 5
    rnd.shuffle(enforce_cov)
    content_type_flips = ["VALID_ENFORCE"] * 3 + ["VALID_TESTING"]
    for i, (outcome, findings) in enumerate(plan):
        r = dict(domain=f"d{i:04d}.{tlds[i]}", tld=tlds[i], outcome=outcome, outcome_lenient=outcome,
                 findings=list(findings), delivery_risk=None, mx_coverage=None, tlsrpt=None, tlsrpt_status=None,
                 fetch_status=None, max_age=None, policy_host=None, mail=[], networks=[])
        adopter = outcome not in ("NO_DOMAIN", "NO_RECORD", "UNDETERMINED")
        if outcome == "NO_RECORD" and rnd.random() < 0.045:
            r["findings"].append("MX_NONE")
        if adopter:
            tx = rnd.random()
            r["tlsrpt_status"] = "NOERROR"
            if outcome in USABLE or outcome == "POLICY_INVALID":
                r["tlsrpt"] = "VALID" if tx < 0.72 else ("INVALID" if tx < 0.74 else "ABSENT")
            else:
                r["tlsrpt"] = "VALID" if tx < 0.35 else "ABSENT"
            if rnd.random() < 0.006:
                r["tlsrpt"], r["tlsrpt_status"] = None, "SERVFAIL"
            if r["tlsrpt"] == "INVALID":
                r["findings"].append("TLSRPT_INVALID")
            if findings[:1] != ["POLICY_HOST_NXDOMAIN"] and outcome != "RECORD_INVALID" or rnd.random() < 0.6:
                r["fetch_status"] = "COMPLETE"
            for f in findings:
                if f in fetch_of:
                    r["fetch_status"] = fetch_of[f]
            if rnd.random() < 0.11:
                r["findings"].append("TXT_CNAME")
        if outcome == "POLICY_INVALID" and findings == ["POLICY_CONTENT_TYPE"]:
            r["outcome_lenient"] = content_type_flips.pop()
            if r["outcome_lenient"] == "VALID_TESTING":
                r["findings"].append("POLICY_HTML_PAGE")
        if outcome in USABLE or (outcome == "POLICY_INVALID" and "POLICY_MAX_AGE_INVALID" not in findings):
            b = rnd.random()
            r["max_age"] = (rnd.choice([300, 1800]) if b < 0.01 else rnd.choice([3600, 43200]) if b < 0.04
                            else rnd.choice([86400, 172800, 259200]) if b < 0.22 else rnd.choice([604800, 1209600, 2419200])
                            if b < 0.62 else rnd.choice([5184000, 15552000, 31557600]))
            if r["max_age"] < 86400:
                r["findings"].append("POLICY_MAX_AGE_SHORT")
            if rnd.random() < 0.03:
                r["findings"].append("POLICY_SLOW")
            if rnd.random() < 0.08:
                r["findings"].append("MX_PATTERN_UNUSED")
            if rnd.random() < 0.006:
                r["findings"].append("POLICY_UNKNOWN_KEY")
        if outcome == "VALID_ENFORCE":
            cov = enforce_cov.pop()
            r["mx_coverage"] = cov
            r["delivery_risk"] = partial_risk.pop() if cov == "PARTIAL" else enforce_risk[cov]
            r["findings"] += {"PARTIAL": ["MX_NOT_COVERED"], "NONE": ["MX_NONE_COVERED"], "NOT_APPLICABLE": ["MX_NULL"]}.get(cov, [])
        if outcome == "VALID_TESTING":
            r["mx_coverage"] = "PARTIAL" if i % 4 == 0 else "FULL"
            if r["mx_coverage"] == "PARTIAL":
                r["findings"].append("MX_NOT_COVERED")
        if outcome in ("VALID_TESTING", "VALID_ENFORCE") and r["tlsrpt"] == "ABSENT":
            r["findings"].append("TLSRPT_MISSING")
        if outcome == "VALID_NONE":
            r["mx_coverage"] = "NOT_APPLICABLE"
        rows.append(r)
    adopters = [r for r in rows if is_adopter(r)]
    hosts = weighted(POLICY_HOSTS)
    mails = weighted(MAIL)
    nets = weighted(NETWORKS)
    for n, r in enumerate(adopters):
        r["policy_host"] = hosts[n % len(hosts)]
        if r["mx_coverage"] != "NOT_APPLICABLE" or r["outcome"] != "VALID_ENFORCE":
            r["mail"] = [mails[n % len(mails)]] + ([mails[(n * 7 + 3) % len(mails)]] if n % 9 == 0 else [])
        if "POLICY_HOST_NXDOMAIN" not in r["findings"] and n < len(nets):
            r["networks"] = [nets[n]]
    return rows


def is_adopter(r):
    return r["outcome"] not in ("NO_DOMAIN", "NO_RECORD", "UNDETERMINED")


def share(n, d):
    return "" if d == 0 else f"{n / d:.6f}".rstrip("0").rstrip(".") if n else "0"


def counts(rows):
    c = dict(scanned=len(rows))
    c["nxdomain"] = sum(r["outcome"] == "NO_DOMAIN" for r in rows)
    c["undetermined"] = sum(r["outcome"] == "UNDETERMINED" for r in rows)
    c["undetermined_sts_record"] = sum(r["outcome"] == "UNDETERMINED" and r["domain"].endswith("3.com") for r in rows)
    c["existing"] = c["scanned"] - c["nxdomain"]
    c["measured"] = c["existing"] - c["undetermined"]
    c["sts_record"] = sum(is_adopter(r) for r in rows)
    c["record_valid"] = sum(is_adopter(r) and r["outcome"] != "RECORD_INVALID" for r in rows)
    c["policy_usable"] = sum(r["outcome"] in USABLE for r in rows)
    c["policy_usable_lenient"] = sum(r["outcome_lenient"] in USABLE for r in rows)
    c["mode_enforce"] = sum(r["outcome"] == "VALID_ENFORCE" for r in rows)
    c["mode_testing"] = sum(r["outcome"] == "VALID_TESTING" for r in rows)
    c["mode_none"] = sum(r["outcome"] == "VALID_NONE" for r in rows)
    c["misconfigured"] = sum(misconfigured(r) for r in rows)
    c["share_sts_record"] = share(c["sts_record"], c["measured"])
    c["share_policy_usable"] = share(c["policy_usable"], c["measured"])
    c["share_enforce"] = share(c["mode_enforce"], c["measured"])
    c["share_misconfigured"] = share(c["misconfigured"], c["sts_record"])
    c["share_undetermined"] = share(c["undetermined"], c["existing"])
    return c


def misconfigured(r):
    return is_adopter(r) and (r["outcome"] in ("RECORD_INVALID", "POLICY_UNAVAILABLE", "POLICY_INVALID")
                              or r["delivery_risk"] in ("PARTIAL", "TOTAL"))


def write_csv(out, name, header, body):
    os.makedirs(os.path.join(out, "csv"), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["scan_date", "scan_id", "list"] + header)
    for row in body:
        w.writerow([SCAN["scan_date"], SCAN["scan_id"], SCAN["list"]] + ["" if v is None else v for v in row])
    with open(os.path.join(out, "csv", name + ".csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return len(body)


ADOPTION_COLS = ["scanned", "nxdomain", "undetermined", "undetermined_sts_record", "existing", "measured", "sts_record",
                 "record_valid", "policy_usable", "policy_usable_lenient", "mode_enforce", "mode_testing", "mode_none",
                 "misconfigured", "share_sts_record", "share_policy_usable", "share_enforce", "share_misconfigured",
                 "share_undetermined"]


def top_table(pairs_by_domain, denominator, extra, top=10):
    """pairs_by_domain: {name: [rows]}; returns rank rows with (other) beyond top."""
    ordered = sorted(pairs_by_domain.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    body, rest = [], []
    for i, (name, rs) in enumerate(ordered):
        if i < top:
            body.append([i + 1, name, len(rs)] + [f(rs) for f in extra] + [denominator, share(len(rs), denominator)])
        else:
            rest += rs
    if rest:
        uniq = {id(r): r for r in rest}.values()
        body.append([top + 1, "(other)", len(uniq)] + [f(list(uniq)) for f in extra] + [denominator, share(len(uniq), denominator)])
    return body


def tables(rows, out, prev_rows):
    c = counts(rows)
    measured = [r for r in rows if r["outcome"] not in ("NO_DOMAIN", "UNDETERMINED")]
    adopters = [r for r in rows if is_adopter(r)]
    t = {}
    body = [["ALL", "*"] + [c[k] for k in ADOPTION_COLS]]
    by_tld = {}
    for r in rows:
        by_tld.setdefault(r["tld"], []).append(r)
    for tld, rs in sorted(by_tld.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ct = counts(rs)
        body.append(["TLD", tld] + [ct[k] for k in ADOPTION_COLS])
    t["adoption"] = write_csv(out, "adoption", ["scope", "scope_value"] + ADOPTION_COLS, body)
    body = []
    for code in SEVERITY:
        d = sum(code in r["findings"] for r in measured)
        a = sum(code in r["findings"] for r in adopters)
        body.append([code, SEVERITY[code], RFC[code], d, a, share(d, len(measured)), share(a, len(adopters))])
    t["findings"] = write_csv(out, "findings", ["code", "severity", "rfc", "domains", "adopters", "share_measured",
                                                 "share_adopters"], body)
    body = []
    worst = lambda r: min((SEVERITIES.index(SEVERITY[f]) for f in r["findings"]), default=None)
    for i, sev in enumerate(SEVERITIES + ["NONE"]):
        if sev == "NONE":
            anyc, w = 0, sum(worst(r) is None for r in adopters)
        else:
            anyc = sum(any(SEVERITY[f] == sev for f in r["findings"]) for r in adopters)
            w = sum(worst(r) == i for r in adopters)
        body.append([sev, anyc, w, share(anyc, len(adopters)), share(w, len(adopters))])
    t["severities"] = write_csv(out, "severities", ["severity", "adopters_any", "adopters_worst", "share_any",
                                                     "share_worst"], body)
    body = []
    for reason in ["RECORD_INVALID", "POLICY_UNAVAILABLE", "POLICY_INVALID"]:
        n = sum(r["outcome"] == reason for r in adopters)
        body.append([reason, n, len(adopters), share(n, len(adopters))])
    for risk in ["PARTIAL", "TOTAL"]:
        n = sum(r["delivery_risk"] == risk for r in adopters)
        body.append(["DELIVERY_RISK_" + risk, n, len(adopters), share(n, len(adopters))])
    body.append(["MISCONFIGURED", c["misconfigured"], len(adopters), share(c["misconfigured"], len(adopters))])
    t["misconfiguration"] = write_csv(out, "misconfiguration", ["reason", "domains", "denominator", "share"], body)
    body = []
    for risk in ["NONE", "LATENT", "PARTIAL", "TOTAL"]:
        n = sum(r["delivery_risk"] == risk for r in rows)
        body.append([risk, n, c["mode_enforce"], share(n, c["mode_enforce"])])
    t["delivery_risk"] = write_csv(out, "delivery_risk", ["risk", "domains", "denominator", "share"], body)
    pairs = {}
    for r in measured:
        pairs.setdefault((r["outcome"], r["outcome_lenient"]), []).append(r)
    body = [[o, l, len(rs), "true" if o != l else "false", share(len(rs), len(measured))]
            for (o, l), rs in sorted(pairs.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    t["outcome_flips"] = write_csv(out, "outcome_flips", ["outcome", "outcome_lenient", "domains", "flipped", "share"], body)
    body = []
    for mode in ["testing", "enforce"]:
        pop = [r for r in rows if r["outcome"] == "VALID_" + mode.upper()]
        for cov in ["FULL", "PARTIAL", "NONE", "NOT_APPLICABLE", "NOT_COMPUTED"]:
            n = sum((r["mx_coverage"] or "NOT_COMPUTED") == cov for r in pop)
            body.append([mode, cov, n, len(pop), share(n, len(pop))])
    t["mx_coverage"] = write_csv(out, "mx_coverage", ["mode", "coverage", "domains", "denominator", "share"], body)
    with_age = [r for r in rows if r["max_age"] is not None]
    buckets = [("< 1 hour", 0, 3600), ("1 hour – 1 day", 3600, 86400), ("1 day – 1 week", 86400, 604800),
               ("1 week – 30 days", 604800, 2592000), ("30 days – 1 year", 2592000, 31557601)]
    body = []
    for label, lo, hi in buckets:
        n = sum(lo <= r["max_age"] < hi for r in with_age)
        body.append([label, lo, hi, n, len(with_age), share(n, len(with_age))])
    t["max_age"] = write_csv(out, "max_age", ["bucket", "lower_seconds", "upper_seconds", "domains", "denominator",
                                               "share"], body)
    ages = sorted(r["max_age"] for r in with_age)
    q = lambda p: ages[min(len(ages) - 1, int(p * len(ages)))]
    body = []
    pops = [("MEASURED", measured), ("STS_RECORD", adopters), ("POLICY_USABLE", [r for r in rows if r["outcome"] in USABLE]),
            ("ENFORCE", [r for r in rows if r["outcome"] == "VALID_ENFORCE"])]
    for name, pop in pops:
        for state in ["VALID", "INVALID", "ABSENT", "LOOKUP_FAILED", "NOT_LOOKED_UP"]:
            if state == "LOOKUP_FAILED":
                n = sum(r["tlsrpt"] is None and r["tlsrpt_status"] is not None for r in pop)
            elif state == "NOT_LOOKED_UP":
                n = sum(r["tlsrpt_status"] is None for r in pop)
            else:
                n = sum(r["tlsrpt"] == state for r in pop)
            body.append([name, state, n, len(pop), share(n, len(pop))])
    t["tlsrpt"] = write_csv(out, "tlsrpt", ["population", "tlsrpt", "domains", "denominator", "share"], body)
    fetched = [r for r in rows if r["fetch_status"]]
    fs = {}
    for r in fetched:
        fs[r["fetch_status"]] = fs.get(r["fetch_status"], 0) + 1
    body = [[k, n, len(fetched), share(n, len(fetched))] for k, n in sorted(fs.items(), key=lambda kv: (-kv[1], kv[0]))]
    t["fetch_status"] = write_csv(out, "fetch_status", ["fetch_status", "domains", "denominator", "share"], body)
    und = [r for r in rows if r["outcome"] == "UNDETERMINED"]
    reasons = ["SCAN_ERROR", "TXT_SERVFAIL", "TXT_TIMEOUT", "MX_SERVFAIL", "OTHER"]
    assign = ["TXT_SERVFAIL", "TXT_SERVFAIL", "TXT_TIMEOUT", "MX_SERVFAIL", "TXT_SERVFAIL", "OTHER"]
    body = [[reason, assign.count(reason), len(und), share(assign.count(reason), len(und))] for reason in reasons
            if assign.count(reason) or reason == "SCAN_ERROR"]
    body.sort(key=lambda b: -b[1])
    t["undetermined"] = write_csv(out, "undetermined", ["reason", "domains", "denominator", "share"], body)
    groups = {}
    for r in adopters:
        groups.setdefault(r["policy_host"], []).append(r)
    body = top_table(groups, len(adopters), [lambda rs: sum(r["outcome"] in USABLE for r in rs)])
    t["policy_hosting"] = write_csv(out, "policy_hosting", ["rank", "provider", "domains", "policy_usable", "denominator",
                                                             "share"], body)
    groups = {}
    with_addr = [r for r in adopters if r["networks"]]
    for r in with_addr:
        for n in r["networks"]:
            groups.setdefault(n, []).append(r)
    body = top_table(groups, len(with_addr), [], top=4)
    t["policy_host_networks"] = write_csv(out, "policy_host_networks", ["rank", "network", "domains", "denominator", "share"], body)
    groups = {}
    with_mx = [r for r in adopters if r["mail"]]
    for r in with_mx:
        for m in set(r["mail"]):
            groups.setdefault(m, []).append(r)
    body = top_table(groups, len(with_mx), [lambda rs: sum(r["outcome"] == "VALID_ENFORCE" for r in rs)])
    t["mail_providers"] = write_csv(out, "mail_providers", ["rank", "provider", "domains", "mode_enforce", "denominator",
                                                             "share"], body)
    conc = dict(policy_hosting_top1_share=top_share(adopters, "policy_host", 1),
                policy_hosting_top5_share=top_share(adopters, "policy_host", 5),
                mail_providers_top1_share=mail_share(with_mx, 1), mail_providers_top5_share=mail_share(with_mx, 5))
    changes(rows, prev_rows, out, t)
    return c, t, dict(p10=q(0.1), p50=q(0.5), p90=q(0.9)), conc


def top_share(adopters, key, k):
    groups = {}
    for r in adopters:
        groups[r[key]] = groups.get(r[key], 0) + 1
    groups.pop("(no CNAME)", None)
    return round(sum(sorted(groups.values(), reverse=True)[:k]) / len(adopters), 6)


def mail_share(with_mx, k):
    groups = {}
    for r in with_mx:
        for m in set(r["mail"]):
            groups[m] = groups.get(m, 0) + 1
    top = [m for m, _ in sorted(groups.items(), key=lambda kv: -kv[1])[:k]]
    return round(sum(any(m in top for m in r["mail"]) for r in with_mx) / len(with_mx), 6)


def state(r):
    if r is None:
        return "ABSENT"
    o = r["outcome"]
    if o == "UNDETERMINED":
        return "UNDETERMINED"
    if o in ("NO_RECORD", "NO_DOMAIN"):
        return "NO_RECORD"
    if o not in USABLE:
        return "NO_POLICY"
    return o[len("VALID_"):].lower()


def previous_population(rows):
    prev = []
    for i, r in enumerate(rows):
        p = dict(r)
        s = state(r)
        if i % 250 == 7:
            continue  # not in the previous list
        if s in ("none", "testing", "enforce", "NO_POLICY") and i % 23 == 0:
            p["outcome"] = "NO_RECORD"  # new adopter since
        elif s == "enforce" and i % 101 == 5:
            p["outcome"] = "VALID_TESTING"  # upgraded since
        elif s == "testing":
            p["outcome"] = "VALID_ENFORCE"  # downgraded since
        elif s == "NO_RECORD" and i % 613 == 3:
            p["outcome"] = "VALID_ENFORCE"  # lost since
        elif s == "NO_POLICY" and i % 3 == 0:
            p["outcome"] = "VALID_ENFORCE"  # policy removed since
        p["sts_id"] = f"2026{i % 97:04d}"
        prev.append((r["domain"], p))
    return dict(prev)


def changes(rows, prev, out, t):
    ADOPT = ("NO_POLICY", "none", "testing", "enforce")
    USE = ("none", "testing", "enforce")
    rank = {"none": 0, "testing": 1, "enforce": 2}
    trans, kinds, domains = {}, {}, []
    for i, r in enumerate(rows):
        p = prev.get(r["domain"])
        a, b = state(p), state(r)
        trans[(a, b)] = trans.get((a, b), 0) + 1
        ks = []
        if "ABSENT" in (a, b) or "UNDETERMINED" in (a, b):
            kinds[("NOT_COMPARABLE", a, b)] = kinds.get(("NOT_COMPARABLE", a, b), 0) + 1
            continue
        if a == "NO_RECORD" and b in ADOPT: ks.append("NEW_ADOPTER")
        if a in ADOPT and b == "NO_RECORD": ks.append("LOST_ADOPTER")
        if a in USE and b in ("NO_POLICY", "NO_RECORD"): ks.append("POLICY_REMOVED")
        if a in USE and b in USE and rank[b] < rank[a]: ks.append("MODE_DOWNGRADED")
        if a in USE and b in USE and rank[b] > rank[a]: ks.append("MODE_UPGRADED")
        cur_id = p["sts_id"] if p else None
        if a in USE and b in USE and i % 131 == 11:
            ks.append("ID_NOT_ROTATED")
        if a in USE and b in USE and i % 89 == 4:
            ks.append("ID_CHANGED_SAME_TEXT")
            cur_id = f"2026{(i + 1) % 97:04d}"
        for k in ks:
            kinds[(k, a, b)] = kinds.get((k, a, b), 0) + 1
            domains.append([r["domain"], k, a, b, p["sts_id"] if a in ADOPT else None, cur_id if b in ADOPT else None])
    body = [["TRANSITION", a, b, n] for (a, b), n in sorted(trans.items(), key=lambda kv: (-kv[1], kv[0]))]
    order = ["ID_CHANGED_SAME_TEXT", "ID_NOT_ROTATED", "LOST_ADOPTER", "MODE_DOWNGRADED", "MODE_UPGRADED",
             "NEW_ADOPTER", "NOT_COMPARABLE", "POLICY_REMOVED", "TRANSITION"]
    body += [[k, a, b, n] for (k, a, b), n in kinds.items()]
    body.sort(key=lambda x: (order.index(x[0]), -x[3]))
    t["changes"] = write_csv(out, "changes", ["kind", "from_value", "to_value", "domains"], body)
    domains.sort(key=lambda d: (d[1], d[0]))
    t["change_domains"] = write_csv(out, "change_domains", ["domain", "kind", "from_value", "to_value",
                                                             "previous_sts_id", "current_sts_id"], domains)


RULES = {
    "adopter": "sts_record: an STS-looking TXT record was found and the verdict is determined (outcome not NO_DOMAIN, NO_RECORD or UNDETERMINED)",
    "misconfigured": "sts_record and (outcome in RECORD_INVALID, POLICY_UNAVAILABLE, POLICY_INVALID or delivery_risk in PARTIAL, TOTAL) (mta-sts-rules.md §3.1)",
    "policy_usable": "outcome in VALID_NONE, VALID_TESTING, VALID_ENFORCE (strict reading: a Content-Type other than text/plain invalidates the policy)",
    "policy_usable_lenient": "outcome_lenient in VALID_NONE, VALID_TESTING, VALID_ENFORCE (Content-Type ignored, as mox does)",
    "undetermined": "outcome UNDETERMINED: a lookup or fetch needed for the verdict failed; never counted as no MTA-STS",
    "tld": "the last label of the domain",
}
DENOMINATORS = {
    "scanned": "every domain row of the scan",
    "existing": "scanned minus NO_DOMAIN",
    "measured": "existing minus UNDETERMINED: the denominator of adoption shares",
    "sts_record": "domains with an STS record (adopters): the denominator of misconfiguration and findings among adopters",
    "mode_enforce": "domains with outcome VALID_ENFORCE: the denominator of delivery risk",
}


def summary(headline, scan, tables_rows, quantiles, conc, previous):
    h = dict(headline)
    for k in list(h):
        if k.startswith("share_"):
            h[k] = None if h[k] == "" else float(h[k])
    h.pop("undetermined_sts_record", None)
    h["outcome_flips"] = headline.get("outcome_flips", 0)
    desc = {"adoption": "adoption counts and shares, all domains and per TLD", "findings": "finding codes among measured domains and adopters",
            "changes": "transitions and change kinds against the previous scan",
            "change_domains": "one row per domain and change kind"}
    return {
        "stats_version": 1,
        "generated_at": scan["scan_date"] + "T23:59:00Z",
        "generator": {"project": "0.1.0-SNAPSHOT", "schema_version": 1},
        "psl": {"source": "data/reference/public_suffix_list.dat", "version": "2026-10-06_16-13-12_UTC"},
        "scans": [{"scan_dir": f"data/scans/demo/scan_date={scan['scan_date']}/scan_id={scan['scan_id']}",
                   "scan_date": scan["scan_date"], "scan_id": scan["scan_id"], "list": scan["list"],
                   "input_format": "plain", "resolvers": ["127.0.0.1:49381"],
                   "started_at": scan["scan_date"] + "T22:41:07Z", "rows": headline["scanned"], "headline": h,
                   "max_age_quantiles": quantiles, "concentration": conc}],
        "previous": previous,
        "rules": RULES,
        "denominators": DENOMINATORS,
        "tables": {name: {"description": desc.get(name, name.replace("_", " ")), "rows": n, "csv": f"csv/{name}.csv",
                          "parquet": f"parquet/{name}"} for name, n in tables_rows.items()},
    }


def main():
    rows = build()
    prev = previous_population(rows)
    out = os.path.join(ROOT, "stats-fixture")
    c, t, q, conc = tables(rows, out, prev)
    c = dict(c)
    c["outcome_flips"] = sum(r["outcome"] != r["outcome_lenient"] for r in rows)
    previous = {"scan_dir": "data/scans/demo/scan_date=2026-10-31/scan_id=demo", **PREV}
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary(c, SCAN, t, q, conc, previous), f, indent=2, ensure_ascii=False)
        f.write("\n")
    # Earlier scans for trends: only summary.json is read from them.
    hist = os.path.join(ROOT, "stats-fixture-history")
    earlier = [("2026-09-30", 329, 287, 44, 9), ("2026-10-31", 351, 309, 43, 8)]
    for date, sts, enf, mis, und in earlier:
        hc = dict(c)
        hc.update(sts_record=sts, mode_enforce=enf, misconfigured=mis, undetermined=und,
                  existing=c["existing"] - 12, scanned=c["scanned"] - 12)
        hc["measured"] = hc["existing"] - und
        hc["policy_usable"] = sts - (c["sts_record"] - c["policy_usable"])
        hc["policy_usable_lenient"] = hc["policy_usable"] + 4
        hc["record_valid"] = sts - 5
        hc["mode_testing"] = hc["policy_usable"] - enf - 2
        hc["share_sts_record"] = share(sts, hc["measured"])
        hc["share_policy_usable"] = share(hc["policy_usable"], hc["measured"])
        hc["share_enforce"] = share(enf, hc["measured"])
        hc["share_misconfigured"] = share(mis, sts)
        hc["share_undetermined"] = share(und, hc["existing"])
        scan = dict(SCAN, scan_date=date)
        d = os.path.join(hist, f"scan_date={date}", "scan_id=demo")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "summary.json"), "w", encoding="utf-8") as f:
            s = summary(hc, scan, {k: v for k, v in t.items() if k not in ("changes", "change_domains")}, q, conc, None)
            json.dump(s, f, indent=2, ensure_ascii=False)
            f.write("\n")


if __name__ == "__main__":
    main()
