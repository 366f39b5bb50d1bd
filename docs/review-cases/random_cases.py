import json, random, itertools
random.seed(int(__import__('sys').argv[1]) if len(__import__('sys').argv)>1 else 1)
FLAGS=["THEY_FEAR_ME","I_FEAR_THEM","VIOLENCE_BY_ME","VIOLENCE_BY_THEM","CONTROL_BY_ME","CONTROL_BY_THEM","MY_SELF_HARM","THEIR_SELF_HARM","ORDER_AGAINST_ME","ORDER_PROTECTING_ME"]
out=open('/tmp/rand.jsonl','w')
for n in range(20000):
    role=random.choice(["BROKE_TRUST","BROKE_TRUST","WAS_HURT"])
    a=dict(role=role,relationship=random.choice(["ROMANTIC","WORKPLACE","FAMILY","FRIENDSHIP"]),
      breach=random.choice(["INFIDELITY","LYING_AT_WORK","HALF_TRUTHS","HIDDEN_BEHAVIOUR","BROKEN_CONFIDENCE","BROKEN_PROMISE","HONEST_MISTAKE","OTHER"]),
      daysElapsed=random.choice([0,5,13,14,30,89,90,200,364,365,500,729,730,2000]),
      stillHappening=random.random()<.4, happenedBefore=random.random()<.4, othersAffected=random.random()<.4,
      contactUnavoidable=random.random()<.3)
    if role=="BROKE_TRUST":
        a["disclosure"]=random.choice(["UNDISCLOSED","PARTLY_DISCLOSED","CONFESSED","DISCOVERED"])
        a["apologiesMade"]=random.choice([0,1,2,3,6])
        if a["disclosure"]!="UNDISCLOSED":
            a["readiness"]=random.choice(["NO_CONTACT","NEEDS_SPACE","UNDECIDED","WILLING_TO_TALK","REBUILDING","MOVED_ON"])
    else:
        r=random.choice([None,"DENIES_OR_BLAMES","MINIMIZES","APOLOGIZED","MAKING_AMENDS","NO_CONTACT"])
        if r: a["theirResponse"]=r
    k=random.choice([0,0,0,1,1,2,3])
    if k: a["safety"]=random.sample(FLAGS,k)
    out.write(json.dumps({"id":f"r{n}","answers":a})+"\n")
