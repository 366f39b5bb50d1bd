#!/usr/bin/env python3
"""The situations of the advice review (docs/advice-review.md), written once in contract-v2 answers.

python3 docs/review-cases/cases.py v1 > docs/review-cases/cases-v1.jsonl   # for the rules before Advice v2
python3 docs/review-cases/cases.py v2 > docs/review-cases/cases-v2.jsonl   # the same situations, v2 answers
v1 has no direction on safety flags, no contactUnavoidable and no theirResponse; an undisclosed breach still
needed a readiness in v1 (`v1readiness`, what such a person would most likely have ticked).
"""
import json, sys

B, H = "BROKE_TRUST", "WAS_HURT"
CASES = [
 # danger has a direction
 ("d01", "Had an affair, partner does not know; the partner has been violent and they are afraid of them.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", disclosure="UNDISCLOSED", daysElapsed=30,
       safety=["I_FEAR_THEM", "VIOLENCE_BY_THEM"]), "UNDECIDED"),
 ("d02", "Had an affair, partner found out and now monitors their phone and money; they are afraid of the partner.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="WILLING_TO_TALK", daysElapsed=20,
       safety=["I_FEAR_THEM", "CONTROL_BY_THEM"]), None),
 ("d03", "Told half-truths; has been violent; the partner is afraid of them and needs space.",
  dict(role=B, relationship="ROMANTIC", breach="HALF_TRUTHS", readiness="NEEDS_SPACE", daysElapsed=20,
       safety=["THEY_FEAR_ME", "VIOLENCE_BY_ME"]), None),
 ("d04", "Hid spending; checks the partner's phone and money (control by the answerer).",
  dict(role=B, relationship="ROMANTIC", breach="HIDDEN_BEHAVIOUR", readiness="UNDECIDED", daysElapsed=40,
       safety=["CONTROL_BY_ME"]), None),
 ("d05", "Affair discovered 5 days ago; the partner has spoken of self-harm.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NEEDS_SPACE", daysElapsed=5,
       safety=["THEIR_SELF_HARM"]), None),
 ("d06", "Affair discovered 3 days ago, partner asked for no contact; the answerer has thoughts of self-harm.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NO_CONTACT", daysElapsed=3,
       safety=["MY_SELF_HARM"]), None),
 ("d07", "Hurt party, partner's affair found 2 days ago; the answerer has thoughts of self-harm.",
  dict(role=H, relationship="ROMANTIC", breach="INFIDELITY", daysElapsed=2, safety=["MY_SELF_HARM"]), None),
 ("d08", "Told a family secret; the family member is willing to talk; the answerer has thoughts of self-harm.",
  dict(role=B, relationship="FAMILY", breach="BROKEN_CONFIDENCE", readiness="WILLING_TO_TALK", daysElapsed=10,
       safety=["MY_SELF_HARM"]), None),
 # orders and unavoidable contact
 ("o01", "Affair; there is an order against the answerer; they share children.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NO_CONTACT", daysElapsed=60,
       othersAffected=True, contactUnavoidable=True, safety=["ORDER_AGAINST_ME"]), None),
 ("o02", "Lied in the family and was violent; a protective order against the answerer.",
  dict(role=B, relationship="FAMILY", breach="HALF_TRUTHS", readiness="NO_CONTACT", daysElapsed=100,
       safety=["ORDER_AGAINST_ME", "VIOLENCE_BY_ME"]), None),
 ("o03", "Hurt party protected by an order against a violent partner.",
  dict(role=H, relationship="ROMANTIC", breach="HALF_TRUTHS", daysElapsed=30, happenedBefore=True,
       safety=["ORDER_PROTECTING_ME", "VIOLENCE_BY_THEM"]), None),
 ("o04", "Affair; the partner asked for no contact; they share children (contact unavoidable), no safety flag.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NO_CONTACT", daysElapsed=60,
       othersAffected=True, contactUnavoidable=True), None),
 ("o05", "Told a colleague's secret; the colleague wants no contact; same team (contact unavoidable).",
  dict(role=B, relationship="WORKPLACE", breach="BROKEN_CONFIDENCE", readiness="NO_CONTACT", daysElapsed=15,
       contactUnavoidable=True), None),
 # contact hidden in steps
 ("c01", "Affair discovered 20 days ago; the partner blocked them.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NO_CONTACT", daysElapsed=20), None),
 ("c02", "Affair five years ago; the partner moved on; one apology made.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="MOVED_ON", daysElapsed=1825,
       apologiesMade=1), None),
 ("c03", "Affair that ended five years ago, never disclosed.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", disclosure="UNDISCLOSED", daysElapsed=1825),
  "WILLING_TO_TALK"),
 # relationship
 ("w01", "Hurt party: a colleague keeps lying about them at work, still going on, happened before.",
  dict(role=H, relationship="WORKPLACE", breach="LYING_AT_WORK", daysElapsed=30, stillHappening=True,
       happenedBefore=True, theirResponse="DENIES_OR_BLAMES"), None),
 ("w02", "Lied in a report; the team was affected; the manager is willing to talk.",
  dict(role=B, relationship="WORKPLACE", breach="LYING_AT_WORK", readiness="WILLING_TO_TALK", daysElapsed=7,
       othersAffected=True), None),
 ("w03", "Falsified records at work, nobody knows yet.",
  dict(role=B, relationship="WORKPLACE", breach="LYING_AT_WORK", disclosure="UNDISCLOSED", daysElapsed=10),
  "WILLING_TO_TALK"),
 ("w04", "Told a colleague's confidence to others; the colleague needs space; no apology yet.",
  dict(role=B, relationship="WORKPLACE", breach="BROKEN_CONFIDENCE", readiness="NEEDS_SPACE", daysElapsed=4), None),
 ("w05", "Hurt party: a colleague broke a promise (took credit), apologized.",
  dict(role=H, relationship="WORKPLACE", breach="BROKEN_PROMISE", daysElapsed=10, theirResponse="APOLOGIZED"), None),
 # size
 ("s01", "Repeated honest mistake at work; the team was affected; the manager is willing to talk.",
  dict(role=B, relationship="WORKPLACE", breach="HONEST_MISTAKE", readiness="WILLING_TO_TALK", daysElapsed=3,
       happenedBefore=True, othersAffected=True), None),
 ("s02", "A one-off honest mistake at work, three days ago.",
  dict(role=B, relationship="WORKPLACE", breach="HONEST_MISTAKE", readiness="UNDECIDED", daysElapsed=3), None),
 ("s03", "Broke a promise to a friend a week ago; the friend is willing to talk.",
  dict(role=B, relationship="FRIENDSHIP", breach="BROKEN_PROMISE", readiness="WILLING_TO_TALK", daysElapsed=7), None),
 ("s04", "Broke promises to a friend more than once; the friend has not decided.",
  dict(role=B, relationship="FRIENDSHIP", breach="BROKEN_PROMISE", readiness="UNDECIDED", daysElapsed=20,
       happenedBefore=True), None),
 ("s05", "Half-truths to a partner, first time, stopped; rebuilding at 200 days.",
  dict(role=B, relationship="ROMANTIC", breach="HALF_TRUTHS", readiness="REBUILDING", daysElapsed=200,
       apologiesMade=1), None),
 ("s06", "A repeated honest mistake in the family (forgot to pick up a child); needs space after one apology.",
  dict(role=B, relationship="FAMILY", breach="HONEST_MISTAKE", readiness="NEEDS_SPACE", daysElapsed=2,
       happenedBefore=True, apologiesMade=1), None),
 # undisclosed
 ("u01", "Affair ended a month ago, partner does not know.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", disclosure="UNDISCLOSED", daysElapsed=30),
  "WILLING_TO_TALK"),
 ("u02", "Hidden debts, still going on, partner does not know.",
  dict(role=B, relationship="ROMANTIC", breach="HIDDEN_BEHAVIOUR", disclosure="UNDISCLOSED", daysElapsed=100,
       stillHappening=True), "WILLING_TO_TALK"),
 ("u03", "Affair partly disclosed three weeks ago; the partner is willing to talk.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", disclosure="PARTLY_DISCLOSED",
       readiness="WILLING_TO_TALK", daysElapsed=20, apologiesMade=1), None),
 # step back
 ("b01", "Affair; six apologies; the partner needs space.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NEEDS_SPACE", daysElapsed=40,
       apologiesMade=6), None),
 ("b02", "Told a friend's secret; one apology; the friend needs space.",
  dict(role=B, relationship="FRIENDSHIP", breach="BROKEN_CONFIDENCE", readiness="NEEDS_SPACE", daysElapsed=10,
       apologiesMade=1), None),
 ("b03", "Reader comment 1: half-truths for three months; two apologies; told to move on.",
  dict(role=B, relationship="ROMANTIC", breach="HALF_TRUTHS", readiness="MOVED_ON", daysElapsed=20,
       apologiesMade=2), None),
 # time
 ("t00", "Affair discovered today; the partner is willing to talk; no apology yet.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="WILLING_TO_TALK", daysElapsed=0), None),
 ("t14", "The same at 14 days, one apology made.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="WILLING_TO_TALK", daysElapsed=14,
       apologiesMade=1), None),
 ("t90", "The same at 90 days, one apology, rebuilding.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="REBUILDING", daysElapsed=90,
       apologiesMade=1), None),
 ("t365", "The same at 400 days, rebuilding.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="REBUILDING", daysElapsed=400,
       apologiesMade=1), None),
 ("t1825", "The same at five years, rebuilding.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="REBUILDING", daysElapsed=1825,
       apologiesMade=1), None),
 ("t900", "Affair; still undecided after 900 days; two apologies.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="UNDECIDED", daysElapsed=900,
       apologiesMade=2), None),
 # hurt party
 ("h01", "Hurt party: partner's affair found 3 days ago; the partner denies and blames.",
  dict(role=H, relationship="ROMANTIC", breach="INFIDELITY", daysElapsed=3, theirResponse="DENIES_OR_BLAMES"), None),
 ("h02", "Hurt party: the affair is still going on; the partner minimizes.",
  dict(role=H, relationship="ROMANTIC", breach="INFIDELITY", daysElapsed=30, stillHappening=True,
       theirResponse="MINIMIZES"), None),
 ("h03", "Hurt party: hidden porn found 200 days ago; the partner has been making amends.",
  dict(role=H, relationship="ROMANTIC", breach="HIDDEN_BEHAVIOUR", daysElapsed=200,
       theirResponse="MAKING_AMENDS"), None),
 ("h04", "Hurt party: a sibling told a secret; apologized.",
  dict(role=H, relationship="FAMILY", breach="BROKEN_CONFIDENCE", daysElapsed=20, theirResponse="APOLOGIZED"), None),
 ("h05", "Hurt party: controlling partner who apologizes after every outburst; repeated lies.",
  dict(role=H, relationship="ROMANTIC", breach="HALF_TRUTHS", daysElapsed=60, happenedBefore=True,
       theirResponse="APOLOGIZED", safety=["CONTROL_BY_THEM"]), None),
 ("h06", "Hurt party: a friend broke a promise and then cut contact.",
  dict(role=H, relationship="FRIENDSHIP", breach="BROKEN_PROMISE", daysElapsed=45, theirResponse="NO_CONTACT"), None),
 ("h07", "Reader comment 5 (anon291483): he told his ex he loves her; broken up; pregnant; can I trust him?",
  dict(role=H, relationship="ROMANTIC", breach="INFIDELITY", daysElapsed=30, othersAffected=True,
       theirResponse="MINIMIZES"), None),
 # the article's comments
 ("k02", "Reader comment 2: hidden porn found before the wedding; undecided.",
  dict(role=B, relationship="ROMANTIC", breach="HIDDEN_BEHAVIOUR", readiness="UNDECIDED", daysElapsed=30,
       apologiesMade=1), None),
 ("k04", "Reader comment 4: the affair partner of a married man, told to stay away.",
  dict(role=B, relationship="ROMANTIC", breach="INFIDELITY", readiness="NO_CONTACT", daysElapsed=10), None),
 ("k05", "Family: lied about money to parents, children affected, moved on, no apology.",
  dict(role=B, relationship="FAMILY", breach="OTHER", readiness="MOVED_ON", daysElapsed=300, othersAffected=True),
  None),
]

