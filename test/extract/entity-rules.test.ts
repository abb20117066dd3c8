import { extract } from '../../src/extract/extractor';
import type { ExtractionRecord } from '../../src/extract/extraction.types';
import { normalizeName } from '../../src/names/normalize';

// Tables for the entity-typing rules of engine 1.3: metric and list contexts, definition heads,
// "stands for", long forms repeated elsewhere, year-tagged and dimension-tagged names, metric
// acronyms, capitalized prefixes. Every sentence and name here is invented for these tests.

function run(title: string, abstract: string): ExtractionRecord {
  return extract({ id: 'r1', title, abstract });
}

function entity(rec: ExtractionRecord, type: string, name: string) {
  const key = normalizeName(name);
  return rec.entities.find(
    (e) => e.type === type && [e.name, ...e.aliases].some((n) => normalizeName(n) === key),
  );
}

function listing(rec: ExtractionRecord): string[] {
  return rec.entities.map((e) => `${e.type}:${e.name}:${e.role}:[${e.aliases.join('|')}]`);
}

describe('Entity rules: found (positive table)', () => {
  it.each<[string, string, string, string, string]>([
    [
      'a name followed by its metric is a dataset',
      'A Study',
      'Our parser raises the QuillTab accuracy to 61.5% (+2.0%).',
      'dataset',
      'QuillTab',
    ],
    [
      'a name followed by a qualified metric is a dataset',
      'A Study',
      'It lifts the MarbleQA denotation accuracy to 48.0%.',
      'dataset',
      'MarbleQA',
    ],
    [
      'benchmarks in a scored list after "tasks, including" are datasets',
      'A Study',
      'It sets new results on document tasks, including ZEPHQ (0.71 → 0.80), KORDY (0.90 → 0.93) and Lumen-Docs (0.62 → 0.70).',
      'dataset',
      'KORDY',
    ],
    [
      'the first member of such a list is a dataset too',
      'A Study',
      'It sets new results on document tasks, including ZEPHQ (0.71 → 0.80), KORDY (0.90 → 0.93) and Lumen-Docs (0.62 → 0.70).',
      'dataset',
      'ZEPHQ',
    ],
    [
      'a coined name before "database" is a dataset',
      'A Study',
      'We take 60 subjects from the publicly available BrainLinq database.',
      'dataset',
      'BrainLinq',
    ],
    [
      'an all-caps name that outperforms others is a method',
      'A Study',
      'Results show that TORVEX outperforms previous table approaches by a large margin.',
      'method',
      'TORVEX',
    ],
    [
      'an all-caps name proposed by "we propose" is a method',
      'A Study',
      'In this paper, we propose TORVEX to show that tables can be learned.',
      'method',
      'TORVEX',
    ],
    [
      'a size word after a coined name makes the size variant',
      'A Study',
      'We find that FalconNet LARGE outperforms the smaller models.',
      'method',
      'FalconNet LARGE',
    ],
    [
      'a definition followed by "benchmark" is a dataset',
      'A Study',
      'We introduce the Nordic Reading Evaluation (NRE) benchmark for eight tasks.',
      'dataset',
      'NRE',
    ],
    [
      'a definition followed by "model" is a method',
      'A Study',
      'We propose a sparse gated routing of experts (SGRE) model for regression.',
      'method',
      'SGRE',
    ],
    [
      '"X, which stands for Long Form" defines an alias',
      'A Study',
      'We present KOALA, which stands for Knowledge Oriented Attention Learning Architecture.',
      'method',
      'Knowledge Oriented Attention Learning Architecture',
    ],
    [
      'a long form whose letters are out of order still names a mixed-case coined name',
      'A Study',
      'We introduce BioKANet (Bidirectional Kolmogorov Attention Networks for Integrated Omics), a model for genes.',
      'method',
      'Bidirectional Kolmogorov Attention Networks for Integrated Omics',
    ],
    [
      'a dimension prefix on a known method is a distinct variant',
      'A Study',
      'The encoder uses a 1D-convolutional neural network to read the signal.',
      'method',
      '1D-convolutional neural network',
    ],
    [
      'a dimension tag fused to an acronym is a coined name',
      'A Study',
      'This paper extends the original models to images, termed 2DQRNs, for fast training.',
      'method',
      '2DQRN',
    ],
    [
      'a lexicon name that is also a metric is still a method without a value',
      'A Study',
      'We pre-train the encoder with MAE and fine-tune it.',
      'method',
      'MAE',
    ],
    [
      'a capitalized prefix on a known name in running text is part of a new name',
      'A Study',
      'To address this, we propose Dual-CycleGAN, a method for audio super-resolution.',
      'method',
      'Dual-CycleGAN',
    ],
    [
      'a Title Case multi-word object of "we propose" is an introduced method',
      'Walking Models',
      'We propose in this paper Gliding Anchor Fields, a probabilistic framework for gait.',
      'method',
      'Gliding Anchor Fields',
    ],
    [
      'a venue tag before the title name is not part of it',
      "ACLish'21 QUOKKA: Open Answers at Scale",
      'We present QUOKKA, a large-scale dataset of questions and answers.',
      'dataset',
      'QUOKKA',
    ],
  ])('%s', (_label, title, abstract, type, name) => {
    const rec = run(title, abstract);
    expect({ found: entity(rec, type, name) !== undefined, entities: listing(rec) }).toMatchObject({
      found: true,
    });
  });
});

