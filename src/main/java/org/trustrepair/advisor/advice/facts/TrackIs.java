package org.trustrepair.advisor.advice.facts;

import java.util.Objects;
import org.trustrepair.advisor.advice.Track;

/** Derived: the overall direction of the plan. Exactly one per situation. */
public final class TrackIs {

    private final Track track;

    public TrackIs(Track track) {
        this.track = Objects.requireNonNull(track);
    }

    public Track getTrack() {
        return track;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackIs that && track == that.track;
    }

    @Override
    public int hashCode() {
        return track.hashCode();
    }

    @Override
    public String toString() {
        return "TrackIs[" + track + "]";
    }
}
