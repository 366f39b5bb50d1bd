#!/usr/bin/env python3
"""Render batch output (JSON Lines) as plain text a counsellor can read: python3 render.py plans.jsonl [--short]"""
import json, sys
short = "--short" in sys.argv
for line in open(sys.argv[1]):
    r = json.loads(line)
    p = r.get("plan")
    print(f"### {r['id']}")
    if not p:
        print("  ERROR", r.get("error")); continue
    c = p["classification"]
    print(f"  track {c['track']} · {c['nature']} · {c['severity']}" + ("" if short else "  why: " + " | ".join(c.get("why", []))))
    for s in p["steps"]:
        hl = " [helplines: " + ", ".join(h.get("name", "") for h in s.get("helplines", [])) + "]" if s.get("helplines") else ""
        print(f"  {s['rank']:>2}. {s['phase']:<15} {s['id']} {s['kinds']}{hl}")
        if not short:
            print(f"        {s['title']}: {s['detail']}")
            print(f"        why: {s['why']}")
    print("  withheld: " + ", ".join(w["id"] for w in p["withheld"]))
    if not short:
        for w in p["withheld"]:
            print(f"     - {w['id']}: {w['reason']}")
    print()
