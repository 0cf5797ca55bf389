package org.mtastscensus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtastscensus.dns.DnsAnswer;
import org.mtastscensus.dns.DnsStatus;
import org.mtastscensus.dns.MxRecord;
import org.mtastscensus.fetch.PolicyFetch;
import org.mtastscensus.names.DomainName;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.DomainJudge;
import org.mtastscensus.verdict.Finding;
import org.mtastscensus.verdict.RulesConfig;
import org.mtastscensus.verdict.Verdict;
import org.mtastscensus.verdict.VerdictFields;

/**
 * {@code mtasts lint}: judges records and a policy given by hand, without any network access, so that an
 * administrator can check a configuration before publishing it. The facts are what a scan would have observed
 * had the DNS and HTTPS answers been exactly these.
 */
final class LintCommand {
  static final String USAGE = """
      usage: mtasts lint --domain NAME [--txt RECORD]... [--policy FILE] [--content-type TYPE]
                         [--mx "PREF HOST"]... [--tlsrpt RECORD]... [--json]
        --domain NAME        the policy domain (required)
        --txt RECORD         a TXT record at _mta-sts.NAME (repeatable; none = no record)
        --policy FILE        the policy body as served at https://mta-sts.NAME/.well-known/mta-sts.txt
        --content-type TYPE  the Content-Type it is served with (default text/plain)
        --mx "PREF HOST"     an MX record of NAME (repeatable; none = no MX, implicit MX applies)
        --tlsrpt RECORD      a TXT record at _smtp._tls.NAME (repeatable)
        --json               one JSON object with the verdict fields instead of text
      """;

  private LintCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String domainArg = null;
    Path policyFile = null;
    String contentType = "text/plain";
    boolean json = false;
    List<String> txt = new ArrayList<>();
    List<String> mx = new ArrayList<>();
    List<String> tlsrpt = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--json")) {
        json = true;
        continue;
      }
      if (i + 1 >= args.size()) {
        return usage(err, arg.startsWith("--") ? arg + " needs a value" : "unexpected argument " + arg);
      }
      String value = args.get(++i);
      switch (arg) {
        case "--domain" -> domainArg = value;
        case "--txt" -> txt.add(value);
        case "--policy" -> policyFile = Path.of(value);
        case "--content-type" -> contentType = value;
        case "--mx" -> mx.add(value);
        case "--tlsrpt" -> tlsrpt.add(value);
        default -> {
          return usage(err, "unknown option " + arg);
        }
      }
    }
    if (domainArg == null) {
      return usage(err, "--domain is required");
    }
    DomainName.Result name = DomainName.normalize(domainArg);
    if (!name.valid()) {
      return usage(err, "invalid domain " + domainArg + ": " + name.problem().meaning());
    }
    for (String record : mx) {
      if (MxRecord.parse(record).isEmpty()) {
        return usage(err, "--mx takes \"PREFERENCE HOST\", got " + record);
      }
    }
    byte[] body = null;
    if (policyFile != null) {
      try {
        body = Files.readAllBytes(policyFile);
      } catch (IOException e) {
        return usage(err, "cannot read policy file " + policyFile + ": " + e.getMessage());
      }
    }
    String domain = name.name();
    DomainFacts facts = new DomainFacts(
        domain,
        DnsAnswer.of("_mta-sts." + domain, "TXT", txt),
        DnsAnswer.of(domain, "MX", mx.stream().map(m -> MxRecord.parse(m).orElseThrow().presentation()).toList()),
        DnsAnswer.of("_smtp._tls." + domain, "TXT", tlsrpt),
        policyFile == null ? DnsAnswer.of("mta-sts." + domain, "A", List.of()) : null,
        policyFile == null ? DnsAnswer.of("mta-sts." + domain, "AAAA", List.of()) : null,
        policyFile == null ? null : PolicyFetch.complete(200, contentType, body, 0));
    Verdict verdict = DomainJudge.judge(facts, RulesConfig.defaults());
    if (json) {
      Map<String, Object> fields = new LinkedHashMap<>(VerdictFields.of(domain, verdict));
      fields.put("finding_details", verdict.findings().stream().map(Finding::toString).toList());
      try {
        out.println(new ObjectMapper().writeValueAsString(fields));
      } catch (IOException e) {
        throw new IllegalStateException("JSON rendering of plain maps cannot fail", e);
      }
    } else {
      VerdictText.print(domain, verdict, out);
    }
    return 0;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("mtasts lint: " + problem);
    err.print(USAGE);
    return 2;
  }
}