describe('Entity rules: not found (false-positive table)', () => {
  it.each<[string, string, string, string, string]>([
    [
      'a method evaluated "on four benchmark datasets" is not a dataset',
      'A Study',
      'We evaluate CobaltNet on four benchmark datasets.',
      'dataset',
      'CobaltNet',
    ],
    [
      'a size word in capitals is not a name of its own',
      'A Study',
      'We find that FalconNet LARGE outperforms the smaller models.',
      'method',
      'LARGE',
    ],
    [
      'a lexicon name inside a "stands for" long form is not a separate mention',
      'A Study',
      'We present BRAT, which stands for Bidirectional Recurrent Representations from Transformers.',
      'method',
      'Transformer',
    ],
    [
      'a lexicon name inside a parenthesized expansion is not a separate mention',
      'A Study',
      'We introduce BioKANet (Bidirectional Kolmogorov Networks from Transformers for Integrated Omics), a model for genes.',
      'method',
      'Transformer',
    ],
    [
      'a known name inside a defined long form repeated in the title is not used',
      'Audio Tagging with Deep Gated Convolutional Neural Networks',
      'We use a deep gated convolutional neural network (DGCNN) to tag audio clips.',
      'method',
      'CNN',
    ],
    [
      'the long form repeated without its generic head is still the defined entity',
      'Traffic Forecasting Based on Routing Attention CNN',
      'We propose a routing attention CNN model (RACM) for traffic.',
      'method',
      'CNN',
    ],
    [
      'a shared task title is not a method',
      'SemFest-2021 Task 3: Sarcasm Detection in Tweets',
      'The task attracted 40 teams. We summarize the systems and their results.',
      'method',
      'SemFest-2021 Task 3',
    ],
    [
      'a year-tagged name is not a method',
      'SemFest-2021 Task 3: Sarcasm Detection in Tweets',
      'The task attracted 40 teams. We summarize the systems and their results.',
      'method',
      'SemFest-2021',
    ],
    [
      'a venue tag is not a method',
      "ACLish'21 QUOKKA: Open Answers at Scale",
      'We present QUOKKA, a large-scale dataset of questions and answers.',
      'method',
      "ACLish'21",
    ],
    [
      'a pairing of two defined plain notions is not a name',
      'A Study',
      'We model programming language (PL) and natural language (NL) jointly. It supports NL-PL search.',
      'method',
      'NL-PL',
    ],
    [
      'a metric acronym followed by its value is not the method of the same name',
      'A Study',
      'The predictor tracks the ankle angle with MAE of 2.21 degrees.',
      'method',
      'MAE',
    ],
    [
      'an abbreviation defined before "codes" names codes, not a method',
      'A Study',
      'We design irregular Sparse Parity Lattice (SPL) codes for erasure channels.',
      'method',
      'SPL',
    ],
    [
      'a capitalized size word that starts a longer Title Case name is not a size variant',
      'A Study',
      'We train on the ImageNet Large Scale Visual Recognition Challenge data.',
      'dataset',
      'ImageNet Large',
    ],
    [
      'an abbreviation of a task defined before "dataset" is not a dataset',
      'A Study',
      'We also test on a popular general scene parsing (GSP) dataset.',
      'dataset',
      'GSP',
    ],
    [
      'IoT is not a method',
      'A Study',
      'Data collected by IoT devices are private and diverse.',
      'method',
      'IoT',
    ],
    [
      'a title name is not a dataset because the abstract later constructs a dataset',
      'ProgBERTa: A Pre-Trained Model for Code',
      'To probe ProgBERTa, we construct a dataset for probing.',
      'dataset',
      'ProgBERTa',
    ],
  ])('%s', (_label, title, abstract, type, name) => {
    const rec = run(title, abstract);
    expect({ found: entity(rec, type, name) !== undefined, entities: listing(rec) }).toMatchObject({
      found: false,
    });
  });
});

describe('Entity rules: Title Case proposal objects', () => {
  it('leaves a name the lexicon knows to the lexicon (one entity, not introduced)', () => {
    const rec = run('A Study', 'We propose Graph Neural Networks, a family of models, for molecules.');
    const gnn = rec.entities.filter(
      (e) => e.type === 'method' && /graph neural/i.test([e.name, ...e.aliases].join(' ')),
    );
    expect({ gnn: gnn.map((e) => `${e.name}:${e.role}`), entities: listing(rec) }).toMatchObject({
      gnn: ['GNN:used'],
    });
  });
});

describe('Entity rules: definition boundaries', () => {
  it.each<[string, string, string, string]>([
    [
      'a long form does not open with "and" when the word before carries the first letter',
      'We propose an Adaptive and Sparse Mixer (ASM) for speech.',
      'ASM',
      'Adaptive and Sparse Mixer',
    ],
    [
      'closing quotes are not part of the long form',
      'We present a new methodology, "Hollow Forest Ranker" (HFR), for feature importance.',
      'HFR',
      'Hollow Forest Ranker',
    ],
  ])('%s', (_label, abstract, short, long) => {
    const rec = run('A Study', abstract);
    const e = rec.entities.find((x) => x.name === short);
    expect({ aliases: e?.aliases, entities: listing(rec) }).toMatchObject({ aliases: [long] });
  });
});
