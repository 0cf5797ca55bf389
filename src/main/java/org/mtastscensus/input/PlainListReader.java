package org.mtastscensus.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.function.Consumer;
import org.mtastscensus.names.DomainName;

/** A plain list: one name per line; blank lines and lines starting with {@code #} are skipped; a trailing {@code # comment} is dropped. */
public final class PlainListReader implements DomainReader {
  @Override
  public void read(Path file, InputTally tally, Consumer<String> names) throws IOException {
    // invalid UTF-8 must reach the validator as a replacement character (then NOT_LDH), not abort the file
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      while ((line = lines.readLine()) != null) {
        int hash = line.indexOf('#');
        String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (text.isEmpty()) {
          continue;
        }
        tally.read();
        DomainName.Result result = DomainName.normalize(text);
        if (result.valid()) {
          names.accept(result.name());
        } else {
          tally.malformed(result.problem().name(), text);
        }
      }
    }
  }
}
