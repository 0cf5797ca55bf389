package org.mtastscensus.bench;

import java.util.concurrent.TimeUnit;
import org.mtastscensus.verdict.DomainFacts;
import org.mtastscensus.verdict.DomainJudge;
import org.mtastscensus.verdict.FactsBuilder;
import org.mtastscensus.verdict.RulesConfig;
import org.mtastscensus.verdict.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + verdict per domain on one core: {@link DomainJudge#judge} parses the TXT records, the policy body and
 * the TLS-RPT record and computes MX coverage, all from facts built once (no I/O is measured). Run with
 * {@code scripts/bench-rules}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class JudgeBenchmark {
  private final RulesConfig config = RulesConfig.defaults();
  private DomainFacts validEnforce;
  private DomainFacts noRecord;
  private DomainFacts invalidPolicy;

  @Setup
  public void setUp() {
    validEnforce = FactsBuilder.valid().build();
    noRecord = FactsBuilder.noRecord().build();
    invalidPolicy = FactsBuilder.valid()
        .policy("version: STSv1", "Mode: enforce", "mx: *.example.com", "mx: 192.0.2.25", "max-age: 604800")
        .build();
  }

  /** (a) Valid enforce policy, two covered MX hosts, a valid TLS-RPT record: the full path. */
  @Benchmark
  public Verdict validEnforceWithTlsRpt() {
    return DomainJudge.judge(validEnforce, config);
  }

  /** (b) No _mta-sts record: the common case of a zone-file scan. */
  @Benchmark
  public Verdict noRecord() {
    return DomainJudge.judge(noRecord, config);
  }

  /** (c) Valid record, fetched policy with typo'd keys and an IP-literal mx: POLICY_INVALID. */
  @Benchmark
  public Verdict invalidPolicy() {
    return DomainJudge.judge(invalidPolicy, config);
  }
}
