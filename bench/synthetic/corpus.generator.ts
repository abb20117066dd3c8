// Deterministic synthetic corpus for the ingest and API benchmarks (and the outage test): papers
// with a realistic ML vocabulary, power-law (Zipf) entity popularity, and abstracts of about
// 1,000-1,800 characters written in the phrasings real abstracts use ("we propose X, which extends
// Y", "evaluated on D"). Same seed and count -> byte-identical output. No dependencies.

export interface SyntheticPaper {
  id: string;
  arxivId: string;
  title: string;
  abstract: string;
  published: string;
  authors: string[];
  links: string[];
}

export interface GenerateOptions {
  papers: number;
  seed?: number;
}

/** mulberry32: small, fast, deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REAL_METHODS = [
  'Transformer',
  'ResNet',
  'BERT',
  'LSTM',
  'Adam',
  'Dropout',
  'Batch Normalization',
  'ViT',
  'GAN',
  'U-Net',
  'MLP-Mixer',
  'GPT-2',
  'RoBERTa',
  'DenseNet',
  'Swin Transformer',
  'LoRA',
  'CLIP',
  'DDPM',
  'GCN',
  'Mamba',
];
const REAL_DATASETS = [
  'ImageNet',
  'CIFAR-10',
  'COCO',
  'GLUE',
  'SQuAD',
  'CIFAR-100',
  'MNIST',
  'WikiText-103',
  'ADE20K',
  'Cityscapes',
  'LibriSpeech',
  'Kinetics-400',
  'PASCAL VOC',
  'SuperGLUE',
  'ShapeNet',
];
const TASKS = [
  'image classification',
  'object detection',
  'semantic segmentation',
  'machine translation',
  'question answering',
  'language modeling',
  'speech recognition',
  'time series forecasting',
  'text classification',
  'image generation',
  'graph classification',
  'reinforcement learning',
  'depth estimation',
  'action recognition',
  'named entity recognition',
  'summarization',
  'link prediction',
  'anomaly detection',
  'pose estimation',
  'code generation',
];
const PREFIX = [
  'Res',
  'Dense',
  'Swin',
  'Graph',
  'Deep',
  'Conv',
  'Trans',
  'Flow',
  'Sparse',
  'Mix',
  'Meta',
  'Hyper',
  'Neuro',
  'Quant',
  'Dyna',
  'Lumi',
  'Omni',
  'Poly',
  'Tensor',
  'Vector',
  'Cross',
  'Mega',
  'Nano',
  'Fast',
  'Token',
  'Patch',
  'Wave',
  'Spectra',
  'Proto',
  'Sino',
];
const ROOT = [
  'Former',
  'Net',
  'Mixer',
  'GAN',
  'BERT',
  'Diff',
  'Flow',
  'Attn',
  'Conv',
  'MLP',
  'KAN',
  'Vit',
  'Seg',
  'Det',
  'Gen',
  'RNN',
  'SSM',
  'Coder',
  'Fuse',
  'Gate',
];
const SUFFIX = ['', '', '', '-v2', '-L', '++', 'X', '-3', '-Lite', 'Pro', '-S', '-XL'];
const DATA_ROOT = ['Bench', 'Set', 'Corpus', 'QA', 'Scenes', 'Vox', 'Text', 'Pix', 'Graph', 'Med'];
const VERBS = ['extends', 'builds on', 'improves', 'generalizes'];
const COMPONENTS = [
  'attention layers',
  'MLP layers',
  'convolution blocks',
  'normalization layers',
  'residual connections',
  'positional encodings',
];
const FILLER = [
  'Extensive experiments show consistent gains over strong baselines while reducing the number of parameters.',
  'The approach is simple to implement, stable to train and scales favorably with model size and data.',
  'We provide a detailed ablation study that isolates the contribution of each component.',
  'Our analysis reveals that the learned representations transfer well to downstream tasks.',
  'In addition, the method requires substantially less compute at inference time than prior work.',
  'We further discuss limitations and outline directions for future research on efficient architectures.',
  'Theoretical analysis establishes convergence guarantees under mild assumptions on the data distribution.',
  'Qualitative results illustrate that the model captures long-range dependencies and fine-grained structure.',
  'The resulting models set a new state of the art under comparable training budgets.',
  'We release pretrained checkpoints and training recipes to facilitate reproducibility.',
];
const FIRST = [
  'Alex',
  'Maria',
  'Wei',
  'Priya',
  'John',
  'Yuki',
  'Omar',
  'Elena',
  'Chen',
  'Sara',
  'Lukas',
  'Ana',
  'Hiro',
  'Fatima',
  'Ivan',
];
const LAST = [
  'Smith',
  'Zhang',
  'Garcia',
  'Kumar',
  'Müller',
  'Tanaka',
  'Rossi',
  'Kim',
  'Nguyen',
  'Silva',
  'Cohen',
  'Novak',
  'Okafor',
  'Larsen',
  'Wang',
];

/** Zipf sampler over n ranks (exponent s): rank 0 is the most popular. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + 1, s);
    cdf[i] = sum;
  }
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function vocabulary(size: number, rand: () => number): string[] {
  const names = new Set<string>(REAL_METHODS);
  // prefix x root x suffix gives a few thousand names; past that (corpora above ~57k papers), names get
  // a generation number, so any corpus size terminates and smaller corpora keep their exact names.
  const space = PREFIX.length * ROOT.length * SUFFIX.length;
  let attempts = 0;
  while (names.size < size) {
    const p = PREFIX[Math.floor(rand() * PREFIX.length)];
    const r = ROOT[Math.floor(rand() * ROOT.length)];
    const x = SUFFIX[Math.floor(rand() * SUFFIX.length)];
    const generation = Math.floor(attempts++ / (2 * space));
    names.add(generation === 0 ? `${p}${r}${x}` : `${p}${r}${x}-${generation + 1}`);
  }
  return [...names];
}

function datasetVocabulary(size: number, rand: () => number): string[] {
  const names = new Set<string>(REAL_DATASETS);
  while (names.size < size) {
    const p = PREFIX[Math.floor(rand() * PREFIX.length)];
    const r = DATA_ROOT[Math.floor(rand() * DATA_ROOT.length)];
    names.add(`${p}${r}-${Math.floor(rand() * 900 + 100)}`);
  }
  return [...names];
}

/** Yields `papers` synthetic papers; deterministic for a given seed. */
export function* generateCorpus(options: GenerateOptions): Iterable<SyntheticPaper> {
  const rand = prng(options.seed ?? 42);
  const methods = vocabulary(Math.max(200, Math.round(options.papers / 8)), rand);
  const datasets = datasetVocabulary(Math.max(60, Math.round(options.papers / 60)), rand);
  const pickMethod = zipf(methods.length, 1.05, rand);
  const pickDataset = zipf(datasets.length, 1.1, rand);
  const pickTask = zipf(TASKS.length, 0.9, rand);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < options.papers; i++) {
    const year = 2015 + Math.floor((i * 10) / Math.max(1, options.papers));
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const arxivId = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(10000 + (i % 90000)).padStart(5, '0')}`;
    // A fresh method name per paper (the introduced one), derived from popular roots.
    const base = methods[pickMethod()];
    const parent = methods[pickMethod()];
    const other = methods[pickMethod()];
    const name = `${pick(PREFIX)}${pick(ROOT)}-${(i % 997) + 1}`;
    const task = TASKS[pickTask()];
    const d1 = datasets[pickDataset()];
    const d2 = datasets[pickDataset()];
    const owner = `${pick(FIRST).toLowerCase()}-lab${i % 113}`;
    const sentences = [
      `We propose ${name}, a new architecture for ${task}.`,
      `${name} ${pick(VERBS)} ${parent} by replacing its ${pick(COMPONENTS)} with learned ${pick(COMPONENTS)}.`,
      `Unlike ${base}, our model uses ${other} as a component and is trained with ${methods[pickMethod()]}.`,
      `We evaluate ${name} on ${d1} and ${d2}, where it outperforms ${base} and ${parent}.`,
    ];
    let abstract = sentences.join(' ');
    const target = 1000 + Math.floor(rand() * 800);
    let f = Math.floor(rand() * FILLER.length);
    while (abstract.length < target - 60) {
      abstract += ' ' + FILLER[f % FILLER.length];
      f += 1 + Math.floor(rand() * 3);
    }
    const withCode = rand() < 0.4;
    const repo = `https://github.com/${owner}/${name.toLowerCase()}`;
    if (withCode) abstract += ` Code is available at ${repo}.`;
    const authors = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => `${pick(FIRST)} ${pick(LAST)}`);
    yield {
      id: arxivId,
      arxivId,
      title: `${name}: ${pick(['Rethinking', 'Scaling', 'Efficient', 'Towards robust', 'Simple'])} ${task} with ${parent}`,
      abstract,
      published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      authors,
      links: withCode ? [repo] : [],
    };
  }
}
