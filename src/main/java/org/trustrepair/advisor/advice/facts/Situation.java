package org.trustrepair.advisor.advice.facts;

import java.util.Set;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;

/**
 * The person's answers as the rules see them: one fact per evaluation. Read-only.
 *
 * <p>Rules write conditions such as {@code Situation( readiness == Readiness.NEEDS_SPACE, apologiesMade >= 1 )}.
 */
public final class Situation {

    private final Answers answers;

    public Situation(Answers answers) {
        this.answers = answers;
    }

    public Role getRole() {
        return answers.role();
    }

    public Relationship getRelationship() {
        return answers.relationship();
    }

    public Breach getBreach() {
        return answers.breach();
    }

    /**
     * Where the other person stands. Null exactly when it is not asked: for the hurt party (see {@link
     * #getTheirResponse()}) and when the other person does not know ({@code disclosure == Disclosure.UNDISCLOSED}).
     */
    public Readiness getReadiness() {
        return answers.readiness();
    }

    public int getDaysElapsed() {
        return answers.daysElapsed();
    }

    public Disclosure getDisclosure() {
        return answers.disclosure();
    }

    public boolean isStillHappening() {
        return answers.stillHappening();
    }

    public boolean isHappenedBefore() {
        return answers.happenedBefore();
    }

    public int getApologiesMade() {
        return answers.apologiesMade();
    }

    public boolean isOthersAffected() {
        return answers.othersAffected();
    }

    /** Some contact cannot be avoided: shared children, the same workplace, a shared home. */
    public boolean isContactUnavoidable() {
        return answers.contactUnavoidable();
    }

    /** How the person who broke trust has responded: the hurt party's answer, null when not given or not asked. */
    public TheirResponse getTheirResponse() {
        return answers.theirResponse();
    }

    /** The directed flags: who is at risk from whom, "me" being the person answering. */
    public Set<SafetyFlag> getSafety() {
        return answers.safety();
    }

    /** True when any safety flag is set: the rules use it to put safety before everything. */
    public boolean isSafetyConcern() {
        return answers.hasSafetyFlag();
    }

    @Override
    public String toString() {
        return "Situation[redacted]";
    }
}
