// Word clusters: distributional classes of lower-cased tokens, learned from the unlabeled text of
// the training annotations (scripts/train/word-clusters.ts) and shipped as data
// (data/models/word-clusters.json). The tagger uses a token's classes as features, so a word it
// never saw labelled shares weights with words that occur in the same contexts ("ViT" and "ResNet",
// "COCO" and "ImageNet"). Two granularities, a coarse and a fine class per word.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface WordClusterFile {
  format: 'papergraph-word-clusters/1';
  /** Number of classes of each level, coarse first. */
  levels: number[];
  /** Words in one string separated by `\n`; `classes[level][i]` is word i's class at that level. */
  words: string;
  classes: number[][];
  meta: Record<string, unknown>;
}

/**
 * The tagger features of a word's classes, built once at load so that tagging concatenates nothing:
 * `at` when the word is the token tagged (`K12`, `k345`), `before` when it comes just before that
 * token (`<K12`...), `after` when it comes just after it (`>K12`...).
 */
export interface ClassFeatures {
  at: readonly string[];
  before: readonly string[];
  after: readonly string[];
}

export interface WordClusters {
  classes: Map<string, ClassFeatures>;
  /** The features of a word without a class (rare, or not in the text the classes came from). */
  unknown: ClassFeatures;
  hash: string;
}

export const CLUSTERS_FILE = path.join(__dirname, '..', '..', '..', 'data', 'models', 'word-clusters.json');

export function parseWordClusters(text: string): WordClusters {
  const file = JSON.parse(text) as WordClusterFile;
  if (file.format !== 'papergraph-word-clusters/1')
    throw new Error(`word clusters: unknown format ${String(file.format)}`);
  const words = file.words.split('\n');
  const names = ['K', 'k', 'q', 'Q'];
  const of = (values: string[]): ClassFeatures => ({
    at: values,
    before: values.map((v) => `<${v}`),
    after: values.map((v) => `>${v}`),
  });
  const classes = new Map<string, ClassFeatures>();
  words.forEach((w, i) => classes.set(w, of(file.classes.map((level, l) => `${names[l]}${level[i]}`))));
  return { classes, unknown: of(['k?']), hash: createHash('sha256').update(text).digest('hex').slice(0, 8) };
}

let loaded: WordClusters | undefined;
let overrideFile: string | undefined;

function clusterFileText(): string {
  const candidates = overrideFile
    ? [overrideFile]
    : [CLUSTERS_FILE, path.join(__dirname, '..', '..', '..', '..', 'data', 'models', 'word-clusters.json')];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file)
    throw new Error(
      `word clusters not found (looked in ${candidates.join(', ')}); run \`npm run train:extractor\``,
    );
  return fs.readFileSync(file, 'utf8');
}

/** The shipped clusters (or the file given to useWordClustersFile), read once per process. */
export function wordClusters(): WordClusters {
  loaded ??= parseWordClusters(clusterFileText());
  return loaded;
}

/** Training: read the clusters from another file from now on (the trainer writes them first). */
export function useWordClustersFile(file: string): void {
  overrideFile = file;
  loaded = undefined;
}
