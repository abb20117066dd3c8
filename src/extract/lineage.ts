// Method lineage (BUILDS_ON child -> parent) where the text states the relation: a cue from
// rules/lineage.rules.ts governs the parent's mention in a sentence about the child. No edge
// from co-occurrence alone; comparison contexts ("outperforms X") never give an edge.
import type { ExtractedLineage, LineageRelation } from './extraction.types';
import type { Mention } from './mention.types';
import { COMPARISON_CUE, LINEAGE_RULES } from './rules/lineage.rules';
import type { LineageRule } from './rules/lineage.rules';
import type { Sentence } from './text-units';
import { makeEvidence } from './evidence';
import { lexiconLookup } from './lexicon';
import { foldPlural, wordTokens } from './text-units';
import { normalizeName } from '../names/normalize';

const ABOUT_US = /\b(?:we|our|the proposed|this (?:paper|work|study)|the resulting)\b/i;
const SUBJECT_CUES =
  /^\s*(?:\([^()]{1,20}\)\s*)?(?:is|are|was|were)?\s*(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}?(?:(?:designed|built|constructed|implemented|composed|made)\s+(?:using|with|from|of|on|upon)|based on|consist(?:s|ing)? of|extends|builds on|builds upon|variant of|uses|employs|adopts|integrates|combines|incorporates|improves(?: upon| on)?|replaces)\b/i;
/** Text before a sentence's first method that still lets it be the subject ("In particular, A"). */
const LEAD_IN = /^\s*(?:(?:[A-Z][\w-]*\s+){0,3}[\w-]+,\s*)?(?:the\s+)?$/i;
/** Text between two methods where the second opens a new clause ("A uses B, and C uses D"). */
const CLAUSE_OPENER = /[,;]\s*(?:and\s+|while\s+|whereas\s+)?(?:the\s+)?$/i;
const MODULE_NAME =
  /\b(?:layer|module|unit|block|gating|gate|head|heads|mechanism|regularization|encoder|decoder|operator|attention|embedding|aggregation|router|adapter)s?$/i;
/** Between an extended method and the new one: "... and (then) propose a ... C". */
const THEN_PROPOSE =
  /^\s*(?:[\w-]+\s+){0,3}?(?:and|,)\s*(?:then\s+|further\s+)?(?:propose|introduce|present|design|develop|build)s?\b[^.;]*$/i;
/** The non-method part of a hyphenated variant name: a one-letter marker or a size word. */
const VARIANT_MARK = /^(?:[A-Za-z]|tiny|small|base|large|huge|lite|mini|light)$/i;
const VARIANT_ADJ =
  /\b(?:lightweight|light-weight|simplified|efficient|sparse|tiny|smaller|larger|deeper)\s+$/i;

interface Edge {
  child: Mention;
  parent: Mention;
  relation: LineageRelation;
  rule: LineageRule;
}

/** The rule whose cue is closest before `pos` in `text` (within the clause), if any. */
// Compiled once: global copies of the rule patterns for scanning.
const CUE_SCANNERS = LINEAGE_RULES.map((rule) => ({
  rule,
  re: new RegExp((rule.pattern as RegExp).source, 'gi'),
}));
const WEAK_USE_CUE = /^(?:with|via|through|using|uses|use|used|-based)$/i;
const NEGATION_BEFORE =
  /\b(?:without|beyond|free of|instead of|rather than|unlike|not|no|from)\s+(?:[\w-]+\s+){0,2}$/i;
const CLAUSE_BREAK = /\b(?:which|that|where|while|whereas|to)\b/i;

/** Are `a` and `b` (or their other mentions) coordinated in a list of names somewhere? */
function isSibling(a: Mention, b: Mention, methods: Mention[]): boolean {
  const listed = methods
    .filter((m) => m.introduced)
    .sort((x, y) => x.sentence.index - y.sentence.index || x.start - y.start);
  for (let i = 0; i + 1 < listed.length; i++) {
    const x = listed[i];
    const y = listed[i + 1];
    if (x.sentence !== y.sentence) continue;
    if (
      !/^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+|,\s+or\s+)$/.test(x.sentence.fieldText.slice(x.end, y.start))
    )
      continue;
    const keys = new Set([x.key, y.key]);
    if (keys.has(a.key) || keys.has(b.key)) return true;
  }
  return false;
}

