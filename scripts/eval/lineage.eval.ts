// Measures the lineage classifier (docs/EXTRACTION.md, "Lineage"):
//   npm run eval:lineage -- [evalDir=../shared/eval]
// 1. relations dev split, given gold mentions: the shipped model over the annotated method pairs of
//    each dev sentence; (child, parent) pairs against the lineage relations (types mapped as in
//    scripts/train/lineage.data.ts; relation type not compared).
// 2. relations dev split, end to end: every dev unit (a SciERC abstract, a SciNLP sentence) run through
//    `extract()` as a paper; predicted (child, parent) names against the gold pairs' texts (folded:
//    lower case, letters and digits, plural s).
// 3. dev page, 5-fold by paper: models retrained without the held-out papers, records written to
//    /tmp/lineage-page-5fold.jsonl and scored by score_extract.py (the shipped model saw the page).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extract } from '../../src/extract/extractor';
import { withLineageModel } from '../../src/extract/lineage';
import { foldName } from '../../src/extract/lineage/features';
import { loadLineageModel } from '../../src/extract/lineage/model';
import { LINEAGE_MODEL_FILE } from '../../src/extract/lineage';
import { readJsonlSync } from '../train/jsonl';
import { detokenize, lineageOf, readPagePapers, relationExamples } from '../train/lineage.data';
import { DEFAULT_TRAIN_OPTIONS, f1, loadLineageData, pageFolds, pairCounts } from '../train/lineage.train';

interface RelRecord {
  id: string;
  text: string;
  entities: { id: string; type: string; text: string }[];
  relations: { type: string; head: string; tail: string }[];
  split: string;
}

const fmt = (x: { p: number; r: number; f: number }, c: { tp: number; fp: number; fn: number }): string =>
  `P=${x.p.toFixed(3)} R=${x.r.toFixed(3)} F1=${x.f.toFixed(3)} (tp=${c.tp} fp=${c.fp} fn=${c.fn})`;

function endToEnd(file: string): { tp: number; fp: number; fn: number } {
  const corpus = path.basename(file).startsWith('scierc') ? 'scierc' : 'scinlp';
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const r of readJsonlSync<RelRecord>(file)) {
    if (r.split !== 'dev') continue;
    const text = detokenize(r.text).text;
    const byId = new Map(r.entities.map((e) => [e.id, e]));
    const gold = new Set<string>();
    for (const rel of r.relations) {
      const l = lineageOf(corpus, rel.type, rel.head, rel.tail);
      const ch = byId.get(l?.child ?? '');
      const pa = byId.get(l?.parent ?? '');
      const methodType = corpus === 'scierc' ? 'Method' : 'method';
      if (!l || !ch || !pa || ch.type !== methodType || pa.type !== methodType) continue;
      gold.add(`${foldName(detokenize(ch.text).text)}|${foldName(detokenize(pa.text).text)}`);
    }
    const rec = extract({ id: r.id, title: '', abstract: text });
    const names = new Map(rec.entities.map((e) => [e.name, [e.name, ...e.aliases].map(foldName)]));
    const hit = new Set<string>();
    for (const l of rec.lineage) {
      const cn = names.get(l.child) ?? [foldName(l.child)];
      const pn = names.get(l.parent) ?? [foldName(l.parent)];
      const g = [...gold].find((k) => !hit.has(k) && cn.some((x) => pn.some((y) => k === `${x}|${y}`)));
      if (g) {
        hit.add(g);
        c.tp++;
      } else c.fp++;
    }
    c.fn += gold.size - hit.size;
  }
  return c;
}

async function main(): Promise<void> {
  const evalDir = path.resolve(process.argv[2] ?? '../shared/eval');
  const relDir = path.join(evalDir, 'train', 'relations');
  const shipped = loadLineageModel(LINEAGE_MODEL_FILE);
  const files = ['scierc_relations_train_dev.jsonl', 'scinlp_relations_train_dev.jsonl'].map((f) =>
    path.join(relDir, f),
  );
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const f of files) {
    const dev = relationExamples(f).filter((e) => e.source.endsWith(':dev'));
    const c = pairCounts(shipped, dev, shipped.threshold);
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    console.log(`relations dev, gold mentions, ${path.basename(f)}: ${fmt(f1(c), c)}`);
  }
  console.log(`relations dev, gold mentions, both: ${fmt(f1(all), all)}`);
  const e2e = { tp: 0, fp: 0, fn: 0 };
  for (const f of files) {
    const c = endToEnd(f);
    e2e.tp += c.tp;
    e2e.fp += c.fp;
    e2e.fn += c.fn;
    console.log(`relations dev, end to end, ${path.basename(f)}: ${fmt(f1(c), c)}`);
  }
  console.log(`relations dev, end to end, both: ${fmt(f1(e2e), e2e)}`);
  // Dev page, 5-fold.
  const data = await loadLineageData(evalDir, DEFAULT_TRAIN_OPTIONS);
  const folds = pageFolds(data, 5, DEFAULT_TRAIN_OPTIONS);
  const papers = await readPagePapers(path.join(evalDir, '..', 'corpus', 'trending-sample.txt'));
  const gold = JSON.parse(readFileSync(path.join(evalDir, 'seed-dev-gold.json'), 'utf8')) as {
    index: number;
    title: string;
  }[];
  const key = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const indexOf = new Map(gold.map((g) => [key(g.title), g.index]));
  const groups = [...new Set(data.page.map((e) => e.group))];
  const lines: string[] = [];
  for (const p of papers) {
    const idx = indexOf.get(key(p.title));
    const gi = groups.indexOf(`page:${idx}`);
    const fold = gi >= 0 ? gi % 5 : 0;
    lines.push(
      JSON.stringify(
        withLineageModel({ ...folds[fold].model, threshold: shipped.threshold }, () => extract(p)),
      ),
    );
  }
  const out = '/tmp/lineage-page-5fold.jsonl';
  writeFileSync(out, lines.join('\n') + '\n');
  const py = spawnSync(
    'python3',
    [path.join(evalDir, 'score_extract.py'), path.join(evalDir, 'seed-dev-gold.json'), out],
    {
      encoding: 'utf8',
    },
  );
  const row = py.stdout.split('\n').find((l) => l.startsWith('lineage'));
  console.log(`dev page, 5-fold by paper (score_extract.py): ${row ?? py.stderr}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
