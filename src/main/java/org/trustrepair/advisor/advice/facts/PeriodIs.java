package org.trustrepair.advisor.advice.facts;

import java.util.Objects;
import org.trustrepair.advisor.advice.Period;

/** Derived: the time band the days elapsed fall in; the edges are set by the rules. Exactly one per situation. */
public final class PeriodIs {

    private final Period period;

    public PeriodIs(Period period) {
        this.period = Objects.requireNonNull(period);
    }

    public Period getPeriod() {
        return period;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeriodIs that && period == that.period;
    }

    @Override
    public int hashCode() {
        return period.hashCode();
    }

    @Override
    public String toString() {
        return "PeriodIs[" + period + "]";
    }
}
