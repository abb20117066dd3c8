// Entity rules: how a mention becomes a method / dataset / task / concept and whether the paper
// introduces it. Patterns are general English of ML abstracts, never tuned to one paper.
import type { Rule } from './rule.types';

const r = <T extends Record<string, Rule>>(rules: T): T => rules;

export const ENTITY_RULES = r({
  lexicon: {
    id: 'lexicon',
    pattern: 'longest token sequence whose normalized form is a lexicon name or alias',
    reason: 'a well-known name from the general lexicon',
    confidence: 0.9,
  },
  lexiconVersion: {
    id: 'lexicon-version',
    pattern: 'lexicon name + attached version/size suffix (-2, -50, -XL, -1K, v3, 7B)',
    reason: 'a version of a known entity is a distinct entity of the same kind (GPT-2 is not GPT-4)',
    confidence: 0.85,
  },
  acronymDefinition: {
    id: 'acronym-definition',
    pattern: 'Long Form (LF)  |  LF (Long Form)',
    reason: 'an abbreviation defined in the text names an entity; both forms are aliases',
    confidence: 0.8,
  },
  nameMorphology: {
    id: 'name-morphology',
    pattern:
      /(?:Net|Former|former|MLP|GAN|BERT|GPT|Mixer|ViT|Transformer|LM|NN|Diffusion|Attention|Rec|KAN|Flow)s?$/,
    reason: 'model-name morphology (X-Net, *Former, *MLP, *GAN, *BERT) marks a method name',
    confidence: 0.75,
  },
  mixedCaseName: {
    id: 'mixed-case-name',
    pattern: /\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}|\p{Lu}{2,}.*-|-\p{Lu}{2,}/u,
    reason: 'CamelCase, letter-digit or acronym-hyphen tokens are coined names, not English words',
    confidence: 0.7,
  },
  methodHead: {
    id: 'method-head',
    pattern:
      /^(?:model|models|network|networks|architecture|architectures|algorithm|algorithms|method|methods|framework|module|modules|layer|layers|block|blocks|encoder|decoder|optimizer|mechanism|backbone|backbones|variant|variants|baseline|baselines|family|approach|classifier|policy|agent|head|heads|unit|units|operator|kernel|loss|embedding|embeddings|tokenizer|pipeline|system)$/,
    reason: 'a name followed by a method head noun ("the X model", "X layers") is a method',
    confidence: 0.75,
  },
  datasetHead: {
    id: 'dataset-head',
    pattern:
      /^(?:dataset|datasets|data set|data sets|benchmark|benchmarks|corpus|corpora|suite|challenge|leaderboard|testbed|split|splits|collection|database|databases)$/,
    reason: 'a name followed by a dataset head noun ("the X dataset", "X and Y benchmarks") is a dataset',
    confidence: 0.8,
  },
  datasetContext: {
    id: 'dataset-context',
    pattern: /\b(?:on|across|over|in)\s+(?:the\s+)?$/,
    reason:
      'a coined name after "on/across" in an evaluation sentence (experiments, results, accuracy) is a dataset',
    confidence: 0.65,
  },
  percentOn: {
    id: 'score-on',
    pattern: /\d(?:\.\d+)?\s*%?\s*(?:\w+\s+){0,3}(?:on|in)\s+(?:the\s+)?$/,
    reason: 'a score reported "on X" names the dataset X',
    confidence: 0.7,
  },
  comparison: {
    id: 'comparison-context',
    pattern:
      /\b(?:than|outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|compared (?:to|with)|versus|vs\.?|over|including|such as|e\.g\.,?|like|baselines?)\s+(?:the\s+|strong\s+|existing\s+|state-of-the-art\s+|SOTA\s+)?$/i,
    reason: 'a coined name being compared against or listed as a baseline is a method the paper uses',
    confidence: 0.65,
  },
  listPropagation: {
    id: 'list-member',
    pattern: 'X, Y(,) and Z where one member has a known type',
    reason: 'members of one coordinated list of names are of the same kind',
    confidence: 0.6,
  },
  titleColon: {
    id: 'title-colon',
    pattern: /^([^:]{2,60}):\s/,
    reason: 'a name before the colon of a title ("RaftMLP: ...") is the paper\'s contribution',
    confidence: 0.92,
  },
  titleFor: {
    id: 'title-name-for',
    pattern:
      /^((?:\p{Lu}[\p{L}\p{N}-]*\s+){0,5}(?:Network|Networks|Transformer|Transformers|Model|Models|Machine|Machines|Net|Mixer|Autoencoder|Perceptron|Attention|Learner|Encoder|Decoder|Memory|Forest))\s+(?:for|with|via)\s/u,
    reason:
      'a Title Case name ending in a method head opening the title ("Deep X Network for Y") is the contribution',
    confidence: 0.8,
  },
  propose: {
    id: 'we-propose',
    pattern:
      /\b(?:we|this (?:paper|work|study)|in this (?:paper|work))\b[^.;]{0,40}?\b(?:propose[sd]?|introduce[sd]?|present(?:s|ed)?|develop(?:s|ed)?|design(?:s|ed)?|devise[sd]?|build|construct(?:s|ed)?|create[sd]?|release[sd]?|contribute[sd]?|put forward|proposing|introducing|presenting|offer(?:s|ed)?)\b/i,
    reason: '"we propose / introduce / present X": X is the paper\'s contribution',
    confidence: 0.88,
  },
  naming: {
    id: 'named-as',
    pattern:
      /\b(?:called|named|dubbed|termed|coined|denoted(?: as)?|referred to as|which we call|we call|we name|we dub|we term|namely)\s*,?\s*["“']?$/i,
    reason: '"called / dubbed / termed X": X is a name the paper gives its contribution',
    confidence: 0.9,
  },
  ourX: {
    id: 'our-name',
    pattern:
      /\b(?:our|the proposed|our proposed|the resulting|our new|the new)\s+(?:(?:model|method|approach|framework|architecture|network|system|algorithm|module|dataset|benchmark)\s*,?\s*(?:called|named|dubbed|termed)?\s*)?$/i,
    reason: '"our X" / "the proposed X" refers to the paper\'s own contribution',
    confidence: 0.85,
  },
  namedModule: {
    id: 'named-module',
    pattern:
      'in a proposal sentence: modifiers + module head (layer, module, unit, block, gating, head, mechanism, ...)',
    reason: 'a named sub-component the paper proposes ("a local activation unit") is an introduced method',
    confidence: 0.75,
  },
  introducedVariant: {
    id: 'introduced-variant',
    pattern: 'introduced name + "-" + short size/version tag (X-S, X-Large, X-v2)',
    reason: "a size or version of the paper's own model is also introduced, as a variant of it",
    confidence: 0.8,
  },
  taskPhrase: {
    id: 'task-phrase',
    pattern: 'compromise: (#Adjective|#Noun){0,3} + task head (prediction, classification, detection, ...)',
    reason: 'a noun phrase headed by a task noun names a research problem',
    confidence: 0.6,
  },
  repoUrl: {
    id: 'repo-url',
    pattern: 'URL on github.com / gitlab.com / bitbucket.org / codeberg.org',
    reason: "a code-hosting URL is the paper's source repository",
    confidence: 0.95,
  },
  linkUrl: {
    id: 'link-url',
    pattern: 'any other http(s) URL',
    reason: 'a URL that is not a code repository is a link (Hugging Face page, project page, other)',
    confidence: 0.9,
  },
});

/** Words that open a proposal sentence's object but are not names. */
export const INTRO_SKIP_WORDS = new Set([
  'a',
  'an',
  'the',
  'novel',
  'new',
  'simple',
  'effective',
  'efficient',
  'general',
  'unified',
  'first',
  'lightweight',
  'scalable',
  'two',
  'three',
  'several',
  'our',
  'this',
  'these',
  'such',
]);

/** Head nouns of task phrases. */
export const TASK_HEADS = [
  'prediction',
  'classification',
  'detection',
  'segmentation',
  'recognition',
  'generation',
  'forecasting',
  'translation',
  'answering',
  'retrieval',
  'estimation',
  'summarization',
  'parsing',
  'tagging',
  'extraction',
  'completion',
  'captioning',
  'tracking',
  'localization',
  'reconstruction',
  'synthesis',
  'recommendation',
  'inference',
  'reasoning',
  'understanding',
  'modeling',
  'modelling',
  'verification',
  'identification',
  'planning',
  'control',
  'navigation',
  'editing',
  'restoration',
  'enhancement',
  'alignment',
  'grounding',
  'matching',
  'labeling',
  'labelling',
  'transfer',
  'adaptation',
  'search',
  'ranking',
  'diagnosis',
  'imputation',
];
