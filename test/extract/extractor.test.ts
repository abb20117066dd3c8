import { extract, EXTRACTOR_VERSION } from '../../src/extract/extractor';
import type { ExtractionRecord, PaperInput } from '../../src/extract/extraction.types';
import { normalizeName } from '../../src/names/normalize';

// Every sentence below is written for these tests (invented model names, general knowledge).
function paper(title: string, abstract: string, id = 'p1'): PaperInput {
  return { id, title, abstract };
}

function names(rec: ExtractionRecord, type: string, role?: string): string[] {
  return rec.entities.filter((e) => e.type === type && (!role || e.role === role)).map((e) => e.name);
}

function hasName(rec: ExtractionRecord, type: string, name: string, role?: string): boolean {
  const key = normalizeName(name);
  return rec.entities.some(
    (e) =>
      e.type === type &&
      (!role || e.role === role) &&
      [e.name, ...e.aliases].some((n) => normalizeName(n) === key),
  );
}

describe('Extractor: entities found (positive table)', () => {
  it.each<[string, string, string, string, string, 'introduced' | 'used' | '']>([
    [
      'title colon name is introduced',
      'ZephyrNet: Fast Segmentation with Gates',
      'We study gating for images.',
      'method',
      'ZephyrNet',
      'introduced',
    ],
    [
      '"we propose X" is introduced',
      'Better Graphs',
      'In this paper, we propose QuiverGNN, a graph model for molecules.',
      'method',
      'QuiverGNN',
      'introduced',
    ],
    [
      '"dubbed X" is introduced',
      'A Study',
      'Our resulting architecture, dubbed LumaFormer, is small and fast.',
      'method',
      'LumaFormer',
      'introduced',
    ],
    [
      'passive proposal is introduced',
      'A Study',
      'To this end, a sparse mixer called NimbusMix is proposed for audio.',
      'method',
      'NimbusMix',
      'introduced',
    ],
    [
      'lexicon method is used',
      'A Study',
      'We fine-tune BERT and compare it with a plain LSTM.',
      'method',
      'BERT',
      'used',
    ],
    [
      'lexicon method long form folds to the family',
      'A Study',
      'We train a multi-layer perceptron on tabular data.',
      'method',
      'MLP',
      'used',
    ],
    [
      'baseline name is used, not introduced',
      'A Study',
      'Our model outperforms KestrelNet by a wide margin.',
      'method',
      'KestrelNet',
      'used',
    ],
    [
      'known dataset',
      'A Study',
      'Experiments on ImageNet and CIFAR-10 show gains.',
      'dataset',
      'ImageNet',
      '',
    ],
    ['dataset alias spelling', 'A Study', 'We report accuracy on CIFAR10.', 'dataset', 'CIFAR-10', ''],
    [
      'unseen dataset by head noun',
      'A Study',
      'We evaluate on the OrchardSet benchmark.',
      'dataset',
      'OrchardSet',
      '',
    ],
    [
      'unseen dataset after a score',
      'A Study',
      'The model reaches 91.2% accuracy on MARLIN-7 and beyond.',
      'dataset',
      'MARLIN-7',
      '',
    ],
    [
      'unseen dataset in apposition',
      'A Study',
      'We build a large-scale corpus, called TidePool, for dialogue.',
      'dataset',
      'TidePool',
      '',
    ],
    [
      'dataset introduced',
      'A Study',
      'We introduce DuneQA, a new benchmark for desert questions.',
      'dataset',
      'DuneQA',
      'introduced',
    ],
    [
      'abbreviation defined in the text',
      'A Study',
      'We use a Gated Ripple Network (GRN) for sequences.',
      'method',
      'GRN',
      '',
    ],
    [
      'task phrase',
      'A Study',
      'This matters for click-through rate prediction in online advertising.',
      'task',
      'click-through rate prediction',
      '',
    ],
    [
      'lexicon task',
      'A Study',
      'We study machine translation between ten languages.',
      'task',
      'machine translation',
      '',
    ],
    [
      'a shape-typed name listed beside a dataset is a dataset',
      'A Study',
      'Our model improves accuracy on the KestrelBench benchmark, FalconQA (81.2) and OspreyVQA.',
      'dataset',
      'OspreyVQA',
      '',
    ],
    [
      'a Title Case method head before a function word is a method',
      'A Study',
      'We train a Gated Residual Network for speech tagging.',
      'method',
      'Gated Residual Network',
      '',
    ],
    [
      'morphology of an unseen name',
      'A Study',
      'A simple OrbitMLP layer is stacked eight times.',
      'method',
      'OrbitMLP',
      '',
    ],
  ])('%s', (_label, title, abstract, type, name, role) => {
    const rec = extract(paper(title, abstract));
    expect({
      found: hasName(rec, type, name, role || undefined),
      entities: rec.entities.map((e) => `${e.type}:${e.name}:${e.role}`),
    }).toMatchObject({ found: true });
  });
});

