package org.trustrepair.advisor.workbench;

/** The commands print a report; the rule engine's own log lines would only repeat it. */
public final class Quiet implements AutoCloseable {

    private static final String THRESHOLD = "CONSOLE_LOG_THRESHOLD";

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
        if (before == null) {
            System.setProperty(THRESHOLD, "OFF");
        }
        return new Quiet(before);
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(THRESHOLD);
        }
    }
}
