package org.trustrepair.advisor.advice;

/** How deep the breach cuts. */
public enum Severity {
    MINOR,
    SERIOUS,
    GRAVE
}