/** Words between a cue and the parent mention. */
function gapWords(gap: string): number {
  return gap.trim() === '' ? 0 : gap.trim().split(/\s+/).length;
}

/**
 * The rule whose cue governs the mention at `pos`: the closest cue before it in the clause, within
 * a few words and with no clause break in between; a weak "with/using" does not override a strong
 * cue (combine, replace, extend, variant) earlier in the same clause.
 */
function nearestCue(text: string, clauseStart: number, pos: number): LineageRule | undefined {
  const window = text.slice(clauseStart, pos);
  if (NEGATION_BEFORE.test(window)) return undefined;
  const found: { rule: LineageRule; at: number; end: number; weak: boolean }[] = [];
  for (const { rule, re } of CUE_SCANNERS) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const end = m.index + m[0].length;
      if (rule.relation === 'variant_of' && !/ of$/i.test(m[0]) && !/inspired by|adapt|modif/i.test(m[0])) {
        // adjectives: only directly before the name
        if (!VARIANT_ADJ.test(window.slice(0, end + 1))) continue;
        if (window.length - end > 2) continue;
      }
      const gap = window.slice(end);
      const maxWords =
        rule.relation === 'combines' || rule.relation === 'replaces_component'
          ? 8
          : rule.relation === 'variant_of'
            ? 3
            : 5;
      if (gapWords(gap) > maxWords) continue;
      if (rule.relation !== 'combines' && CLAUSE_BREAK.test(gap)) continue;
      found.push({
        rule,
        at: m.index,
        end,
        weak: rule.relation === 'uses_component' && WEAK_USE_CUE.test(m[0].trim()),
      });
    }
  }
  if (found.length === 0) return undefined;
  found.sort((x, y) => x.at - y.at);
  let best = found[found.length - 1];
  if (best.weak) {
    const strong = found.filter((f) => !f.weak && f.rule.relation !== 'uses_component');
    if (strong.length > 0) best = strong[strong.length - 1];
  }
  // A comparison cue after the lineage cue cancels it.
  if (COMPARISON_CUE.test(window.slice(best.at))) return undefined;
  return best.rule;
}

function clauseStartBefore(text: string, sentenceStart: number, pos: number): number {
  const before = text.slice(sentenceStart, pos);
  const i = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));
  return i >= 0 ? sentenceStart + i + 1 : sentenceStart;
}

