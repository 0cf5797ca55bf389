package org.mtastscensus.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Reads test inputs from memory and checks the bookkeeping every read must satisfy. */
final class Inputs {
  record Read(List<String> names, InputStats stats) {}

  private Inputs() {}

  static Read read(String text, String sourceName, InputFormat format) {
    return read(text.getBytes(StandardCharsets.UTF_8), sourceName, format, null);
  }

  static Read read(byte[] bytes, String sourceName, InputFormat format, OptOutList optOut) {
    try (DomainInput input =
        DomainInputs.open(new ByteArrayInputStream(bytes), sourceName, format, optOut, null)) {
      List<String> names = new ArrayList<>();
      input.forEachRemaining(names::add);
      assertBalanced(input.stats());
      return new Read(names, input.stats());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Read read(InputStream in, String sourceName) throws IOException {
    try (DomainInput input = DomainInputs.open(in, sourceName, null, null, null)) {
      List<String> names = new ArrayList<>();
      input.forEachRemaining(names::add);
      assertBalanced(input.stats());
      return new Read(names, input.stats());
    }
  }

  /** Every entry read lands in exactly one bucket. */
  static void assertBalanced(InputStats stats) {
    assertThat(stats.accepted() + stats.duplicates() + stats.optedOut() + stats.malformedTotal()
        + stats.skippedTotal()).as("buckets of %s", stats).isEqualTo(stats.read());
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(String entryName, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entryName));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
