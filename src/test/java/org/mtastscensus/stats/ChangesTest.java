package org.mtastscensus.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtastscensus.stats.ChangeKind.ID_CHANGED_SAME_TEXT;
import static org.mtastscensus.stats.ChangeKind.ID_NOT_ROTATED;
import static org.mtastscensus.stats.ChangeKind.LOST_ADOPTER;
import static org.mtastscensus.stats.ChangeKind.MODE_DOWNGRADED;
import static org.mtastscensus.stats.ChangeKind.MODE_UPGRADED;
import static org.mtastscensus.stats.ChangeKind.NEW_ADOPTER;
import static org.mtastscensus.stats.ChangeKind.NOT_COMPARABLE;
import static org.mtastscensus.stats.ChangeKind.POLICY_REMOVED;
import static org.mtastscensus.stats.ChangeKind.TRANSITION;
import static org.mtastscensus.stats.TestRow.adopter;
import static org.mtastscensus.stats.TestRow.enforce;
import static org.mtastscensus.stats.TestRow.noRecord;
import static org.mtastscensus.stats.TestRow.nxdomain;
import static org.mtastscensus.stats.TestRow.undetermined;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangesTest {
  private static final String D = "d.com";

  private static TestRow mode(String outcome, String id) {
    return adopter(D, outcome).set("sts_id", id);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unchanged enforce", enforce(D), enforce(D), "enforce", "enforce", List.of(TRANSITION)),
        Arguments.of("unchanged no record", noRecord(D), noRecord(D), "NO_RECORD", "NO_RECORD", List.of(TRANSITION)),
        Arguments.of("new adopter with a policy", noRecord(D), enforce(D), "NO_RECORD", "enforce",
            List.of(TRANSITION, NEW_ADOPTER)),
        Arguments.of("new adopter without a usable policy", noRecord(D), adopter(D, "POLICY_UNAVAILABLE"),
            "NO_RECORD", "NO_POLICY", List.of(TRANSITION, NEW_ADOPTER)),
        Arguments.of("lost adopter that had a policy", enforce(D), noRecord(D), "enforce", "NO_RECORD",
            List.of(TRANSITION, LOST_ADOPTER, POLICY_REMOVED)),
        Arguments.of("lost adopter without a policy", adopter(D, "RECORD_INVALID"), noRecord(D), "NO_POLICY",
            "NO_RECORD", List.of(TRANSITION, LOST_ADOPTER)),
        Arguments.of("a vanished domain counts as no record", enforce(D), nxdomain(D), "enforce", "NO_RECORD",
            List.of(TRANSITION, LOST_ADOPTER, POLICY_REMOVED)),
        Arguments.of("policy removed, record kept", enforce(D), adopter(D, "POLICY_UNAVAILABLE"), "enforce",
            "NO_POLICY", List.of(TRANSITION, POLICY_REMOVED)),
        Arguments.of("enforce to testing", mode("VALID_ENFORCE", "1"), mode("VALID_TESTING", "2"), "enforce",
            "testing", List.of(TRANSITION, MODE_DOWNGRADED)),
        Arguments.of("enforce to none", mode("VALID_ENFORCE", "1"), mode("VALID_NONE", "2"), "enforce", "none",
            List.of(TRANSITION, MODE_DOWNGRADED)),
        Arguments.of("testing to none", mode("VALID_TESTING", "1"), mode("VALID_NONE", "2"), "testing", "none",
            List.of(TRANSITION, MODE_DOWNGRADED)),
        Arguments.of("testing to enforce", mode("VALID_TESTING", "1"), mode("VALID_ENFORCE", "2"), "testing",
            "enforce", List.of(TRANSITION, MODE_UPGRADED)),
        Arguments.of("none to enforce, id not rotated", mode("VALID_NONE", "1"), mode("VALID_ENFORCE", "1"), "none",
            "enforce", List.of(TRANSITION, MODE_UPGRADED, ID_NOT_ROTATED)),
        Arguments.of("mx patterns changed, same id", enforce(D),
            enforce(D).set("mx_patterns", List.of("*.d.com", "mx.other.net")), "enforce", "enforce",
            List.of(TRANSITION, ID_NOT_ROTATED)),
        Arguments.of("max_age changed, same id", enforce(D), enforce(D).set("policy_max_age", 86400L), "enforce",
            "enforce", List.of(TRANSITION, ID_NOT_ROTATED)),
        Arguments.of("mx pattern order is not a change", enforce(D).set("mx_patterns", List.of("a.d.com", "b.d.com")),
            enforce(D).set("mx_patterns", List.of("b.d.com", "a.d.com")), "enforce", "enforce", List.of(TRANSITION)),
        Arguments.of("policy changed with a new id", enforce(D),
            enforce(D).set("sts_id", "2").set("policy_max_age", 86400L).set("policy_text", "changed"), "enforce",
            "enforce", List.of(TRANSITION)),
        Arguments.of("id changed, same text", enforce(D), enforce(D).set("sts_id", "2"), "enforce", "enforce",
            List.of(TRANSITION, ID_CHANGED_SAME_TEXT)),
        Arguments.of("id changed, same text, policy invalid", adopter(D, "POLICY_INVALID").set("policy_text", "x"),
            adopter(D, "POLICY_INVALID").set("policy_text", "x").set("sts_id", "2"), "NO_POLICY", "NO_POLICY",
            List.of(TRANSITION, ID_CHANGED_SAME_TEXT)),
        Arguments.of("absent before", null, enforce(D), "ABSENT", "enforce", List.of(TRANSITION, NOT_COMPARABLE)),
        Arguments.of("absent now", enforce(D), null, "enforce", "ABSENT", List.of(TRANSITION, NOT_COMPARABLE)),
        Arguments.of("undetermined now", enforce(D), undetermined(D), "enforce", "UNDETERMINED",
            List.of(TRANSITION, NOT_COMPARABLE)),
        Arguments.of("undetermined before", undetermined(D), noRecord(D), "UNDETERMINED", "NO_RECORD",
            List.of(TRANSITION, NOT_COMPARABLE)));
  }

  private static DomainState state(TestRow row) {
    return row == null ? null : DomainState.of(ScanRow.of(row.map()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kindsOfChange(String name, TestRow previous, TestRow current, String from, String to,
      List<ChangeKind> kinds) {
    assertThat(DomainState.stateOf(state(previous))).isEqualTo(from);
    assertThat(DomainState.stateOf(state(current))).isEqualTo(to);
    assertThat(ChangeKind.of(state(previous), state(current))).containsExactlyElementsOf(kinds);
  }

  @Test
  void changesAndChangeDomainsTables() {
    ChangeTally tally = new ChangeTally()
        .add(state(noRecord("a.com")), state(enforce("a.com")))
        .add(state(noRecord("b.com")), state(enforce("b.com")))
        .add(state(enforce("c.com")), state(enforce("c.com").set("sts_id", "7")))
        .add(state(noRecord("d.com")), state(noRecord("d.com")))
        .add(null, state(noRecord("e.com")));
    // partial tallies merge like Spark's fold does
    ChangeTally merged = new ChangeTally().merge(tally).merge(new ChangeTally()
        .add(state(enforce("f.com")), state(noRecord("f.com"))));
    StatsData data = new StatsData();
    ChangeTables.addTo(data, StatsFixture.SCAN, merged);
    assertThat(StatsFixture.table(data, StatsTables.CHANGES)).extracting(r -> r.get("kind") + " " + r.get("from_value")
        + ">" + r.get("to_value") + "=" + r.get("domains")).containsExactly(
        "TRANSITION NO_RECORD>enforce=2", "TRANSITION ABSENT>NO_RECORD=1", "TRANSITION NO_RECORD>NO_RECORD=1",
        "TRANSITION enforce>NO_RECORD=1", "TRANSITION enforce>enforce=1",
        "NEW_ADOPTER NO_RECORD>enforce=2", "LOST_ADOPTER enforce>NO_RECORD=1", "POLICY_REMOVED enforce>NO_RECORD=1",
        "ID_CHANGED_SAME_TEXT enforce>enforce=1", "NOT_COMPARABLE ABSENT>NO_RECORD=1");
    assertThat(StatsFixture.table(data, StatsTables.CHANGE_DOMAINS)).extracting(r -> r.get("kind") + " "
        + r.get("domain") + " " + r.get("from_value") + ">" + r.get("to_value") + " " + r.get("previous_sts_id") + ">"
        + r.get("current_sts_id")).containsExactly(
        "NEW_ADOPTER a.com NO_RECORD>enforce null>1", "NEW_ADOPTER b.com NO_RECORD>enforce null>1",
        "LOST_ADOPTER f.com enforce>NO_RECORD 1>null", "POLICY_REMOVED f.com enforce>NO_RECORD 1>null",
        "ID_CHANGED_SAME_TEXT c.com enforce>enforce 1>7");
    assertThat(data.rows(StatsTables.CHANGES).get(0).subList(0, 3)).containsExactly("2026-11-28", "s1", "test.txt");
  }
}
