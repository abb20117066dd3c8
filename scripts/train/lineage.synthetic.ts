// Synthetic training sentences for the lineage classifier: how English states that one method
// builds on another ("A, a variant of B", "A extends B", "B-based A", "A replaces the B of C with
// D", "A combines B and C", "A consists of B and C") and how it states that two methods only meet
// (compared, listed, evaluated together, contrasted). The relation corpora rarely phrase lineage
// like ML abstracts do, and the dev page has only a few dozen edges, so without these a model
// trained from the data alone misses the plainest statements.
//
// Written here from general English, not from any evaluation or training file: the templates are
// this file's own wording and every name is made up by `inventName` (seeded, so the same call gives
// the same sentences). The classifier never sees a name anyway (mention words become one `<m>`
// token in the features); names matter only through their shape, containment and roles.
import type { LineageRelation } from '../../src/extract/extraction.types';
import type { PairInput, PairSide } from '../../src/extract/lineage/features';
import { foldName, pairFeatures } from '../../src/extract/lineage/features';
import type { PairClass } from '../../src/extract/lineage/model';
import { classIndex } from '../../src/extract/lineage/model';
import type { Example } from './lineage.data';
import { seededRandom } from './seeded-random';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const SYLLABLES = [
  'va',
  'lo',
  'tri',
  'zen',
  'qua',
  'mor',
  'pex',
  'ki',
  'dra',
  'sol',
  'nu',
  'bex',
  'ro',
  'fen',
];
const COINED_TAILS = ['Net', 'Former', 'Mixer', 'GAN', 'Flow', 'Diff', 'Seg', 'Rec', 'Gen', 'Nets'];
const GENERIC_PARENTS = [
  'self-attention',
  'convolution',
  'graph neural network',
  'recurrent network',
  'diffusion model',
  'state space model',
  'multilayer perceptron',
  'mixture of experts',
  'contrastive learning',
  'knowledge distillation',
  'gradient boosting',
  'variational autoencoder',
  'attention mechanism',
  'low-rank adaptation',
];
const COMPONENT_HEADS = ['layer', 'module', 'block', 'head', 'encoder', 'decoder', 'unit', 'gate'];

export type NameKind = 'coined' | 'acronym' | 'generic' | 'component';

/** A made-up method name of one shape (coined CamelCase, acronym, generic family, Title Case component). */
export function inventName(r: Rand, kind: NameKind): string {
  const word = (): string => {
    const n = 2 + Math.floor(r() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
    return w;
  };
  const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);
  switch (kind) {
    case 'coined': {
      const base = cap(word());
      const form = r();
      if (form < 0.5) return base + pick(r, COINED_TAILS);
      if (form < 0.7) return `${base}-${pick(r, ['2', 'v2', 'XL', 'Lite', 'S', 'L'])}`;
      if (form < 0.85) return base.slice(0, 4) + base.slice(4).toUpperCase().slice(0, 3);
      return base;
    }
    case 'acronym': {
      let s = '';
      const n = 3 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) s += String.fromCharCode(65 + Math.floor(r() * 26));
      return r() < 0.2 ? `${s}-${1 + Math.floor(r() * 9)}` : s;
    }
    case 'generic':
      return pick(r, GENERIC_PARENTS);
    case 'component':
      return `${cap(word())} ${cap(pick(r, COMPONENT_HEADS))}`;
  }
}

interface Slot {
  name: string;
  introduced: boolean;
  main: boolean;
  lexicon: boolean;
}

/**
 * One template: text with `{A}`, `{B}`, `{C}` slots and the relations it states as
 * `[child, parent, relation]` between slots. Pairs of slots it does not list are `none`.
 */
interface Template {
  text: string;
  edges: [string, string, LineageRelation][];
}

