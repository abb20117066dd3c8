// Writes the tagger's document-level evaluation sets in the format of
// `../shared/eval/score_docsets.py` ({"id","title","abstract","gold":[{"type","text"}]}), from the
// annotations in `<evalDir>/train/`:
//   gsap-dev.jsonl   GSAP-NER fold 8 paragraphs (split=dev), train label map  - tune here
//   gsap-test.jsonl  GSAP-NER fold 9 paragraphs (split=test), train label map - report once per version
//   tdmsci-dev.jsonl the fixed fifth of TDMSci train held out of training (scripts/train/tagger-data.ts)
// usage: node dist/scripts/eval/make-eval-sets.js --eval-dir ../shared/eval --out /tmp/pg-eval
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { Command } from 'commander';
import { tdmsciSplit } from '../train/tagger-data';

interface Raw {
  id: string;
  split: string;
  text: string;
  entities: { type: string; text: string }[];
}

async function* records(file: string): AsyncGenerator<Raw> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as Raw;
}

function row(r: Raw, types: string[]): string {
  const gold = r.entities.filter((e) => types.includes(e.type)).map((e) => ({ type: e.type, text: e.text }));
  return JSON.stringify({ id: r.id, title: '', abstract: r.text, gold });
}

async function main(): Promise<void> {
  const o = new Command()
    .option('--eval-dir <dir>', 'folder holding train/', '../shared/eval')
    .option('--out <dir>', 'output folder', '/tmp/pg-eval')
    .parse()
    .opts<{ evalDir: string; out: string }>();
  fs.mkdirSync(o.out, { recursive: true });
  const gsap = { dev: [] as string[], test: [] as string[] };
  for await (const r of records(path.join(o.evalDir, 'train', 'gsap_ner_paragraphs.jsonl'))) {
    if (r.split === 'dev' || r.split === 'test') gsap[r.split].push(row(r, ['method', 'dataset', 'task']));
  }
  const tdm: string[] = [];
  for await (const r of records(path.join(o.evalDir, 'train', 'tdmsci_train.jsonl'))) {
    if (r.split === 'train' && tdmsciSplit(r.id) === 'dev') tdm.push(row(r, ['dataset', 'task']));
  }
  const write = (name: string, rows: string[]): void => {
    fs.writeFileSync(path.join(o.out, name), rows.join('\n') + '\n');
    process.stderr.write(`${path.join(o.out, name)}: ${rows.length} units\n`);
  };
  write('gsap-dev.jsonl', gsap.dev);
  write('gsap-test.jsonl', gsap.test);
  write('tdmsci-dev.jsonl', tdm);
}

void main();
