package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small excerpt shaped like a CZDS {@code com.txt.gz}, read the way the job reads the real file. */
class CzdsExcerptTest {
  private static final List<String> DELEGATIONS =
      List.of("example.com", "google.com", "xn--bcher-kva.com", "mta-sts-demo.com", "parked-42.com");

  @TempDir Path dir;

  @Test
  void readsTheDelegationsOfTheExcerpt() throws IOException {
    try (InputStream in = excerpt()) {
      Inputs.Read read = Inputs.read(in, "com.txt");

      assertThat(read.names()).containsExactlyElementsOf(DELEGATIONS);
      assertThat(read.stats().format()).isEqualTo(InputFormat.ZONE);
      assertThat(read.stats().zoneApex()).isEqualTo("com");
      assertThat(read.stats().duplicates()).isEqualTo(7);
      assertThat(read.stats().dnssecSignedDelegations()).isEqualTo(2);
      assertThat(read.stats().skipped()).containsEntry("APEX_NS", 3L).containsEntry("A", 2L)
          .containsEntry("AAAA", 2L).containsEntry("DS", 3L).containsEntry("SOA", 1L);
      assertThat(read.stats().malformed()).isEmpty();
    }
  }

  @Test
  void readsTheGzippedFileFromDiskWithDetectedFormat() throws IOException {
    Path gz = dir.resolve("com.txt.gz");
    try (InputStream in = excerpt(); OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
    }

    try (DomainInput input = DomainInputs.open(gz, null, OptOutList.of(List.of("parked-42.com")))) {
      List<String> names = new ArrayList<>();
      input.forEachRemaining(names::add);

      assertThat(names).containsExactlyElementsOf(DELEGATIONS.subList(0, 4));
      assertThat(input.stats().container()).isEqualTo("gzip");
      assertThat(input.stats().format()).isEqualTo(InputFormat.ZONE);
      assertThat(input.stats().optedOut()).isEqualTo(1);
      Inputs.assertBalanced(input.stats());
    }
  }

  private static InputStream excerpt() {
    return CzdsExcerptTest.class.getResourceAsStream("/input/com-excerpt.txt");
  }
}
