"""Situations drawn at random, for a counsellor's read of a typical user's plans (the fortieth read used seed 40).

    python3 docs/review-cases/random_spread.py 40 60 > /tmp/draws.txt
    while read -r answers; do ./advisor preview $answers; done < /tmp/draws.txt

Each line is one person's answers, as `./advisor preview` takes them. Weights: about 60% people who broke trust; the
four relationships and eight breaches alike; ten times from the same day to over five years; apologies mostly none or
one; each yes/no answer true about 30% of the time; a safety concern (one or two flags) about a quarter of the time.
The person hurt may skip the question on the other person's response (one time in six). A draw the advisor refuses is
dropped; the fortieth read had none.
"""
import random
import sys

BREACHES = ["INFIDELITY", "LYING_AT_WORK", "HALF_TRUTHS", "HIDDEN_BEHAVIOUR", "BROKEN_CONFIDENCE",
            "BROKEN_PROMISE", "HONEST_MISTAKE", "OTHER"]
SAFETY = ["THEY_FEAR_ME", "I_FEAR_THEM", "VIOLENCE_BY_ME", "VIOLENCE_BY_THEM", "CONTROL_BY_ME", "CONTROL_BY_THEM",
          "MY_SELF_HARM", "THEIR_SELF_HARM", "ORDER_AGAINST_ME", "ORDER_PROTECTING_ME"]


def draws(seed, count):
    r = random.Random(seed)
    for _ in range(count):
        a = []
        role = "BROKE_TRUST" if r.random() < 0.6 else "WAS_HURT"
        a.append("role=" + role)
        a.append("relationship=" + r.choice(["ROMANTIC", "WORKPLACE", "FAMILY", "FRIENDSHIP"]))
        a.append("breach=" + r.choice(BREACHES))
        if role == "BROKE_TRUST":
            d = r.choice(["UNDISCLOSED", "PARTLY_DISCLOSED", "CONFESSED", "DISCOVERED"])
            a.append("disclosure=" + d)
            if d != "UNDISCLOSED":
                a.append("readiness=" + r.choice(["NO_CONTACT", "NEEDS_SPACE", "UNDECIDED", "WILLING_TO_TALK",
                                                  "REBUILDING", "MOVED_ON"]))
        else:
            t = r.choice(["DENIES_OR_BLAMES", "MINIMIZES", "APOLOGIZED", "MAKING_AMENDS", "NO_CONTACT", "(skip)"])
            if t != "(skip)":
                a.append("theirResponse=" + t)
        a.append("daysElapsed=%d" % r.choice([0, 3, 10, 20, 45, 90, 200, 400, 800, 2000]))
        if role == "BROKE_TRUST":
            a.append("apologiesMade=%d" % r.choice([0, 0, 0, 1, 1, 2, 3, 5]))
        for f in ["happenedBefore", "stillHappening", "othersAffected", "contactUnavoidable"]:
            a.append(f + "=" + ("true" if r.random() < 0.3 else "false"))
        if r.random() >= 0.75:
            a.append("safety=" + ",".join(r.sample(SAFETY, r.choice([1, 2]))))
        yield " ".join(a)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    for line in draws(seed, count):
        print(line)
