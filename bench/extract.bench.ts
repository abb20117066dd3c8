// Extraction benchmark (`npm run bench:extract`): GSAP + SciREX abstracts (from ../shared/eval when
// present, else a synthetic fallback) repeated to N papers; abstracts/s on one thread and with the
// worker pool on all cores, peak RSS, and - in the same run - the reference cost of a plain
// compromise full parse (`nlp(text).nouns()`). Every copy gets a distinct id and a distinct marker
// sentence, so each abstract is processed in full; what carries over between papers is the tagger's
// per-word memo (src/extract/tagger/scorer.ts), which a repeated corpus favours. So the run also times
// distinct texts of abstract length (pairs of GSAP training paragraphs, when present), whose words
// repeat only as a real stream's do.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';
import { extract, EXTRACTOR_VERSION } from '../src/extract/extractor';
import type { PaperInput } from '../src/extract/extraction.types';
import { createExtractionPool } from '../src/extract/worker-pool';
import { referenceNouns } from './lib/extract-reference';

const TOTAL = Number(process.env.BENCH_PAPERS ?? 10_000);
const REFERENCE_SAMPLE = Number(process.env.BENCH_REFERENCE_PAPERS ?? 1_000);
const DISTINCT = Number(process.env.BENCH_DISTINCT_TEXTS ?? 3_000);
const EVAL_DIR = process.env.PAPERGRAPH_EVAL_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'eval');

interface Source {
  title: string;
  abstract: string;
}

function loadSources(): { sources: Source[]; origin: string } {
  const files = ['gsap-ner.jsonl', 'scirex-train.jsonl'].map((f) => path.join(EVAL_DIR, f));
  const sources: Source[] = [];
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { title?: string; abstract?: string };
      if (r.abstract) sources.push({ title: r.title ?? '', abstract: r.abstract });
    }
  }
  if (sources.length > 0) return { sources, origin: files.filter(existsSync).join(', ') };
  // Synthetic fallback: abstracts assembled from general sentence templates.
  const methods = ['ResNet', 'BERT', 'Transformer', 'LSTM', 'GPT-2', 'ViT', 'Adam', 'MLP-Mixer'];
  const datasets = ['ImageNet', 'CIFAR-10', 'SQuAD', 'GLUE', 'COCO', 'MNIST'];
  for (let i = 0; i < 200; i++) {
    const m = methods[i % methods.length];
    const d = datasets[i % datasets.length];
    sources.push({
      title: `Synth${i}Net: Efficient Learning with ${m}`,
      abstract:
        `We propose Synth${i}Net, a lightweight variant of ${m} for image classification. ` +
        `It replaces the attention layers of the Transformer with gated MLP blocks (gMLP). ` +
        `Experiments on ${d} and CIFAR-100 show that our model outperforms ${methods[(i + 3) % methods.length]} by 2.1% accuracy. ` +
        `Code is available at https://github.com/example/synth${i}net.`,
    });
  }
  return { sources, origin: 'synthetic' };
}

/** Up to `n` distinct texts of abstract length: consecutive pairs of GSAP training paragraphs. */
function distinctTexts(n: number): PaperInput[] {
  const file = path.join(EVAL_DIR, 'train', 'gsap_ner_paragraphs.jsonl');
  if (!existsSync(file)) return [];
  const paragraphs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text?: string }).text ?? '');
  const out: PaperInput[] = [];
  for (let i = 0; i + 1 < paragraphs.length && out.length < n; i += 2)
    out.push({ id: `distinct-${i}`, title: '', abstract: `${paragraphs[i]} ${paragraphs[i + 1]}` });
  return out;
}

function papers(sources: Source[], n: number): PaperInput[] {
  const out: PaperInput[] = [];
  for (let i = 0; i < n; i++) {
    const s = sources[i % sources.length];
    // A distinct tail per copy so no layer could reuse a previous result.
    out.push({ id: `bench-${i}`, title: s.title, abstract: `${s.abstract} Copy ${i}.` });
  }
  return out;
}

function rssMb(): number {
  return Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;
}

