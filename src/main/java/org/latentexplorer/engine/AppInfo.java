package org.latentexplorer.engine;

/** The app's version as the jar's manifest states it, for model manifests and the About box. */
public final class AppInfo {
    private AppInfo() {
    }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
