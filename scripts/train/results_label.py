#!/usr/bin/env python3
"""Labels candidate claims for the claim scorer's training (scripts/train/results.train.ts).

usage: results_label.py SCORER.py GOLD.jsonl CANDIDATES.jsonl > LABELS.jsonl

The labels are the evaluation's own: SCORER.py (the evaluation's score_results.py) is imported and
its value matching (v_strict / v_loose, the same gold parsing and --reachable test) decides which
gold tuples each candidate (dataset, metric, value, unit) matches. CANDIDATES lines:
{"id", "cands": [{"dataset", "metric", "value", "unit"}]}. Output lines, same order:
{"id", "reachable": number of reachable gold value tuples, "match": [[gold tuple indices] per candidate]}.
Only training reads this; the product never does.
"""
import importlib.util
import json
import sys


def main(argv):
    scorer_path, gold_path, cand_path = argv[1:4]
    spec = importlib.util.spec_from_file_location('score_results', scorer_path)
    sr = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sr)
    gold = {}
    for g in sr.load_jsonl(gold_path, 'gold'):
        gold[str(g.get('id'))] = g
    out = sys.stdout
    with open(cand_path, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            g = gold.get(str(rec['id'])) or {}
            rows = [r for r in (g.get('results') or []) if sr.norm(r.get('dataset')) and sr.norm(r.get('metric'))]
            vt = []
            for r in rows:
                nums = sr.parse_score(r.get('score'))
                if nums:
                    vt.append((r['dataset'], r['metric'], nums))
            vt = sr.dedupe(vt, sr.vkey)
            tn = sr.text_numbers((g.get('title') or '') + '\n' + (g.get('abstract') or ''))
            reach = [i for i, t in enumerate(vt) if any(sr.num_match(x, y) for x in t[2] for y in tn)]
            matches = []
            for c in rec['cands']:
                n = sr.pred_num(c)
                if n is None:
                    matches.append([])
                    continue
                p = (c.get('dataset') or '', c.get('metric') or '', n)
                strict = [i for i in reach if sr.v_strict(p, vt[i])]
                loose = [i for i in reach if i not in strict and sr.v_loose(p, vt[i])]
                matches.append(strict + loose)
            out.write(json.dumps({'id': rec['id'], 'reachable': len(reach), 'match': matches}) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
