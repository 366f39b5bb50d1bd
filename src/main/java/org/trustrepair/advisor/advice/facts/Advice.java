package org.trustrepair.advisor.advice.facts;

import java.util.Objects;
import org.trustrepair.advisor.advice.Phase;

/**
 * A step the rules give: its id (whose title and detail live in the catalogue beside the rules), its phase, and its
 * rank inside the phase (lower comes first). The inserting rule's metadata gives the step's reason and sources.
 */
public final class Advice {

    private final String id;
    private final Phase phase;
    private final int rank;

    public Advice(String id, Phase phase, int rank) {
        this.id = Objects.requireNonNull(id);
        this.phase = Objects.requireNonNull(phase);
        this.rank = rank;
    }

    public String getId() {
        return id;
    }

    public Phase getPhase() {
        return phase;
    }

    public int getRank() {
        return rank;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Advice that && id.equals(that.id) && phase == that.phase && rank == that.rank;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, phase, rank);
    }

    @Override
    public String toString() {
        return "Advice[" + id + ", " + phase + ", " + rank + "]";
    }
}