// `{A}` is usually the paper's new method, `{B}` / `{C}` prior methods or components.
const TEMPLATES: Template[] = [
  // variant_of
  { text: 'We propose {A}, a variant of {B} that is faster to train.', edges: [['A', 'B', 'variant_of']] },
  { text: '{A} is a lightweight version of {B} for mobile devices.', edges: [['A', 'B', 'variant_of']] },
  { text: '{A}, a simplified form of {B}, reduces memory use.', edges: [['A', 'B', 'variant_of']] },
  { text: 'Our {A} is a special case of {B} with shared weights.', edges: [['A', 'B', 'variant_of']] },
  { text: 'We introduce a modified {B}, called {A}, for long sequences.', edges: [['A', 'B', 'variant_of']] },
  { text: '{A} is a new member of the {B} family.', edges: [['A', 'B', 'variant_of']] },
  { text: 'A sparse adaptation of {B}, {A}, is presented.', edges: [['A', 'B', 'variant_of']] },
  { text: '{A} adapts {B} to point clouds.', edges: [['A', 'B', 'variant_of']] },
  { text: 'We present {A}, an efficient {B} variant.', edges: [['A', 'B', 'variant_of']] },
  // extends
  { text: '{A} extends {B} with a memory of past states.', edges: [['A', 'B', 'extends']] },
  { text: 'Building on {B}, we develop {A}.', edges: [['A', 'B', 'extends']] },
  { text: '{A} builds upon {B} and adds a routing step.', edges: [['A', 'B', 'extends']] },
  { text: '{A} is built on top of {B}.', edges: [['A', 'B', 'extends']] },
  { text: 'We extend {B} to video, yielding {A}.', edges: [['A', 'B', 'extends']] },
  { text: '{A} improves {B} by learning the step size.', edges: [['A', 'B', 'extends']] },
  { text: '{A} generalizes {B} to graphs of any size.', edges: [['A', 'B', 'extends']] },
  { text: 'As an extension of {B}, {A} handles missing inputs.', edges: [['A', 'B', 'extends']] },
  { text: '{A} is based on {B}.', edges: [['A', 'B', 'extends']] },
  { text: 'We propose {A}, a {B}-based model for retrieval.', edges: [['A', 'B', 'extends']] },
  { text: '{A} enhances {B} with an adaptive gate.', edges: [['A', 'B', 'extends']] },
  // replaces_component
  {
    text: '{A} replaces the {B} of a standard {C} with a learnable filter.',
    edges: [
      ['A', 'C', 'replaces_component'],
      ['A', 'B', 'replaces_component'],
    ],
  },
  {
    text: 'In {A}, the {B} layers of {C} are substituted by spline layers.',
    edges: [
      ['A', 'C', 'replaces_component'],
      ['A', 'B', 'replaces_component'],
    ],
  },
  {
    text: '{A} swaps the attention of {B} for a gated convolution.',
    edges: [['A', 'B', 'replaces_component']],
  },
  {
    text: 'We replace {B} with {C} in our {A}.',
    edges: [
      ['A', 'C', 'uses_component'],
      ['A', 'B', 'replaces_component'],
    ],
  },
  { text: 'Instead of {B}, {A} uses a fixed random projection.', edges: [['A', 'B', 'replaces_component']] },
  // combines
  {
    text: '{A} combines {B} and {C} in one network.',
    edges: [
      ['A', 'B', 'combines'],
      ['A', 'C', 'combines'],
    ],
  },
  {
    text: 'We propose {A}, a hybrid of {B} and {C}.',
    edges: [
      ['A', 'B', 'combines'],
      ['A', 'C', 'combines'],
    ],
  },
  {
    text: '{A} integrates {B} with {C}.',
    edges: [
      ['A', 'B', 'combines'],
      ['A', 'C', 'combines'],
    ],
  },
  {
    text: 'By fusing {B} and {C}, {A} captures both local and global context.',
    edges: [
      ['A', 'B', 'combines'],
      ['A', 'C', 'combines'],
    ],
  },
  // uses_component
  { text: '{A} uses {B} as its backbone.', edges: [['A', 'B', 'uses_component']] },
  {
    text: '{A} consists of {B} and {C}.',
    edges: [
      ['A', 'B', 'uses_component'],
      ['A', 'C', 'uses_component'],
    ],
  },
  { text: 'We equip {A} with {B}.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} employs {B} to encode each frame.', edges: [['A', 'B', 'uses_component']] },
  { text: 'The core of {A} is {B}, which mixes tokens.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} leverages {B} to align the two views.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} incorporates {B} into each stage.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} is composed of stacked {B} blocks.', edges: [['A', 'B', 'uses_component']] },
  { text: 'We introduce {B}, a new layer, and stack it to form {A}.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} with {B} reaches a lower loss.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} relies on {B} for the final prediction.', edges: [['A', 'B', 'uses_component']] },
  { text: '{A} adopts {B} for feature extraction.', edges: [['A', 'B', 'uses_component']] },
  // no lineage: compared, listed, contrasted, evaluated together, applied to data
  { text: '{A} outperforms {B} and {C} on three benchmarks.', edges: [] },
  { text: 'Compared with {B}, {A} is twice as fast.', edges: [] },
  { text: '{A} achieves higher accuracy than {B}.', edges: [] },
  { text: 'Unlike {B}, {A} needs no labels.', edges: [] },
  { text: 'We compare {A} against {B} and {C}.', edges: [] },
  { text: 'Methods such as {B} and {C} scale poorly.', edges: [] },
  { text: '{B} and {C} are widely used for this task.', edges: [] },
  { text: 'Existing approaches, e.g., {B}, {C}, require large memory.', edges: [] },
  { text: '{A} is competitive with {B} at a fraction of the cost.', edges: [] },
  { text: 'In contrast to {B}, {A} models long-range dependencies.', edges: [] },
  { text: '{A} surpasses strong baselines including {B}.', edges: [] },
  { text: 'We evaluate {B} and {C} under the same budget.', edges: [] },
  { text: 'While {B} works well on images, {C} is preferred for text.', edges: [] },
  { text: '{A} matches {B} without any pretraining.', edges: [] },
  { text: 'Both {B} and {C} suffer from over-smoothing.', edges: [] },
  { text: '{A} does not rely on {B}.', edges: [] },
  { text: '{A} removes the need for {B}.', edges: [] },
  { text: 'Our results show that {A} is more robust than {B} or {C}.', edges: [] },
];