describe('Extractor: no entity where there is none (false-positive table)', () => {
  it.each<[string, string, string, string]>([
    [
      'generic words are not methods',
      'A Study',
      'Our model and framework improve large language models (LLMs) with a new approach.',
      'method',
    ],
    [
      'metrics are not datasets or methods',
      'A Study',
      'We report BLEU, ROUGE-L and F1 on the test split.',
      'method',
    ],
    ['hardware is not a method', 'A Study', 'Training takes two days on eight GPUs and a TPU.', 'method'],
    [
      'software platforms are not methods',
      'A Study',
      'Our implementation uses PyTorch and CUDA kernels.',
      'method',
    ],
    [
      'broad fields are not tasks or methods',
      'A Study',
      'Progress in NLP and computer vision has been fast.',
      'method',
    ],
    [
      'person-like optimizer word in lower case is not Adam',
      'A Study',
      'We adam the data, which is not a word.',
      'method',
    ],
    [
      'numbers and sizes are not names',
      'A Study',
      'It has 7B parameters, 2-3X speedups and 340M tokens.',
      'method',
    ],
    [
      'a software package named after a method is not a method',
      'A Study',
      'Our code is written with the Transformers library and the LSTM toolkit of a vendor.',
      'method',
    ],
    [
      'unnamed datasets are not datasets',
      'A Study',
      'Experiments on four open datasets show consistent gains.',
      'dataset',
    ],
    [
      'sentence-initial capitalized word is not a name',
      'A Study',
      'Traffic on the roads was modelled by hand.',
      'dataset',
    ],
  ])('%s', (_label, title, abstract, type) => {
    const rec = extract(paper(title, abstract));
    expect(names(rec, type)).toEqual([]);
  });

  it('keeps a method listed beside a dataset-typed name a method when the lexicon knows it', () => {
    const rec = extract(paper('A Study', 'We fine-tune BERT and KestrelNet on the OspreyQA benchmark.'));
    expect(hasName(rec, 'method', 'BERT')).toBe(true);
    expect(names(rec, 'dataset')).toEqual(['OspreyQA']);
  });

  it('does not mark a compared-against baseline as introduced', () => {
    const rec = extract(
      paper('A Study', 'We propose HeronNet, which outperforms KiteNet and PlumeNet on every split.'),
    );
    expect(names(rec, 'method', 'introduced')).toEqual(['HeronNet']);
    expect(names(rec, 'method', 'used').sort()).toEqual(['KiteNet', 'PlumeNet']);
  });

  it('does not confuse a survey title with a contribution', () => {
    const rec = extract(paper('Survey: Everything About Transformers', 'We review Transformer models.'));
    expect(names(rec, 'method', 'introduced')).toEqual([]);
  });
});

