package org.trustrepair.advisor.workbench;

/** The commands print a report; the rule engine's own log lines would only repeat it. */
public final class Quiet implements AutoCloseable {

    private static final String THRESHOLD = "CONSOLE_LOG_THRESHOLD";

    /** The threshold to give back on close ({@link #NONE}: none was set); null when it is left alone. */
    private final String before;

    private Quiet(String before) {
        this.before = before;
    }

    /**
     * Before anything logs: no console log lines (the report says all there is, in plain words), unless the caller
     * chose a threshold ({@code -DCONSOLE_LOG_THRESHOLD=INFO}). Closing gives the threshold back as it was, so that a
     * command run inside a longer-lived JVM (a test, a server) does not silence the log of what runs after it.
     */
    public static Quiet logs() {
        String before = System.getProperty(THRESHOLD);
        if (before == null || Boolean.getBoolean(DEFAULT)) {
            System.setProperty(THRESHOLD, "OFF");
            return new Quiet(before == null ? NONE : before);
        }
        return new Quiet(null);
    }

    /**
     * The opposite, for {@code --verbose}: the engine's warnings and errors printed, unless the person running the
     * command chose a threshold of their own. Closing gives the threshold back as it was.
     */
    public static Quiet engineLog() {
        String before = System.getProperty(THRESHOLD);
        if (before == null || Boolean.getBoolean(DEFAULT)) {
            System.setProperty(THRESHOLD, "WARN");
            return new Quiet(before == null ? NONE : before);
        }
        return new Quiet(null);
    }

    /** Set beside the threshold when the command line chose it (not the person running it): a command may quiet it. */
    public static final String DEFAULT = "advisor.log-threshold.default";

    private static final String NONE = "";

    @Override
    public void close() {
        if (before == null) {
            return; // the person running it chose the threshold: left alone
        }
        if (before.equals(NONE)) {
            System.clearProperty(THRESHOLD);
        } else {
            System.setProperty(THRESHOLD, before);
        }
    }
}
