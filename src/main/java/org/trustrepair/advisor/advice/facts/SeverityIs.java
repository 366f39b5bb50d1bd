package org.trustrepair.advisor.advice.facts;

import java.util.Objects;
import org.trustrepair.advisor.advice.Severity;

/** Derived: how grave the breach is. Exactly one per situation. */
public final class SeverityIs {

    private final Severity severity;

    public SeverityIs(Severity severity) {
        this.severity = Objects.requireNonNull(severity);
    }

    public Severity getSeverity() {
        return severity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeverityIs that && severity == that.severity;
    }

    @Override
    public int hashCode() {
        return severity.hashCode();
    }

    @Override
    public String toString() {
        return "SeverityIs[" + severity + "]";
    }
}
