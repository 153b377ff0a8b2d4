package org.latentexplorer.engine.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's version as the jar's manifest states it, and its deep-learning library's, for model manifests and the About box. */
public final class AppInfo {
    private AppInfo() {
    }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** Deeplearning4j's (and ND4J's, released together) version as its jar's Maven metadata states it. */
    public static String dl4jVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