export function findLineage(
  mentions: Mention[],
  childKey: string | undefined,
  sentences: Sentence[],
  variants: [Mention, Mention][] = [],
): ExtractedLineage[] {
  const edges: Edge[] = [];
  const variantRule = LINEAGE_RULES.find((r) => r.relation === 'variant_of');
  if (variantRule) {
    for (const [v, base] of variants) {
      edges.push({
        child: v,
        parent: base,
        relation: 'variant_of',
        rule: { ...variantRule, id: 'lineage-introduced-variant', confidence: 0.8 },
      });
    }
  }
  const methods = mentions.filter((m) => m.type === 'method');
  const child = childKey ? methods.find((m) => m.key === childKey) : undefined;
  for (const s of sentences) {
    const inS = methods.filter((m) => m.sentence === s).sort((a, b) => a.start - b.start);
    if (inS.length === 0) continue;
    const text = s.fieldText;
    const aboutChild = child && (ABOUT_US.test(s.text) || inS.some((m) => m.key === child.key));
    // "A is a ... built using B" / "In particular, A uses B" / "..., and C integrates D and E":
    // a method that opens a clause and is followed by a relation verb is the child of the
    // methods that verb governs, up to the next clause subject.
    const subjects = inS.filter(
      (m, i) =>
        (i === 0 && LEAD_IN.test(text.slice(s.start, m.start))) ||
        (i > 0 && CLAUSE_OPENER.test(text.slice(inS[i - 1].end, m.start))),
    );
    if (child && aboutChild) {
      for (const p of inS) {
        if (p.key === child.key || p.introduced) continue;
        // A relation stated by another clause subject before p belongs to that subject.
        if (
          subjects.some(
            (x) => x.key !== child.key && x.start < p.start && SUBJECT_CUES.test(text.slice(x.end)),
          )
        )
          continue;
        if (/^-(?:free|agnostic|less)\b/i.test(text.slice(p.end, p.end + 12))) continue;
        const cs = clauseStartBefore(text, s.start, p.start);
        let rule = nearestCue(text, cs, p.start);
        // "an X-based / X-like design" (not compared against): the child builds on X.
        const suffix = /^-(like|style|inspired)\b/i.exec(text.slice(p.end, p.end + 12));
        if (
          !rule &&
          suffix &&
          !COMPARISON_CUE.test(text.slice(cs, p.start)) &&
          !NEGATION_BEFORE.test(text.slice(cs, p.start))
        ) {
          rule = LINEAGE_RULES.find(
            (r) => r.relation === (suffix[1].toLowerCase() === 'based' ? 'uses_component' : 'variant_of'),
          );
        }
        if (!rule) continue;
        edges.push({ child, parent: p, relation: rule.relation, rule });
      }
    }
    // "we extend / improve P and propose C": a newly proposed method C builds on the P just
    // named, even when P is the paper's own earlier method.
    for (const c of inS) {
      if (!c.introduced) continue;
      for (const p of inS) {
        if (p.start >= c.start || p.key === c.key) continue;
        const between = text.slice(p.end, c.start);
        if (!THEN_PROPOSE.test(between) || COMPARISON_CUE.test(between)) continue;
        const rule = nearestCue(text, clauseStartBefore(text, s.start, p.start), p.start);
        if (rule && (rule.relation === 'extends' || rule.relation === 'variant_of'))
          edges.push({ child: c, parent: p, relation: rule.relation, rule });
      }
    }
    for (const subject of subjects) {
      const next = subjects.find((x) => x.start > subject.start && SUBJECT_CUES.test(text.slice(x.end)));
      for (const p of inS) {
        if (p.start <= subject.start || (next && p.start >= next.start) || p.key === subject.key) continue;
        const between = text.slice(subject.end, p.start);
        if (!SUBJECT_CUES.test(between) || COMPARISON_CUE.test(between)) continue;
        const rule = nearestCue(text, subject.end, p.start);
        if (rule) edges.push({ child: subject, parent: p, relation: rule.relation, rule });
      }
    }
  }
  // The paper's own named modules are components of its main method.
  if (child) {
    const seen = new Set<string>();
    for (const m of methods) {
      if (!m.introduced || m.key === child.key || seen.has(m.key)) continue;
      // Named sub-components, not sibling models listed beside the main one ("A, B and C").
      if (m.introduced.rule !== 'named-module' && !MODULE_NAME.test(m.name) && isSibling(m, child, methods))
        continue;
      seen.add(m.key);
      // Not when the text says the other way round ("we extend C and propose M").
      if (edges.some((e) => e.child.key === m.key && e.parent.key === child.key)) continue;
      const rule = LINEAGE_RULES.find((r) => r.relation === 'uses_component');
      if (rule)
        edges.push({
          child,
          parent: m,
          relation: 'uses_component',
          rule: { ...rule, id: 'lineage-own-module', confidence: 0.55 },
        });
    }
  }
  // Name composition: a multi-word method name built on a known method ("two-stream MLP",
  // "Group KAN", "Strip MLP layer") states its parent in the name itself.
  const byKey = new Map<string, Mention>();
  for (const m of methods) if (!byKey.has(m.key)) byKey.set(m.key, m);
  const composeRule = LINEAGE_RULES.find((r) => r.relation === 'uses_component');
  const variantOf = LINEAGE_RULES.find((r) => r.relation === 'variant_of');
  const done = new Set<string>();
  for (const m of methods) {
    if (m.fromLexicon || !/\s/.test(m.name) || done.has(m.key)) continue;
    done.add(m.key);
    const toks = wordTokens(m.name);
    for (let i = 0; i < toks.length; i++) {
      for (let j = Math.min(toks.length, i + 4); j > i; j--) {
        if (i === 0 && j === toks.length) continue;
        let key = '';
        for (let k = i; k < j; k++) key += toks[k].norm;
        const lex = lexiconLookup(foldPlural(key)).find((x) => x.entry.type === 'method');
        if (!lex) continue;
        const parent = byKey.get(lex.entry.key);
        if (!parent || parent.key === m.key) continue;
        const rule = j === toks.length ? variantOf : composeRule;
        if (rule)
          edges.push({
            child: m,
            parent,
            relation: rule.relation,
            rule: { ...rule, id: 'lineage-name-composition', confidence: 0.6 },
          });
        i = j - 1;
        break;
      }
    }
  }
  // Hyphenated composition: a coined name that is a known method plus a one-letter marker or a
  // size word ("T-XGB", "S-KAN", "RaftMLP-S", "BERT-Lite") is a variant of that method when the
  // paper mentions it. Not for lexicon names (background knowledge, not stated), and not for
  // "Strip-MLP"-like names, where the other part is a word (a new design, not a variant).
  const byNorm = new Map<string, Mention>();
  for (const m of methods)
    for (const n of [m.name, m.surface, ...m.aliases]) {
      const k = normalizeName(n);
      if (k && !byNorm.has(k)) byNorm.set(k, m);
    }
  const hyphenDone = new Set<string>();
  for (const m of methods) {
    if (m.fromLexicon || /\s/.test(m.name) || !m.name.includes('-') || hyphenDone.has(m.key)) continue;
    hyphenDone.add(m.key);
    const parts = m.name.split('-').filter((x) => x !== '');
    if (parts.length < 2 || parts.length > 4) continue;
    for (let cut = 1; cut < parts.length; cut++) {
      for (const [base, rest] of [
        [parts.slice(cut).join('-'), parts.slice(0, cut).join('-')],
        [parts.slice(0, cut).join('-'), parts.slice(cut).join('-')],
      ]) {
        if (!/[A-Za-z]/.test(base) || base.length < 2 || !VARIANT_MARK.test(rest)) continue;
        const parent = byNorm.get(normalizeName(base));
        if (!parent || parent.key === m.key || parent.type !== 'method') continue;
        if (variantOf)
          edges.push({
            child: m,
            parent,
            relation: 'variant_of',
            rule: { ...variantOf, id: 'lineage-hyphen-composition', confidence: 0.6 },
          });
      }
    }
  }
  // One edge per (child, parent, relation) with all its evidence.
  const out = new Map<string, ExtractedLineage>();
  for (const e of edges) {
    if (e.child.key === e.parent.key) continue;
    const k = `${e.child.key}|${e.parent.key}|${e.relation}`;
    const ev = makeEvidence(e.parent);
    const cur = out.get(k);
    if (cur) {
      if (!cur.evidence.some((x) => x.start === ev.start && x.field === ev.field)) cur.evidence.push(ev);
      continue;
    }
    out.set(k, {
      child: e.child.name,
      parent: e.parent.name,
      relation: e.relation,
      confidence: e.rule.confidence,
      rule: e.rule.id,
      evidence: [ev],
    });
  }
  // A pair keeps only its most specific relation (replaces > combines > extends > variant > uses).
  const order: LineageRelation[] = [
    'replaces_component',
    'combines',
    'extends',
    'variant_of',
    'uses_component',
  ];
  const byPair = new Map<string, ExtractedLineage>();
  for (const e of out.values()) {
    const k = `${e.child}|${e.parent}`;
    const cur = byPair.get(k);
    if (!cur || order.indexOf(e.relation) < order.indexOf(cur.relation)) byPair.set(k, e);
  }
  return [...byPair.values()];
}
