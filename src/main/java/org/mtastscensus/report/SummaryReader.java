package org.mtastscensus.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads summary.json as the stats contract defines it; a missing required field is an error naming the file. */
final class SummaryReader {
  /** The only summary layout this report understands; a newer one may have changed meanings, so it is refused. */
  static final int STATS_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryReader() {}

  static Summary read(Path file, String name) throws ReportException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ReportException(name + ": missing (expected at " + file + ")");
    } catch (JsonProcessingException e) {
      throw new ReportException(name + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ReportException(name + ": cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ReportException(name + ": not a JSON object");
    }
    return new Fields(name).summary(root);
  }

  /** Field access with the file name at hand for error messages. */
  private record Fields(String name) {
    Summary summary(JsonNode root) throws ReportException {
      int version = (int) number(root, "stats_version", "stats_version");
      if (version != STATS_VERSION) {
        throw new ReportException(name + ": stats_version " + version + " is not supported (this report reads "
            + STATS_VERSION + ")");
      }
      JsonNode scansNode = root.path("scans");
      if (!scansNode.isArray() || scansNode.isEmpty()) {
        throw new ReportException(name + ": scans must be a non-empty array");
      }
      List<ScanInfo> scans = new ArrayList<>();
      for (int i = 0; i < scansNode.size(); i++) {
        scans.add(scan(scansNode.get(i), "scans[" + i + "]"));
      }
      JsonNode previous = root.path("previous");
      ScanRef previousRef = previous.isObject() ? ref(previous, "previous") : null;
      JsonNode generator = root.path("generator");
      JsonNode psl = root.path("psl");
      return new Summary(name, version, optional(root, "generated_at"), optional(generator, "project"),
          optional(generator, "schema_version"), optional(psl, "source"), optional(psl, "version"),
          List.copyOf(scans), previousRef, texts(root.path("rules")), texts(root.path("denominators")),
          keys(root.path("tables")));
    }

    private ScanInfo scan(JsonNode node, String path) throws ReportException {
      List<String> resolvers = new ArrayList<>();
      for (JsonNode r : node.path("resolvers")) {
        resolvers.add(r.asText());
      }
      Map<String, Long> quantiles = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.path("max_age_quantiles").properties()) {
        if (e.getValue().isNumber()) {
          quantiles.put(e.getKey(), e.getValue().asLong());
        }
      }
      Map<String, Double> concentration = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.path("concentration").properties()) {
        if (e.getValue().isNumber()) {
          concentration.put(e.getKey(), e.getValue().asDouble());
        }
      }
      return new ScanInfo(ref(node, path), optional(node, "scan_dir"), optional(node, "input_format"),
          List.copyOf(resolvers), optional(node, "started_at"), node.path("rows").asLong(0),
          headline(node.path("headline"), path + ".headline"), quantiles, concentration);
    }

    private Headline headline(JsonNode h, String path) throws ReportException {
      if (!h.isObject()) {
        throw new ReportException(name + ": " + path + " is missing");
      }
      return new Headline(count(h, path, "scanned"), count(h, path, "nxdomain"), count(h, path, "undetermined"),
          count(h, path, "existing"), count(h, path, "measured"), count(h, path, "sts_record"),
          count(h, path, "record_valid"), count(h, path, "policy_usable"), count(h, path, "policy_usable_lenient"),
          count(h, path, "mode_enforce"), count(h, path, "mode_testing"), count(h, path, "mode_none"),
          count(h, path, "misconfigured"), h.path("outcome_flips").asLong(0), share(h, path, "share_sts_record"),
          share(h, path, "share_policy_usable"), share(h, path, "share_enforce"),
          share(h, path, "share_misconfigured"), share(h, path, "share_undetermined"));
    }

    private ScanRef ref(JsonNode node, String path) throws ReportException {
      return new ScanRef(text(node, path, "scan_date"), text(node, path, "scan_id"), text(node, path, "list"));
    }

    private long count(JsonNode node, String path, String field) throws ReportException {
      return number(node, path + "." + field, field);
    }

    private long number(JsonNode node, String path, String field) throws ReportException {
      JsonNode value = node.path(field);
      if (!value.isIntegralNumber()) {
        throw new ReportException(name + ": " + path + (value.isMissingNode() ? " is missing" : " is not an integer"));
      }
      return value.asLong();
    }

    private Double share(JsonNode node, String path, String field) throws ReportException {
      JsonNode value = node.path(field);
      if (value.isMissingNode() || value.isNull()) {
        return null;
      }
      if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
        throw new ReportException(name + ": " + path + "." + field + " is not a fraction between 0 and 1");
      }
      return value.asDouble();
    }

    private String text(JsonNode node, String path, String field) throws ReportException {
      JsonNode value = node.path(field);
      if (!value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
        throw new ReportException(name + ": " + path + "." + field + " is missing");
      }
      return value.asText();
    }

    private static String optional(JsonNode node, String field) {
      JsonNode value = node.path(field);
      return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Map<String, String> texts(JsonNode node) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getValue().isValueNode()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      }
      return out;
    }

    private static Set<String> keys(JsonNode node) {
      Set<String> out = new LinkedHashSet<>();
      node.fieldNames().forEachRemaining(out::add);
      return out;
    }
  }
}
