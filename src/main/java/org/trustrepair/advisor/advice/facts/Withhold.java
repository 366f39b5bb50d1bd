package org.trustrepair.advisor.advice.facts;

import java.util.Objects;
import org.trustrepair.advisor.advice.Phase;

/**
 * Advice deliberately not given now. A withheld id is never shown as a step, whichever rule proposed it; the
 * inserting rule's reason says why, and the plan lists it under "what not to do now".
 */
public final class Withhold {

    private final String id;
    private final Phase phase;

    public Withhold(String id, Phase phase) {
        this.id = Objects.requireNonNull(id);
        this.phase = Objects.requireNonNull(phase);
    }

    public String getId() {
        return id;
    }

    public Phase getPhase() {
        return phase;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Withhold that && id.equals(that.id) && phase == that.phase;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, phase);
    }

    @Override
    public String toString() {
        return "Withhold[" + id + ", " + phase + "]";
    }
}
