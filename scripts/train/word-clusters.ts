// Learns the tagger's word clusters (src/extract/tagger/clusters.ts) from unlabeled text: the
// `text` of every split=train unit of the annotation sets (labels are not read; dev and test text
// never is). Each frequent lower-cased token gets a context vector - positive PMI of its left and
// right neighbours among the most frequent words - reduced by a seeded random projection and
// clustered by spherical k-means at two granularities. Deterministic: the same text gives the same
// file. Writes data/models/word-clusters.json.
import * as fs from 'node:fs';
import { TOKEN_PATTERN } from '../../src/extract/tagger/tokens';
import type { WordClusterFile } from '../../src/extract/tagger/clusters';
import { loadUnits, type Source } from './tagger-data';

export interface ClusterOptions {
  evalDir: string;
  outFile: string;
  sources: Source[];
  /** Words seen fewer times get no class. */
  minCount: number;
  maxWords: number;
  /** Most frequent words used as contexts (left and right). */
  contexts: number;
  dims: number;
  levels: number[];
  iterations: number;
  seed: number;
  log: (line: string) => void;
}

export const DEFAULT_CLUSTER_OPTIONS: Omit<ClusterOptions, 'evalDir' | 'outFile' | 'log'> = {
  sources: ['gsap', 'tdmsci', 'scierc', 'scirex'],
  minCount: 4,
  maxWords: 40_000,
  contexts: 1_000,
  dims: 96,
  levels: [64, 512],
  iterations: 12,
  seed: 7,
};

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalizeRows(m: Float32Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += m[r * dims + d] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dims; d++) m[r * dims + d] *= inv;
  }
}

/** Spherical k-means (cosine), centers seeded from the most frequent words spread by a seeded draw. */
function kmeans(x: Float32Array, n: number, dims: number, k: number, iterations: number, seed: number): Int32Array {
  const rand = rng(seed);
  const centers = new Float32Array(k * dims);
  // k-means++ seeding over the 8k most frequent words (rows are sorted by frequency).
  const pool = Math.min(n, Math.max(k * 8, 8000));
  const best = new Float64Array(pool).fill(Infinity);
  let pick = 0;
  for (let c = 0; c < k; c++) {
    centers.set(x.subarray(pick * dims, pick * dims + dims), c * dims);
    let total = 0;
    for (let i = 0; i < pool; i++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += x[i * dims + d] * centers[c * dims + d];
      const dist = Math.max(0, 1 - dot);
      if (dist < best[i]) best[i] = dist;
      total += best[i];
    }
    let r = rand() * total;
    pick = pool - 1;
    for (let i = 0; i < pool; i++) {
      r -= best[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let arg = 0;
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const o = c * dims;
        const p = i * dims;
        for (let d = 0; d < dims; d++) dot += x[p + d] * centers[o + d];
        if (dot > top) {
          top = dot;
          arg = c;
        }
      }
      if (assign[i] !== arg || it === 0) moved++;
      assign[i] = arg;
    }
    centers.fill(0);
    for (let i = 0; i < n; i++)
      for (let d = 0; d < dims; d++) centers[assign[i] * dims + d] += x[i * dims + d];
    normalizeRows(centers, k, dims);
    if (moved === 0) break;
  }
  return assign;
}

export async function trainWordClusters(opt: ClusterOptions): Promise<void> {
  const units = (await loadUnits(opt.evalDir, opt.sources)).filter((u) => u.split === 'train');
  const pattern = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  const docs: string[][] = units.map((u) => (u.text.match(pattern) ?? []).map((t) => t.toLowerCase()));
  const count = new Map<string, number>();
  let tokens = 0;
  for (const d of docs)
    for (const t of d) {
      count.set(t, (count.get(t) ?? 0) + 1);
      tokens++;
    }
  const byFreq = [...count.entries()]
    .filter(([w, c]) => c >= opt.minCount && w.length <= 40)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.slice(0, opt.maxWords).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const C = Math.min(opt.contexts, vocab.length);
  opt.log(`word clusters: ${units.length} train units, ${tokens} tokens, ${vocab.length} words, ${C} contexts`);

  // Co-occurrence counts: word x (left context | right context), sentence boundaries ignored.
  const V = vocab.length;
  const width = 2 * C;
  const co = new Float32Array(V * width);
  for (const d of docs)
    for (let i = 0; i < d.length; i++) {
      const w = index.get(d[i]);
      if (w === undefined) continue;
      const l = i > 0 ? index.get(d[i - 1]) : undefined;
      const r = i + 1 < d.length ? index.get(d[i + 1]) : undefined;
      if (l !== undefined && l < C) co[w * width + l]++;
      if (r !== undefined && r < C) co[w * width + C + r]++;
    }
  // Positive PMI.
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(width);
  let total = 0;
  for (let w = 0; w < V; w++)
    for (let j = 0; j < width; j++) {
      const v = co[w * width + j];
      rowSum[w] += v;
      colSum[j] += v;
      total += v;
    }
  // Seeded Gaussian projection (Box-Muller) of the PPMI rows to `dims` dimensions.
  const rand = rng(opt.seed);
  const proj = new Float32Array(width * opt.dims);
  for (let i = 0; i < proj.length; i++)
    proj[i] = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const x = new Float32Array(V * opt.dims);
  for (let w = 0; w < V; w++)
    for (let j = 0; j < width; j++) {
      const v = co[w * width + j];
      if (v === 0) continue;
      const pmi = Math.log((v * total) / (rowSum[w] * colSum[j]));
      if (pmi <= 0) continue;
      for (let d = 0; d < opt.dims; d++) x[w * opt.dims + d] += pmi * proj[j * opt.dims + d];
    }
  normalizeRows(x, V, opt.dims);
  const classes = opt.levels.map((k, l) => {
    const started = Date.now();
    const a = kmeans(x, V, opt.dims, k, opt.iterations, opt.seed + l + 1);
    opt.log(`word clusters: ${k} classes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return [...a];
  });
  const file: WordClusterFile = {
    format: 'papergraph-word-clusters/1',
    levels: opt.levels,
    words: vocab.join('\n'),
    classes,
    meta: {
      trainedWith: 'scripts/train/word-clusters.ts (npm run train:extractor)',
      algorithm:
        'positive PMI of left/right neighbours among the most frequent words, seeded Gaussian random projection, spherical k-means per level',
      text: `the text of split=train units of ${opt.sources.join(', ')} in ../shared/eval/train (labels not read; dev/test text never read)`,
      licences:
        'text of the papers in GSAP-NER (no licence stated), TDMSci, SciERC and SciREX (see ../shared/eval/train/README.md); only word classes are kept, no text',
      tokens,
      words: V,
      contexts: C,
      dims: opt.dims,
      minCount: opt.minCount,
      seed: opt.seed,
    },
  };
  fs.writeFileSync(opt.outFile, JSON.stringify(file));
  opt.log(`word clusters: wrote ${opt.outFile}`);
}
