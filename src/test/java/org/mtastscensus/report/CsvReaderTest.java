package org.mtastscensus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @Test
  void rfc4180QuotingIsUndone() throws Exception {
    CsvTable t = CsvReader.parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,plain,\n", "t.csv");
    assertThat(t.header()).containsExactly("a", "b", "c");
    assertThat(t.rows()).hasSize(2);
    CsvTable.Row first = t.rows().get(0);
    assertThat(first.text("a")).isEqualTo("x, y");
    assertThat(first.text("b")).isEqualTo("say \"hi\"");
    assertThat(first.text("c")).isEqualTo("two\nlines");
    CsvTable.Row second = t.rows().get(1);
    assertThat(second.text("a")).isNull();
    assertThat(second.text("c")).isNull();
  }

  @Test
  void crlfBomAndMissingFinalNewlineAreAccepted() throws Exception {
    CsvTable t = CsvReader.parse("\uFEFFcode,domains\r\nA,1\r\nB,2", "t.csv");
    assertThat(t.header()).containsExactly("code", "domains");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(1).count("domains")).isEqualTo(2);
  }

  @Test
  void numbersAndSharesAreChecked() throws Exception {
    CsvTable t = CsvReader.parse("n,share,flag\nx,1.5,maybe\n", "csv/x.csv").require("n", "share");
    CsvTable.Row row = t.rows().get(0);
    assertThatThrownBy(() -> row.count("n")).isInstanceOf(ReportException.class)
        .hasMessage("csv/x.csv: record 2, column n: \"x\" is not an integer");
    assertThatThrownBy(() -> row.share("share")).hasMessageContaining("csv/x.csv").hasMessageContaining("fraction");
    assertThatThrownBy(() -> row.flag("flag")).hasMessageContaining("true or false");
  }

  @Test
  void emptyShareIsNull() throws Exception {
    CsvTable t = CsvReader.parse("share\n\n", "t.csv");
    assertThat(t.rows()).hasSize(1);
    assertThat(t.rows().get(0).share("share")).isNull();
  }

  @Test
  void malformedFilesNameTheFile() {
    assertThatThrownBy(() -> CsvReader.parse("a,b\n\"open,1\n", "csv/findings.csv"))
        .isInstanceOf(ReportException.class).hasMessage("csv/findings.csv: line 2: quoted field is never closed");
    assertThatThrownBy(() -> CsvReader.parse("a,b\n1,2,3\n", "csv/findings.csv"))
        .hasMessage("csv/findings.csv: record 2 has 3 fields, the header has 2");
    assertThatThrownBy(() -> CsvReader.parse("a,b\nx\"y,2\n", "csv/findings.csv"))
        .hasMessage("csv/findings.csv: line 2: quote inside an unquoted field");
    assertThatThrownBy(() -> CsvReader.parse("a,b\n\"x\"y,2\n", "csv/findings.csv"))
        .hasMessage("csv/findings.csv: line 2: unexpected character after a closing quote");
    assertThatThrownBy(() -> CsvReader.parse("", "csv/findings.csv"))
        .hasMessage("csv/findings.csv: empty file, a header row is required");
  }

  @Test
  void missingColumnIsNamed() {
    assertThatThrownBy(() -> CsvReader.parse("scan_date,code\n", "csv/findings.csv").require("code", "domains"))
        .hasMessage("csv/findings.csv: required column domains is missing (header: scan_date,code)");
  }

  @Test
  void missingAndNonUtf8FilesAreReported(@TempDir Path tmp) throws Exception {
    assertThatThrownBy(() -> CsvReader.read(tmp.resolve("nope.csv"), "csv/nope.csv"))
        .hasMessageStartingWith("csv/nope.csv: missing");
    Path latin1 = tmp.resolve("l.csv");
    Files.write(latin1, "a\nb\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvReader.read(latin1, "csv/l.csv")).hasMessage("csv/l.csv: not UTF-8");
  }

  @Test
  void rowsAreFilteredByScan() throws Exception {
    CsvTable t = CsvReader.parse("scan_date,scan_id,list,n\n2026-11-28,a,x.txt,1\n2026-11-28,b,x.txt,2\n", "t.csv");
    CsvTable only = t.forScan(new ScanRef("2026-11-28", "b", "x.txt"));
    assertThat(only.rows()).hasSize(1);
    assertThat(only.rows().get(0).count("n")).isEqualTo(2);
  }
}
