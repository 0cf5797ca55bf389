package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 million-line gzip zone read through the iterator: the count is right and the heap does not grow with the
 * input, which is what lets a 20 GB .com zone go through one reader. The file is written line by line into a
 * temporary directory and never held in memory; no timing is asserted, the machine is shared.
 */
class StreamingZoneTest {
  private static final int LINES = 2_000_000;
  /** Far below what holding 600 000 names would take (tens of MB), far above GC noise. */
  private static final long MAX_HEAP_GROWTH = 16L * 1024 * 1024;

  @TempDir Path dir;

  private record Expected(long delegations, long duplicates, long signed) {}

  @Test
  void readsMillionsOfLinesInBoundedMemory() throws IOException {
    Path zone = dir.resolve("com.txt.gz");
    Expected expected = generate(zone);

    long count = 0;
    long baseline = 0;
    try (DomainInput input = DomainInputs.open(zone, null, null)) {
      while (input.hasNext()) {
        String name = input.next();
        count++;
        if (count == 1) {
          assertThat(name).isEqualTo("d0.com");
        }
        if (count == 50_000) {
          baseline = usedHeapAfterGc();
        }
      }
      long growth = usedHeapAfterGc() - baseline;

      assertThat(count).isEqualTo(expected.delegations());
      assertThat(input.stats().accepted()).isEqualTo(expected.delegations());
      assertThat(input.stats().duplicates()).isEqualTo(expected.duplicates());
      assertThat(input.stats().dnssecSignedDelegations()).isEqualTo(expected.signed());
      assertThat(input.stats().lines()).isEqualTo(LINES);
      assertThat(input.stats().malformed()).isEmpty();
      Inputs.assertBalanced(input.stats());
      assertThat(growth).as("heap growth in bytes").isLessThan(MAX_HEAP_GROWTH);
    }
  }

  /** CZDS-shaped: SOA, apex NS, then two NS lines per delegation and a DS for every fourth. */
  private static Expected generate(Path file) throws IOException {
    long delegations = 0;
    long duplicates = 0;
    long signed = 0;
    try (Writer out = new BufferedWriter(new OutputStreamWriter(new FastGzip(Files.newOutputStream(file)),
        StandardCharsets.US_ASCII), 1 << 16)) {
      out.write("com.\t900\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1732752000 1800 900 604800 86400\n");
      out.write("com.\t172800\tin\tns\ta.gtld-servers.net.\n");
      int lines = 2;
      for (int i = 0; lines < LINES; i++) {
        String owner = "d" + i + ".com.";
        out.write(owner + "\t172800\tin\tns\tns1.example-dns.net.\n");
        lines++;
        delegations++;
        if (lines < LINES) {
          out.write(owner + "\t172800\tin\tns\tns2.example-dns.net.\n");
          lines++;
          duplicates++;
        }
        if (i % 4 == 0 && lines < LINES) {
          out.write(owner + "\t86400\tin\tds\t12345 13 2 0123456789abcdef0123456789abcdef\n");
          lines++;
          signed++;
        }
      }
    }
    return new Expected(delegations, duplicates, signed);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      ManagementFactory.getMemoryMXBean().gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Fastest deflate level: the test is about reading, not about the size of a throwaway file. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(java.io.OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
