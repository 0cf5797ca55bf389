package org.mtastscensus.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtastscensus.verdict.FindingCode;

/** The committed docs rendered from code must be exactly what the code renders now (golden files). */
class GeneratedDocsTest {
  private static final Path DOCS = Path.of(System.getProperty("mtasts.projectDir", "."), "docs");

  @Test
  void committedFindingsDocMatchesEnums() throws IOException {
    checkGolden(DOCS.resolve("findings.md"), FindingsDoc.render());
  }

  @Test
  void committedSchemaDocMatchesResultColumns() throws IOException {
    checkGolden(DOCS.resolve("schema.md"), SchemaDoc.render());
  }

  @Test
  void committedStatsDocMatchesStatsTables() throws IOException {
    checkGolden(DOCS.resolve("stats.md"), StatsDoc.render());
  }

  private static void checkGolden(Path doc, String rendered) throws IOException {
    if (Boolean.getBoolean("mtasts.updateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, rendered, StandardCharsets.UTF_8);
    }
    assertThat(doc).as(doc + " is missing: run scripts/generate-docs").exists();
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as(doc + " is stale: run scripts/generate-docs and commit the result")
        .isEqualTo(rendered);
  }

  @Test
  void everyCodeIsDocumented() {
    String rendered = FindingsDoc.render();
    for (FindingCode code : FindingCode.values()) {
      assertThat(rendered).contains("| `" + code.name() + "` | " + code.severity().name());
      assertThat(code.doc()).as(code.name()).isNotBlank();
      assertThat(code.rfcClause()).as(code.name()).startsWith("RFC");
    }
  }
}
