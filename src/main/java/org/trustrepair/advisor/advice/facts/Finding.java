package org.trustrepair.advisor.advice.facts;

import java.util.Objects;

/**
 * Derived: something the rules conclude about the situation before they advise, named in words, such as
 * {@code Finding( name == "answerer-at-risk" )}. A policy the rules share (who is at risk from whom, when apologies
 * have been enough) is written once, in the rule that inserts the finding, and the other rules test the finding.
 */
public final class Finding {

    private final String name;

    public Finding(String name) {
        this.name = Objects.requireNonNull(name);
    }

    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Finding that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "Finding[" + name + "]";
    }
}
