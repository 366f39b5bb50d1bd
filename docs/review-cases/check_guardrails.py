#!/usr/bin/env python3
"""Check a batch output against rules/guardrails.yaml, outside the Java evaluator (used for the review while the
evaluator was on another branch). python3 check_guardrails.py rules/guardrails.yaml plans.jsonl cases.jsonl"""
import json, yaml, sys, collections
G=yaml.safe_load(open(sys.argv[1]))['guardrails']
PH=["SAFETY","REFLECT","STOP","DISCLOSE","APOLOGIZE","STEP_BACK","PROVE","GIVE_TIME","PREVENT_RELAPSE","ACCEPT"]
def one(v,x):
    return x in v if isinstance(v,list) else x==v
def holds_when(w,a,p):
    if not w: return True
    for k,v in w.items():
        if k=='anyOf':
            if not any(holds_when(g,a,p) for g in v): return False
        elif k=='safety':
            if not set(v)&set(a.get('safety',[])): return False
        elif k=='stepOfKind':
            vv=v if isinstance(v,list) else [v]
            if not any(set(s['kinds'])&set(vv) for s in p['steps']): return False
        elif k=='noSafety':
            if v and a.get('safety'): return False
        elif k in ('track','nature','severity','period'):
            if not one(v,p['classification'][k]): return False
        elif k in ('daysElapsed','apologiesMade'):
            x=a.get(k,0)
            if 'atLeast' in v and x<v['atLeast']: return False
            if 'below' in v and x>=v['below']: return False
        else:
            dflt={'role':'BROKE_TRUST','disclosure':'DISCOVERED'}.get(k, False if k in('stillHappening','happenedBefore','othersAffected','contactUnavoidable') else None)
            if not one(v,a.get(k,dflt)): return False
    return True
def isap(s): return 'apology' in s['kinds'] or s['phase']=='APOLOGIZE'
def check(t,a,p):
    st=p['steps']; wh=p['withheld']; errs=[]
    for k,v in t.items():
        if k=='noStepOfKind':
            for s in st:
                if set(s['kinds'])&set(v) or ('apology' in v and isap(s)): errs.append(f"step {s['id']} of kind {v}")
        elif k=='noStepInPhase':
            errs+= [f"step {s['id']} in {s['phase']}" for s in st if s['phase'] in v]
        elif k=='withholds':
            for kind in v:
                if not any(kind in w['kinds'] for w in wh): errs.append(f"nothing of kind {kind} withheld")
        elif k=='withholdsIds':
            ids={w['id'] for w in wh}
            errs+=[f"{i} not withheld" for i in v if i not in ids]
        elif k=='track':
            if not one(v,p['classification']['track']): errs.append('track')
        elif k=='firstPhase':
            if not st or st[0]['phase']!=v: errs.append('firstPhase '+(st[0]['id'] if st else '-'))
        elif k=='firstKind':
            if not st or v not in st[0]['kinds']: errs.append('firstKind '+(st[0]['id'] if st else '-'))
        elif k=='firstHasHelplines':
            if not st or not st[0].get('helplines'): errs.append('firstHasHelplines')
        elif k=='maxStepsBeyondSafety':
            n=sum(1 for s in st if s['phase']!='SAFETY')
            if n>v: errs.append(f"{n} steps beyond safety")
        elif k=='maxSteps':
            if len(st)>v: errs.append(f"{len(st)} steps: "+",".join(s['id'] for s in st))
        elif k=='minSteps':
            if len(st)<v: errs.append('minSteps')
        elif k=='phaseBefore':
            idx=[i for i,s in enumerate(st) if s['phase']==v['phase']]
            ap=[i for i,s in enumerate(st) if (v['beforeKind'] in s['kinds']) or (v['beforeKind']=='apology' and isap(s))]
            if not idx: errs.append('no '+v['phase'])
            elif ap and min(ap)<idx[0]: errs.append('apology before stop')
        elif k=='noStepSays':
            for s in st:
                txt=(s['title']+' '+s['detail']).lower()
                for w in v:
                    if w.lower() in txt: errs.append(f"{s['id']} says {w!r}")
        elif k=='phaseOrder':
            for x,y in zip(st,st[1:]):
                if (PH.index(x['phase']),x['rank'])>(PH.index(y['phase']),y['rank']): errs.append('order')
        elif k=='explained':
            for s in st:
                if not all(s.get(f) for f in ('title','detail','why','rule')) or '{' in s['why']: errs.append('explain '+s['id'])
            for w in wh:
                if not w.get('reason') or '{' in w['reason']: errs.append('explain '+w['id'])
        elif k=='disclaimer':
            if not p.get('disclaimer'): errs.append('disclaimer')
    return errs
ANS={json.loads(l)["id"]:json.loads(l)["answers"] for l in open(sys.argv[3])}
bad=collections.Counter(); ex={}
n=0
for line in open(sys.argv[2]):
    r=json.loads(line); n+=1
    if 'plan' not in r: bad['ERROR']+=1; ex.setdefault('ERROR',(r['id'],r.get('error'))); continue
    p=r['plan']; a=r['_answers'] if '_answers' in r else None
    a=ANS[r['id']]
    for g in G:
        if holds_when(g.get('when'),a,p):
            e=check(g['then'],a,p)
            if e: bad[g['id']]+=1; ex.setdefault(g['id'],(r['id'],a,e[:3]))
print(n,'plans checked')
for k,v in bad.items(): print('BROKEN',k,v,ex[k])
