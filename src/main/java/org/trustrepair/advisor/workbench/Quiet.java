package org.trustrepair.advisor.workbench;

/** The commands print a report; the rule engine's own log lines would only repeat it. */
final class Quiet {

  private Quiet() {}

  /**
   * Before anything logs: no console log lines (the report says all there is, in plain words), unless the caller
   * chose a threshold ({@code -DCONSOLE_LOG_THRESHOLD=INFO}).
   */
  static void logs() {
    if (System.getProperty("CONSOLE_LOG_THRESHOLD") == null) {
      System.setProperty("CONSOLE_LOG_THRESHOLD", "OFF");
    }
  }
}
