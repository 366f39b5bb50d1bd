package org.trustrepair.advisor.advice.facts;

import java.util.Objects;
import org.trustrepair.advisor.advice.Nature;

/** Derived: the breach is of integrity or of competence. Exactly one per situation. */
public final class NatureIs {

    private final Nature nature;

    public NatureIs(Nature nature) {
        this.nature = Objects.requireNonNull(nature);
    }

    public Nature getNature() {
        return nature;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NatureIs that && nature == that.nature;
    }

    @Override
    public int hashCode() {
        return nature.hashCode();
    }

    @Override
    public String toString() {
        return "NatureIs[" + nature + "]";
    }
}