V1_FLAG = {"THEY_FEAR_ME": "OTHER_PARTY_AFRAID", "I_FEAR_THEM": "OTHER_PARTY_AFRAID",
           "VIOLENCE_BY_ME": "VIOLENCE_OR_THREATS", "VIOLENCE_BY_THEM": "VIOLENCE_OR_THREATS",
           "CONTROL_BY_ME": "CONTROLLING_BEHAVIOUR", "CONTROL_BY_THEM": "CONTROLLING_BEHAVIOUR",
           "MY_SELF_HARM": "SELF_HARM_THOUGHTS", "THEIR_SELF_HARM": "SELF_HARM_THOUGHTS",
           "ORDER_AGAINST_ME": "PROTECTIVE_ORDER", "ORDER_PROTECTING_ME": "PROTECTIVE_ORDER"}

def v1(a, v1readiness):
    a = {k: v for k, v in a.items() if k not in ("contactUnavoidable", "theirResponse")}
    if "safety" in a:
        a["safety"] = sorted({V1_FLAG[f] for f in a["safety"]})
    if a["role"] == B and "readiness" not in a:
        a["readiness"] = v1readiness
    return a

if __name__ == "__main__":
    version = sys.argv[1] if len(sys.argv) > 1 else "v2"
    for cid, desc, answers, v1r in CASES:
        out = v1(answers, v1r) if version == "v1" else answers
        print(json.dumps({"id": cid, "description": desc, "answers": out}))
