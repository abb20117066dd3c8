// Generic English cue classes for the lineage classifier's features: words that state how two
// methods relate (replace, combine, extend, vary, use), compare them, negate, or coordinate them.
// General language knowledge, no names: the classifier learns from the data how much each counts.

const CLASSES: [string, RegExp][] = [
  ['REPLACE', /^(?:replac\w*|substitut\w*|swap\w*|instead)$/],
  [
    'COMBINE',
    /^(?:combin\w*|hybrid\w*|integrat\w*|fus(?:e|es|ed|ing|ion)|merg\w*|unif\w*|marr\w*|jointly|together|couple[sd]?|coupling)$/,
  ],
  [
    'EXTEND',
    /^(?:extend\w*|extension\w*|improv\w*|build|builds|building|built|enhanc\w*|generali[sz]\w*|augment\w*|upgrad\w*|refin\w*|advanc\w*|revisit\w*|boost\w*|strengthen\w*)$/,
  ],
  [
    'VARIANT',
    /^(?:variant\w*|version\w*|adaptation\w*|modification\w*|modif\w*|instance\w*|instantiation\w*|derivative\w*|flavou?r\w*|kind|kinds|type|types|form|forms|family|families|class|subclass\w*|inspired|adapt|adapts|adapted|adapting|lightweight|simplified|special|generalization|case)$/,
  ],
  [
    'USE',
    /^(?:us(?:e|es|ed|ing)|employ\w*|leverag\w*|adopt\w*|utili[sz]\w*|incorporat\w*|exploit\w*|appl(?:y|ies|ied|ying)|rel(?:y|ies|ied|ying)|equipped|powered|contain\w*|consist\w*|compos\w*|comprise\w*|stack\w*|includ\w*|plug\w*|equip\w*|add|adds|added|adding|introduc\w*|insert\w*|embed\w*)$/,
  ],
  ['BASED', /^(?:based|basis|backbone\w*|foundation|top|upon|atop)$/],
  [
    'COMPONENT',
    /^(?:layer\w*|module\w*|block\w*|unit\w*|component\w*|head|heads|encoder\w*|decoder\w*|mechanism\w*|branch\w*|part|parts|submodule\w*|operator\w*|kernel\w*)$/,
  ],
  [
    'COMPARE',
    /^(?:outperform\w*|than|compar\w*|versus|vs|surpass\w*|beat\w*|competitive|rival\w*|baseline\w*|unlike|against|better|superior|exceed\w*|over|similar\w*|matches|match|achiev\w*)$/,
  ],
  ['NEG', /^(?:without|not|no|free|beyond|rather|neither|nor|cannot|lack\w*)$/],
  ['SUCHAS', /^(?:such|including|e|g|like|namely|especially|particular)$/],
  [
    'PROPOSE',
    /^(?:propos\w*|present\w*|introduc\w*|develop\w*|design\w*|devis\w*|call\w*|dub\w*|nam(?:e|ed))$/,
  ],
  ['WE', /^(?:we|our|us|this|proposed|ours|resulting|it|its)$/],
  ['BE', /^(?:is|are|was|were|be|been|being)$/],
  ['COORD', /^(?:and|or|,|\/|&|both|either)$/],
  ['WITH', /^(?:with|via|through|by|using)$/],
  ['OF', /^(?:of)$/],
  ['IN', /^(?:in|into|within|inside)$/],
  ['ON', /^(?:on|upon)$/],
  ['FROM', /^(?:from)$/],
  ['PAREN', /^[()[\]]$/],
  ['CLAUSE', /^(?:which|that|where|while|whereas|;|:|\.|but|however)$/],
];

const cache = new Map<string, string[]>();

/** Cue classes of one lower-cased token (memoized; the vocabulary of abstracts is small). */
export function cueClasses(word: string): string[] {
  let out = cache.get(word);
  if (out) return out;
  out = [];
  for (const [name, re] of CLASSES) if (re.test(word)) out.push(name);
  if (cache.size < 50_000) cache.set(word, out);
  return out;
}

/** A crude stem shared by the inflections of a word (replaces / replaced / replacing -> replac). */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s|ion|ions)$/, '');
}
