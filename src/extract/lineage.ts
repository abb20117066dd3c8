// Method lineage (BUILDS_ON child -> parent) where the text states the relation: a cue from
// rules/lineage.rules.ts governs the parent's mention in a sentence about the child. No edge
// from co-occurrence alone; comparison contexts ("outperforms X") never give an edge.
import type { ExtractedLineage, LineageRelation } from './extraction.types';
import type { Mention } from './mention.types';
import { COMPARISON_CUE, LINEAGE_RULES } from './rules/lineage.rules';
import type { LineageRule } from './rules/lineage.rules';
import type { Sentence } from './text-units';
import { makeEvidence } from './evidence';

const ABOUT_US = /\b(?:we|our|the proposed|this (?:paper|work|study)|the resulting)\b/i;
const SUBJECT_CUES =
  /^\s*(?:is|are|was|were)?\s*(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}?(?:(?:designed|built|constructed|implemented|composed|made)\s+(?:using|with|from|of|on|upon)|based on|consist(?:s|ing)? of|extends|builds on|builds upon|variant of|uses|employs|adopts)\b/i;
const VARIANT_ADJ =
  /\b(?:lightweight|light-weight|simplified|efficient|sparse|tiny|smaller|larger|deeper)\s+$/i;

interface Edge {
  child: Mention;
  parent: Mention;
  relation: LineageRelation;
  rule: LineageRule;
}

/** The rule whose cue is closest before `pos` in `text` (within the clause), if any. */
function nearestCue(text: string, clauseStart: number, pos: number): LineageRule | undefined {
  const window = text.slice(clauseStart, pos);
  let best: { rule: LineageRule; at: number } | undefined;
  for (const rule of LINEAGE_RULES) {
    const re = new RegExp((rule.pattern as RegExp).source, 'gi');
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (rule.relation === 'variant_of' && !/ of$/i.test(m[0]) && !/inspired by|adapt|modif/i.test(m[0])) {
        // adjectives: only directly before the name
        if (!VARIANT_ADJ.test(window.slice(0, m.index + m[0].length + 1))) continue;
        if (window.length - (m.index + m[0].length) > 2) continue;
      }
      if (!best || m.index >= best.at) best = { rule, at: m.index };
    }
  }
  if (!best) return undefined;
  // A comparison cue after the lineage cue cancels it.
  const tail = window.slice(best.at);
  if (COMPARISON_CUE.test(tail)) return undefined;
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
): ExtractedLineage[] {
  const edges: Edge[] = [];
  const methods = mentions.filter((m) => m.type === 'method');
  const child = childKey ? methods.find((m) => m.key === childKey) : undefined;
  for (const s of sentences) {
    const inS = methods.filter((m) => m.sentence === s).sort((a, b) => a.start - b.start);
    if (inS.length === 0) continue;
    const text = s.fieldText;
    const aboutChild = child && (ABOUT_US.test(s.text) || inS.some((m) => m.key === child.key));
    if (child && aboutChild) {
      for (const p of inS) {
        if (p.key === child.key || p.introduced) continue;
        const cs = clauseStartBefore(text, s.start, p.start);
        const rule = nearestCue(text, cs, p.start);
        if (!rule) continue;
        edges.push({ child, parent: p, relation: rule.relation, rule });
      }
    }
    // "A is a ... built using B": a stated relation between two methods the paper uses.
    const subject = inS[0];
    if (subject.start - s.start <= 12 && (!child || subject.key !== child.key || !aboutChild)) {
      for (const p of inS.slice(1)) {
        if (p.key === subject.key) continue;
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
      seen.add(m.key);
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