const USAGE = `bench:extract - extraction speed (abstracts/s one thread and worker pool, CPU time, peak RSS)
and the reference cost of a full compromise parse, over the GSAP + SciREX abstracts repeated, and
one thread over distinct texts of abstract length (GSAP training paragraph pairs, when present).

usage: node dist/bench/extract.bench.js [--help]
environment:
  BENCH_PAPERS=N            papers to extract (default 10000; 1000-2000 is a quick run)
  BENCH_REFERENCE_PAPERS=N  papers for the nlp(text).nouns() reference (default 1000; it is slow)
  BENCH_DISTINCT_TEXTS=N    distinct texts (GSAP training paragraph pairs) timed on one thread (default 3000)
  PAPERGRAPH_EVAL_DIR=DIR   where gsap-ner.jsonl / scirex-train.jsonl are (else a synthetic corpus)
writes bench/results/extract.json and prints it.
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const { sources, origin } = loadSources();
  const input = papers(sources, TOTAL);
  let peak = rssMb();
  /** Peak of the current phase (the pool run's, for the memory each worker adds). */
  let phasePeak = peak;
  const samples: number[] = [];
  const sample = (): void => {
    const r = rssMb();
    peak = Math.max(peak, r);
    phasePeak = Math.max(phasePeak, r);
    samples.push(r);
  };
  const timer = setInterval(sample, 50);

  // Warm-up (lexicon compile, JIT) outside the measurement.
  for (let i = 0; i < 50; i++) extract(input[i]);

  // 1 thread (in the main thread, the same code the worker runs).
  // CPU seconds (process.cpuUsage covers all threads of the process) next to wall time: on a
  // shared machine, abstracts per CPU-second is the per-core rate; wall time shows contention.
  const cpuSec = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
  let c0 = process.cpuUsage();
  let t0 = process.hrtime.bigint();
  let entities = 0;
  for (let i = 0; i < input.length; i++) {
    entities += extract(input[i]).entities.length;
    if (i % 1000 === 0) sample();
  }
  const singleSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const singleCpu = cpuSec(process.cpuUsage(c0));
  const rssAfterSingle = rssMb();

  // Distinct texts, one thread: no text repeats, words repeat as they do in a real stream.
  const distinct = distinctTexts(DISTINCT);
  c0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  let distinctChars = 0;
  for (const p of distinct) {
    distinctChars += p.abstract.length;
    extract(p);
  }
  const distinctSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const distinctCpu = cpuSec(process.cpuUsage(c0));

  // Worker pool on all cores, streaming with a bounded number of papers in flight.
  const threads = availableParallelism();
  const rssBeforePool = rssMb();
  phasePeak = rssBeforePool;
  const pool = createExtractionPool({ threads });
  const warm = await Promise.all(input.slice(0, 50 * threads).map((p) => pool.extract(p)));
  void warm;
  c0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  const inFlight = new Set<Promise<void>>();
  let poolEntities = 0;
  for (const p of input) {
    const job = pool.extract(p).then((r) => {
      poolEntities += r.entities.length;
      inFlight.delete(job);
    });
    inFlight.add(job);
    if (inFlight.size >= 64 * threads) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const poolSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const poolCpu = cpuSec(process.cpuUsage(c0));
  sample();
  // What the workers added to the process (each holds its own model, lexicon and compromise).
  const perWorkerMb = Math.round(((phasePeak - rssBeforePool) / threads) * 10) / 10;
  await pool.close();

  // Reference: compromise full parse of the same texts (a sample; its rate is what matters).
  const refN = Math.min(REFERENCE_SAMPLE, input.length);
  c0 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  let nouns = 0;
  for (let i = 0; i < refN; i++) nouns += referenceNouns(`${input[i].title}. ${input[i].abstract}`);
  const refSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const refCpu = cpuSec(process.cpuUsage(c0));
  clearInterval(timer);
  sample();

  const half = samples.slice(Math.floor(samples.length / 2));
  const result = {
    date: new Date().toISOString(),
    loadAverage1m: Math.round(loadavg()[0] * 10) / 10,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    extractorVersion: EXTRACTOR_VERSION,
    corpus: { origin, distinctAbstracts: sources.length, papers: input.length },
    singleThread: {
      seconds: round(singleSec),
      abstractsPerSecond: Math.round(input.length / singleSec),
      cpuSeconds: round(singleCpu),
      abstractsPerCpuSecond: Math.round(input.length / singleCpu),
      entities,
    },
    distinctTexts:
      distinct.length === 0
        ? { texts: 0, note: 'train/gsap_ner_paragraphs.jsonl not found' }
        : {
            texts: distinct.length,
            meanChars: Math.round(distinctChars / distinct.length),
            seconds: round(distinctSec),
            abstractsPerSecond: Math.round(distinct.length / distinctSec),
            cpuSeconds: round(distinctCpu),
            abstractsPerCpuSecond: Math.round(distinct.length / distinctCpu),
          },
    workerPool: {
      threads,
      seconds: round(poolSec),
      abstractsPerSecond: Math.round(input.length / poolSec),
      cpuSeconds: round(poolCpu),
      abstractsPerCpuSecond: Math.round(input.length / poolCpu),
      entities: poolEntities,
    },
    compromiseNounsReference: {
      papers: refN,
      seconds: round(refSec),
      abstractsPerSecond: Math.round(refN / refSec),
      cpuSeconds: round(refCpu),
      abstractsPerCpuSecond: Math.round(refN / refCpu),
      nouns,
    },
    memory: {
      peakRssMb: peak,
      rssBeforePoolMb: rssBeforePool,
      perWorkerMb,
      rssAfterSingleThreadMb: rssAfterSingle,
      rssSamples: samples.length,
      rssMinSecondHalfMb: Math.min(...half),
      rssMaxSecondHalfMb: Math.max(...half),
    },
  };
  const outDir = path.join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'extract.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:extract failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