/** Which made-up name shape fills a slot: the new method is coined, priors are any shape. */
function fill(r: Rand, slot: string): Slot {
  if (slot === 'A') {
    const kind: NameKind = r() < 0.75 ? 'coined' : 'acronym';
    return { name: inventName(r, kind), introduced: true, main: r() < 0.7, lexicon: false };
  }
  const x = r();
  const kind: NameKind = x < 0.35 ? 'generic' : x < 0.6 ? 'coined' : x < 0.85 ? 'acronym' : 'component';
  // Generic families stand for lexicon names (the product's lexicon knows most such families).
  return { name: inventName(r, kind), introduced: false, main: false, lexicon: kind === 'generic' };
}

/** `n` synthetic sentences as lineage examples (all ordered slot pairs; unlisted pairs are `none`). */
export function syntheticExamples(n: number, weight: number, seed = 7): Example[] {
  const r = seededRandom(seed);
  const out: Example[] = [];
  for (let k = 0; k < n; k++) {
    const t = TEMPLATES[k % TEMPLATES.length];
    const slots = new Map<string, Slot>();
    for (const s of ['A', 'B', 'C']) slots.set(s, fill(r, s));
    // Sometimes the new name contains a prior one ("ZenFormer-L" of "ZenFormer").
    const a = slots.get('A');
    const b = slots.get('B');
    if (a && b && !b.lexicon && r() < 0.15) a.name = `${b.name}-${pick(r, ['L', 'S', 'Lite', 'v2', 'XL'])}`;
    // Build the text and the mention spans.
    let text = '';
    const spans = new Map<string, [number, number]>();
    let rest = t.text;
    for (let m = /\{([ABC])\}/.exec(rest); m; m = /\{([ABC])\}/.exec(rest)) {
      text += rest.slice(0, m.index);
      const slot = slots.get(m[1]);
      if (!slot) break;
      let name = slot.name;
      // A sentence-initial generic family is capitalized as in running text.
      if (text.length === 0) name = name[0].toUpperCase() + name.slice(1);
      spans.set(m[1], [text.length, text.length + name.length]);
      text += name;
      rest = rest.slice(m.index + m[0].length);
    }
    text += rest;
    const order = [...spans.entries()].sort((x, y) => x[1][0] - y[1][0]);
    const mentionSpans = order.map(([, s]) => s);
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const [sa, pa] = order[i];
        const [sb, pb] = order[j];
        const A = slots.get(sa);
        const B = slots.get(sb);
        if (!A || !B || foldName(A.name) === foldName(B.name)) continue;
        const side = (s: Slot, p: [number, number]): PairSide => ({
          start: p[0],
          end: p[1],
          surface: text.slice(p[0], p[1]),
          names: [s.name],
          introduced: s.introduced,
          main: s.main,
          lexicon: s.lexicon,
          anchor: 'none',
        });
        let cls: PairClass = null;
        for (const [child, parent, relation] of t.edges) {
          if (child === sa && parent === sb) cls = { relation, childFirst: true };
          if (child === sb && parent === sa) cls = { relation, childFirst: false };
        }
        const input: PairInput = {
          text,
          sentStart: 0,
          sentEnd: text.length,
          first: side(A, pa),
          second: side(B, pb),
          mentionsBetween: order.filter(([, s]) => s[0] >= pa[1] && s[1] <= pb[0]).length,
          kind: 'sentence',
          inTitle: false,
          mentionSpans,
        };
        out.push({
          features: pairFeatures(input),
          label: classIndex(cls),
          weight,
          source: 'synthetic',
          group: `synthetic:${k}`,
        });
      }
    }
  }
  return out;
}
