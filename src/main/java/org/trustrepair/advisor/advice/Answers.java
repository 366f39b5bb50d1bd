package org.trustrepair.advisor.advice;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a person answered, after defaults are applied. Field names and values are the public contract.
 *
 * <p>Special-category data: never log, cache or echo an instance. {@link #toString()} says nothing on purpose.
 */
public record Answers(
        Role role,
        Relationship relationship,
        Breach breach,
        Readiness readiness,
        int daysElapsed,
        Disclosure disclosure,
        boolean stillHappening,
        boolean happenedBefore,
        int apologiesMade,
        boolean othersAffected,
        boolean contactUnavoidable,
        TheirResponse theirResponse,
        Set<SafetyFlag> safety) {

    public static final int MAX_DAYS = 36_500;
    public static final int MAX_APOLOGIES = 1_000;

    /**
     * Applies the defaults and refuses answers the contract does not allow: {@code readiness} is given exactly when the
     * person broke trust and the other person knows; {@code theirResponse} only by the person who was hurt.
     */
    public Answers {
        role = role == null ? Role.BROKE_TRUST : role;
        disclosure = disclosure == null ? Disclosure.DISCOVERED : disclosure;
        safety = safety == null || safety.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(SafetyFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(safety));
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(breach, "breach");
        if (readinessAsked(role, disclosure)) {
            Objects.requireNonNull(readiness, "readiness");
        } else if (readiness != null) {
            throw new IllegalArgumentException("readiness is not asked of the hurt party, nor when they do not know");
        }
        if (theirResponse != null && !theirResponseAsked(role)) {
            throw new IllegalArgumentException("theirResponse is asked of the hurt party only");
        }
        if (daysElapsed < 0 || daysElapsed > MAX_DAYS) {
            throw new IllegalArgumentException("daysElapsed out of range");
        }
        if (apologiesMade < 0 || apologiesMade > MAX_APOLOGIES) {
            throw new IllegalArgumentException("apologiesMade out of range");
        }
    }

    /** Whether the contract asks for {@code readiness}: of the person who broke trust, once the other person knows. */
    public static boolean readinessAsked(Role role, Disclosure disclosure) {
        return (role == null || role == Role.BROKE_TRUST) && disclosure != Disclosure.UNDISCLOSED;
    }

    /** Whether the contract takes {@code theirResponse}: from the person who was hurt only. */
    public static boolean theirResponseAsked(Role role) {
        return role == Role.WAS_HURT;
    }

    /** The minimal answers; every optional field takes its default. */
    public static Answers of(Relationship relationship, Breach breach, Readiness readiness, int daysElapsed) {
        return new Answers(
                null, relationship, breach, readiness, daysElapsed, null, false, false, 0, false, false, null, null);
    }

    public Answers withRole(Role value) {
        return new Answers(
                value,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withRelationship(Relationship value) {
        return new Answers(
                role,
                value,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withBreach(Breach value) {
        return new Answers(
                role,
                relationship,
                value,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withReadiness(Readiness value) {
        return new Answers(
                role,
                relationship,
                breach,
                value,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withDaysElapsed(int value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                value,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withDisclosure(Disclosure value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                value,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withStillHappening(boolean value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                value,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withHappenedBefore(boolean value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                value,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withApologiesMade(int value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                value,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withOthersAffected(boolean value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                value,
                contactUnavoidable,
                theirResponse,
                safety);
    }

    public Answers withContactUnavoidable(boolean value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                value,
                theirResponse,
                safety);
    }

    public Answers withTheirResponse(TheirResponse value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                value,
                safety);
    }

    public Answers withSafety(Collection<SafetyFlag> value) {
        return new Answers(
                role,
                relationship,
                breach,
                readiness,
                daysElapsed,
                disclosure,
                stillHappening,
                happenedBefore,
                apologiesMade,
                othersAffected,
                contactUnavoidable,
                theirResponse,
                value == null || value.isEmpty() ? null : EnumSet.copyOf(value));
    }

    public boolean hasSafetyFlag() {
        return !safety.isEmpty();
    }

    /** Deliberately opaque: answers must never reach a log line through string concatenation. */
    @Override
    public String toString() {
        return "Answers[redacted]";
    }
}
