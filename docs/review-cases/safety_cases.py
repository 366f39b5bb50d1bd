import json, itertools
FLAGS=["THEY_FEAR_ME","I_FEAR_THEM","VIOLENCE_BY_ME","VIOLENCE_BY_THEM","CONTROL_BY_ME","CONTROL_BY_THEM","MY_SELF_HARM","THEIR_SELF_HARM","ORDER_AGAINST_ME","ORDER_PROTECTING_ME"]
bases=[dict(role="BROKE_TRUST",relationship="ROMANTIC",breach="INFIDELITY",readiness="NO_CONTACT",daysElapsed=5,stillHappening=True,othersAffected=True,contactUnavoidable=True,apologiesMade=0),
 dict(role="BROKE_TRUST",relationship="WORKPLACE",breach="HONEST_MISTAKE",disclosure="UNDISCLOSED",daysElapsed=400,stillHappening=True,happenedBefore=True),
 dict(role="BROKE_TRUST",relationship="FAMILY",breach="LYING_AT_WORK",readiness="WILLING_TO_TALK",daysElapsed=30,apologiesMade=3),
 dict(role="WAS_HURT",relationship="ROMANTIC",breach="INFIDELITY",daysElapsed=3,stillHappening=True,theirResponse="APOLOGIZED"),
 dict(role="WAS_HURT",relationship="WORKPLACE",breach="BROKEN_PROMISE",daysElapsed=300)]
out=open('/tmp/saf.jsonl','w'); n=0
for b in bases:
    for k in range(1,11):
        for combo in itertools.combinations(FLAGS,k):
            a=dict(b); a["safety"]=list(combo); n+=1
            out.write(json.dumps({"id":f"s{n}","answers":a})+"\n")
print(n)
