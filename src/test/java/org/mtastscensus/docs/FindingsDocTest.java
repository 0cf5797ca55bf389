package org.mtastscensus.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtastscensus.verdict.FindingCode;

/** The committed docs/findings.md must be exactly what the enums render (golden file). */
class FindingsDocTest {
  private static final Path DOC =
      Path.of(System.getProperty("mtasts.projectDir", "."), "docs", "findings.md");

  @Test
  void committedDocMatchesEnums() throws IOException {
    String rendered = FindingsDoc.render();
    if (Boolean.getBoolean("mtasts.updateDocs")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/findings.md is missing: run scripts/generate-docs").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/findings.md is stale: run scripts/generate-docs and commit the result")
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
