package org.mtastscensus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version baked into the build (version.properties), for _run.json and summary.json. */
public final class ProjectVersion {
  private ProjectVersion() {}

  public static String get() {
    try (InputStream in = ProjectVersion.class.getResourceAsStream("/org/mtastscensus/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("project.version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