describe('Extractor: names, aliases and canonical ids', () => {
  it('makes abbreviations aliases both ways', () => {
    const rec = extract(
      paper('A Study', 'We propose the Spiral Lattice Network (SLN). SLN is trained end to end.'),
    );
    const e = rec.entities.find((x) => x.name === 'SLN');
    expect(e).toBeDefined();
    expect(e?.aliases).toContain('Spiral Lattice Network');
    expect(e?.id).toBe('method:sln');
  });

  it('keeps distinct versions distinct', () => {
    const rec = extract(paper('A Study', 'We compare GPT-2 with GPT-4 and ImageNet-1K with ImageNet-21K.'));
    const ids = rec.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(names(rec, 'method').sort()).toEqual(['GPT-2', 'GPT-4']);
    expect(names(rec, 'dataset').sort()).toEqual(['ImageNet-1K', 'ImageNet-21K']);
  });

  it('folds plurals, case and hyphens to one entity', () => {
    const rec = extract(
      paper('A Study', 'MLPs are simple. A deep mlp and the MLP-Mixer differ from MLP Mixers.'),
    );
    const mlp = rec.entities.filter((e) => e.type === 'method' && normalizeName(e.name) === 'mlp');
    const mixer = rec.entities.filter((e) => e.type === 'method' && normalizeName(e.name) === 'mlpmixer');
    expect(mlp).toHaveLength(1);
    expect(mixer).toHaveLength(1);
  });

  it('gives the same canonical id in every paper that names the entity', () => {
    const a = extract(paper('A', 'We train ResNet on CIFAR-10 with Adam.', 'a'));
    const b = extract(
      paper('B', 'Results of a residual network (ResNet) on CIFAR10 are shown; we use Adam.', 'b'),
    );
    const ids = (r: ExtractionRecord): string[] => r.entities.map((e) => e.id).sort();
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toEqual(['dataset:cifar-10', 'method:adam', 'method:resnet']);
  });

  it('is deterministic', () => {
    const p = paper(
      'VelaNet: Something',
      'We propose VelaNet, a lightweight variant of the Transformer, evaluated on COCO.',
    );
    expect(JSON.stringify(extract(p))).toBe(JSON.stringify(extract({ ...p })));
  });
});

describe('Extractor: repos and links', () => {
  it('normalizes repos from the text and classifies other links', () => {
    const rec = extract(
      paper(
        'A Study',
        'Code: https://github.com/Some-Org/Some_Repo{https://github.com/Some-Org/Some\\_Repo. Weights at https://huggingface.co/some-org/some-model and data at https://huggingface.co/datasets/some-org/some-data; see https://some-org.github.io/project/.',
      ),
    );
    expect(rec.repos.map((r) => r.url)).toEqual(['https://github.com/Some-Org/Some_Repo']);
    expect(rec.links.map((l) => [l.url, l.kind])).toEqual([
      ['https://huggingface.co/some-org/some-model', 'hf-model'],
      ['https://huggingface.co/datasets/some-org/some-data', 'hf-dataset'],
      ['https://some-org.github.io/project/', 'project'],
    ]);
  });

  it('takes repos from the paper links too (without text evidence)', () => {
    const rec = extract({ id: 'x', title: 'T', abstract: 'A', links: ['https://gitlab.com/grp/proj.git'] });
    expect(rec.repos).toEqual([{ url: 'https://gitlab.com/grp/proj', evidence: [] }]);
  });
});

// Lineage cases live in test/extract/lineage.test.ts (the classifier).

describe('Extractor: evidence and record invariants', () => {
  const samples: PaperInput[] = [
    paper(
      'ZephyrNet: Fast Segmentation',
      'We propose ZephyrNet (Zephyr Network), built on U-Net. It beats DeepLabv3 on Cityscapes by 2%. Code: https://github.com/a/b.',
    ),
    paper(
      'Plain Title',
      'Multi-line   text with BERT,\u00a0GPT-4o and a Kolmogorov–Arnold Network (KAN). Ünïcode names like Café-Net stay intact.',
    ),
    paper('', 'An abstract with no title mentions ImageNet.'),
  ];

  it.each(samples.map((p, i) => [i, p] as const))('evidence offsets point at the mention (%i)', (_i, p) => {
    const rec = extract(p);
    const fields = { title: p.title, abstract: p.abstract };
    const all = [
      ...rec.entities.flatMap((e) => e.evidence),
      ...rec.repos.flatMap((r) => r.evidence),
      ...rec.links.flatMap((l) => l.evidence),
      ...rec.lineage.flatMap((l) => l.evidence),
    ];
    for (const ev of all) {
      const text = fields[ev.field];
      expect(ev.start).toBeGreaterThanOrEqual(0);
      expect(ev.end).toBeGreaterThan(ev.start);
      expect(text.includes(ev.sentence)).toBe(true);
      expect(ev.sentence.includes(text.slice(ev.start, ev.end))).toBe(true);
    }
    for (const e of rec.entities) {
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.id.startsWith(`${e.type}:`)).toBe(true);
      expect(typeof e.rule).toBe('string');
    }
    expect(rec.extractor.version).toBe(EXTRACTOR_VERSION);
  });

  it('has a version that names the engine and the rule/lexicon hash', () => {
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  });
});
