package org.mtastscensus.spark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mtastscensus.scan.EngineOptions;
import org.mtastscensus.scan.ScanEngine;

/** Pieces of {@code _run.json} that do not depend on Spark: versions and the effective engine configuration. */
final class RunSummary {
  private RunSummary() {}

  static String projectVersion() {
    return org.mtastscensus.ProjectVersion.get();
  }

  /**
   * Every engine option by its record component name, so a new option shows up without touching this class. The
   * trust CAs are replaced by SHA-256 fingerprints of their certificates (DER): the PEM text would bloat the file.
   */
  static Map<String, Object> engine(EngineOptions options) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent component : EngineOptions.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(options);
        if (component.getName().equals("extraTrustPem")) {
          out.put("extraTrustCaSha256", fingerprints(options.extraTrustPem()));
        } else {
          out.put(component.getName(), value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("record accessors are public", e);
      }
    }
    return out;
  }

  static List<String> fingerprints(List<String> pems) {
    List<String> out = new ArrayList<>();
    for (X509Certificate certificate : ScanEngine.certificates(pems)) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        out.add(HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
        throw new IllegalStateException("SHA-256 of a parsed certificate", e);
      }
    }
    return out;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
