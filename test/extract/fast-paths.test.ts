import { isLexiconKeyPrefix, LEXICON_ENTRIES, lexiconLookup, normKey } from '../../src/extract/lexicon';
import { nameStrength } from '../../src/extract/name-shape';
import { phrasesBatch, modulePhrases, taskPhrases } from '../../src/extract/nlp';
import { isShouting } from '../../src/extract/shouting';
import { normalizeName } from '../../src/names/normalize';

// The speed paths of the extractor must give exactly what the plain code gives.

describe('normKey is normalizeName', () => {
  it.each([
    'MLP-Mixers',
    'GPT-2',
    'loss',
    'LLMs',
    'ResNet 50',
    "WMT'14",
    'Transformer\u2013XL', // en dash
    'Ｆｕｌｌｗｉｄｔｈ', // NFKC folds these
    'Café-Net',
    'ﬁne-tuning', // ligature
    'K\u212Aelvin', // Kelvin sign
    '',
    '---',
    'İstanbul',
  ])('%s', (name) => {
    expect(normKey(name)).toBe(normalizeName(name));
  });
});

describe('isShouting counts letters as before', () => {
  const reference = (text: string): boolean => {
    const letters = text.replace(/[^\p{L}]/gu, '');
    const upper = letters.replace(/[^\p{Lu}]/gu, '');
    return letters.length >= 12 && upper.length / letters.length > 0.7;
  };
  it.each([
    'TAPEX: TABLE PRE-TRAINING VIA LEARNING A NEURAL SQL EXECUTOR',
    'A Study of Things',
    'ÉTUDE DES RÉSEAUX NEURONAUX PROFONDS',
    'SHORT',
    'MIXED Case TITLE WITH SOME lower words',
    '𝐀𝐋𝐋 𝐁𝐎𝐋𝐃 𝐌𝐀𝐓𝐇 𝐋𝐄𝐓𝐓𝐄𝐑𝐒 𝐇𝐄𝐑𝐄',
  ])('%s', (text) => {
    expect(isShouting(text)).toBe(reference(text));
  });
});

describe('lexicon key prefixes', () => {
  it('contains every lexicon key, its plural and their prefixes', () => {
    for (const e of LEXICON_ENTRIES.slice(0, 200)) {
      const k = normalizeName(e.name);
      expect(lexiconLookup(k).length).toBeGreaterThan(0);
      expect(isLexiconKeyPrefix(k)).toBe(true);
      expect(isLexiconKeyPrefix(`${k}s`)).toBe(true);
      expect(isLexiconKeyPrefix(k.slice(0, 1))).toBe(true);
    }
  });

  it('rejects runs no lexicon name starts with', () => {
    expect(isLexiconKeyPrefix('qqqzzzx')).toBe(false);
  });
});

describe('nameStrength fast path', () => {
  it.each(['model', 'the', 'x', 'transformers'])('plain lower-case %s has no name shape', (w) => {
    expect(nameStrength(w)).toBe('none');
  });
  it.each([
    ['RaftMLP', 'strong'],
    ['KAN', 'weak'],
    ['2DSCN', 'strong'],
  ])('%s is %s', (w, s) => {
    expect(nameStrength(w)).toBe(s);
  });
});

describe('one compromise call for task and module windows', () => {
  it('gives each job what a call of its own gives', () => {
    const task = 'We study zero-shot time series forecasting and click-through rate prediction.';
    const mod = 'a novel local activation unit and a feature gating layer for ranking';
    const batched = phrasesBatch([
      { text: task, kind: 'task' },
      { text: mod, kind: 'module' },
    ]);
    expect(batched[0]).toEqual(taskPhrases(task));
    expect(batched[1]).toEqual(modulePhrases(mod));
    expect(batched[0].map((p) => p.text)).toContain('click-through rate prediction');
    expect(batched[1].length).toBeGreaterThan(0);
  });
});
