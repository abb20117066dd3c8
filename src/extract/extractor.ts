// The extractor: one paper (title + abstract) in, one extraction record out. Pure and synchronous;
// nothing is cached across papers (the lexicon and rules are read-only data compiled at load).
import type { EntityType } from '../names/normalize';
import { canonicalId } from '../names/normalize';
import { makeEvidence, spanEvidence } from './evidence';
import type {
  ExtractedEntity,
  ExtractedLink,
  ExtractedRepo,
  ExtractionRecord,
  PaperInput,
} from './extraction.types';
import { findLineage } from './lineage';
import type { Mention } from './mention.types';
import { collectDefinitions, MentionFinder } from './mentions';
import { markIntroducedVariants, markProposals, markTitleDefinitions, titleContribution } from './roles';
import { extractResults } from './results';
import { ENTITY_RULES } from './rules/entity.rules';
import type { FieldName, Sentence } from './text-units';
import { splitSentences } from './text-units';
import { findUrls, linkKind, normalizeRepoUrl } from './urls';
import { applyTagger } from './tagger/apply-tagger';
import { EXTRACTOR_VERSION } from './version';

export { EXTRACTOR_VERSION } from './version';

const MAX_EVIDENCE = 5;
const TYPE_ORDER: EntityType[] = ['method', 'dataset', 'task', 'concept'];

function fieldSentences(
  field: FieldName,
  text: string,
): { sentences: Sentence[]; urls: ReturnType<typeof findUrls> } {
  const urls = findUrls(text);
  let masked = text;
  for (const u of urls) masked = masked.slice(0, u.start) + ' '.repeat(u.end - u.start) + masked.slice(u.end);
  const sentences = (
    field === 'title'
      ? [{ field, fieldText: text, start: 0, end: text.length, text, index: 0 }]
      : splitSentences(field, masked)
  ).map((s) => ({ ...s, fieldText: text, text: text.slice(s.start, s.end), masked }));
  return { sentences: sentences.filter((s) => s.end > s.start), urls };
}

function sentenceAt(sentences: Sentence[], pos: number): Sentence | undefined {
  return sentences.find((s) => pos >= s.start && pos < s.end) ?? sentences[sentences.length - 1];
}

/** A lexicon mention's type vote: more than any number of context guesses in one abstract. */
const LEXICON_VOTE = 10;

/**
 * One type per name key: the votes of its mentions add up (three method mentions outweigh one
 * confident dataset guess from a context rule); a lexicon mention decides.
 */
export function voteTypes(mentions: readonly Mention[]): Map<string, EntityType> {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const score = m.confidence + (m.introduced ? 0.1 : 0) + (m.fromLexicon ? LEXICON_VOTE : 0);
    const by = votes.get(m.key) ?? new Map<EntityType, number>();
    by.set(m.type, (by.get(m.type) ?? 0) + score);
    votes.set(m.key, by);
  }
  const typeOf = new Map<string, EntityType>();
  for (const [key, by] of votes) {
    let best: { type: EntityType; score: number } | undefined;
    for (const [type, score] of by) if (!best || score > best.score) best = { type, score };
    if (best) typeOf.set(key, best.type);
  }
  return typeOf;
}

/** Entities: mentions grouped by canonical id, one type per name (voteTypes). */
function buildEntities(mentions: Mention[]): ExtractedEntity[] {
  const typeOf = voteTypes(mentions);
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const type = typeOf.get(m.key) ?? m.type;
    if (type !== m.type && !m.fromLexicon) m.type = type;
    const id = canonicalId(m.type, m.name, m.fromLexicon ? m.key : m.key);
    const list = groups.get(id) ?? [];
    list.push(m);
    groups.set(id, list);
  }
  const out: ExtractedEntity[] = [];
  for (const [id, list] of groups) {
    const sorted = [...list].sort((a, b) =>
      a.sentence.field === b.sentence.field ? a.start - b.start : a.sentence.field === 'title' ? -1 : 1,
    );
    const best = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const intro = list
      .filter((m) => m.introduced)
      .sort((a, b) => (b.introduced?.confidence ?? 0) - (a.introduced?.confidence ?? 0))[0];
    const head =
      list.find((m) => m.fromLexicon) ??
      list.find((m) => m.rule === ENTITY_RULES.acronymDefinition.id) ??
      intro ??
      best;
    const name = head.name;
    const aliases = new Set<string>();
    for (const m of list) {
      for (const a of m.aliases) aliases.add(a);
      aliases.add(m.surface);
    }
    aliases.delete(name);
    const confidence = Math.min(
      0.99,
      (intro?.introduced?.confidence ?? best.confidence) + Math.min(0.06, 0.02 * (list.length - 1)),
    );
    const evidence = [];
    const seen = new Set<string>();
    for (const m of sorted) {
      const k = `${m.sentence.field}:${m.start}:${m.end}`;
      if (seen.has(k)) continue;
      seen.add(k);
      evidence.push(makeEvidence(m));
      if (evidence.length >= MAX_EVIDENCE) break;
    }
    out.push({
      type: list[0].type,
      id,
      name,
      role: intro ? 'introduced' : 'used',
      aliases: [...aliases].filter((a) => a.trim() !== ''),
      confidence: Math.round(confidence * 100) / 100,
      rule: intro?.introduced?.rule ?? best.rule,
      evidence,
    });
  }
  return out.sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      (a.role === b.role ? 0 : a.role === 'introduced' ? -1 : 1) ||
      (a.evidence[0]?.field === b.evidence[0]?.field
        ? (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0)
        : a.evidence[0]?.field === 'title'
          ? -1
          : 1),
  );
}

function buildReposAndLinks(
  fields: { field: FieldName; sentences: Sentence[]; urls: ReturnType<typeof findUrls> }[],
  paperLinks: string[],
): { repos: ExtractedRepo[]; links: ExtractedLink[] } {
  const repos = new Map<string, ExtractedRepo>();
  const links = new Map<string, ExtractedLink>();
  for (const f of fields) {
    for (const u of f.urls) {
      const sentence = sentenceAt(f.sentences, u.start);
      if (!sentence) continue;
      const ev = spanEvidence(sentence, u.start, u.end, sentence.fieldText.slice(u.start, u.end));
      const repo = normalizeRepoUrl(u.url);
      if (repo) {
        const cur = repos.get(repo.toLowerCase());
        if (cur) cur.evidence.push(ev);
        else repos.set(repo.toLowerCase(), { url: repo, evidence: [ev] });
        continue;
      }
      const link = linkKind(u.url);
      if (!link) continue;
      const cur = links.get(link.url);
      if (cur) cur.evidence.push(ev);
      else links.set(link.url, { url: link.url, kind: link.kind, evidence: [ev] });
    }
  }
  for (const raw of paperLinks) {
    const repo = normalizeRepoUrl(raw);
    if (repo) {
      if (!repos.has(repo.toLowerCase())) repos.set(repo.toLowerCase(), { url: repo, evidence: [] });
      continue;
    }
    const link = linkKind(raw);
    if (link && !links.has(link.url)) links.set(link.url, { url: link.url, kind: link.kind, evidence: [] });
  }
  return { repos: [...repos.values()], links: [...links.values()] };
}

/** The rule layer's view of a paper: sentences, abbreviation definitions and rule mentions. */
export interface PaperAnalysis {
  title: ReturnType<typeof fieldSentences>;
  abstract: ReturnType<typeof fieldSentences>;
  all: Sentence[];
  defs: ReturnType<typeof collectDefinitions>;
  finder: MentionFinder;
}

/** Sentences, definitions and rule mentions of a paper (also what the tagger's training reads). */
export function analysePaper(paper: Pick<PaperInput, 'title' | 'abstract'>): PaperAnalysis {
  const title = fieldSentences('title', paper.title ?? '');
  const abstract = fieldSentences('abstract', paper.abstract ?? '');
  const all = [...title.sentences, ...abstract.sentences];
  const defs = collectDefinitions(all);
  const finder = new MentionFinder({ title: title.sentences, abstract: abstract.sentences }, defs);
  finder.run();
  return { title, abstract, all, defs, finder };
}

/**
 * The method mentions lineage pairs are drawn from: the rule layer's method spans where it has one
 * (its names are the short, exact ones lineage relates: "two-stream MLP" in "an enhanced two-stream
 * MLP model"), the tagger's elsewhere. A rule span keeps the roles the tagger's mentions earned.
 */
function lineageView(
  tagged: Mention[],
  ruleMethods: Mention[],
  introduced: Map<string, { rule: string; confidence: number }>,
  sentences: Sentence[],
): Mention[] {
  const overlaps = (a: Mention, b: Mention): boolean =>
    a.sentence === b.sentence && a.start < b.end && b.start < a.end;
  const rules = ruleMethods.map((m) =>
    m.introduced || !introduced.has(m.key) ? m : { ...m, introduced: introduced.get(m.key) },
  );
  const exact = (r: Mention): Mention | undefined =>
    tagged.find(
      (t) => t.type === 'method' && t.sentence === r.sentence && t.start === r.start && t.end === r.end,
    );
  const out: Mention[] = rules.map((r) => exact(r) ?? r);
  for (const t of tagged) if (!out.includes(t) && !rules.some((r) => overlaps(r, t))) out.push(t);
  return [...out, ...echoes(out, sentences)];
}

/** A surface distinctive enough to find again by string: has a capital or a digit, 2+ characters. */
const ECHO_SURFACE = /^(?=.*[A-Z0-9])[\p{L}\p{N}][\p{L}\p{N}\s.&+-]*$/u;

/**
 * Later uses of a method name the paper already has that no mention covers ("Kelp builds on ..."
 * after the title's "Kelp: ..."): the tagger marks a coined name in one sentence and not in
 * another. Each becomes a copy of the first mention of that name, so lineage sees the pair.
 */
function echoes(mentions: Mention[], sentences: Sentence[]): Mention[] {
  const bySurface = new Map<string, Mention>();
  for (const m of mentions)
    if (
      m.type === 'method' &&
      ECHO_SURFACE.test(m.surface) &&
      m.surface.length >= 2 &&
      !bySurface.has(m.surface)
    )
      bySurface.set(m.surface, m);
  if (bySurface.size === 0) return [];
  const covered = (s: Sentence, start: number, end: number): boolean =>
    mentions.some((m) => m.sentence === s && m.start < end && start < m.end);
  const out: Mention[] = [];
  for (const s of sentences) {
    for (const [surface, m] of bySurface) {
      let at = s.fieldText.indexOf(surface, s.start);
      while (at >= 0 && at + surface.length <= s.end) {
        const end = at + surface.length;
        const before = at > 0 ? s.fieldText[at - 1] : ' ';
        const after = end < s.fieldText.length ? s.fieldText[end] : ' ';
        if (
          !/[\p{L}\p{N}-]/u.test(before) &&
          !/[\p{L}\p{N}]/u.test(after) &&
          !(after === '-' && /[\p{L}\p{N}]/u.test(s.fieldText[end + 1] ?? '')) &&
          !covered(s, at, end) &&
          !out.some((o) => o.sentence === s && o.start < end && at < o.end)
        )
          out.push({ ...m, start: at, end, sentence: s, rule: 'name-echo' });
        at = s.fieldText.indexOf(surface, end);
      }
    }
  }
  return out;
}

/** Extracts entities, repos, links and lineage from one paper. Deterministic; pure. */
export function extract(paper: PaperInput): ExtractionRecord {
  const { title, abstract, all, defs, finder } = analysePaper(paper);
  const ruleMethods = finder.mentions.filter((m) => m.type === 'method').map((m) => ({ ...m }));
  applyTagger(finder, all, defs);
  const titleKey = titleContribution(finder, title.sentences[0], paper.abstract ?? '');
  markTitleDefinitions(finder, title.sentences[0]);
  markProposals(finder, abstract.sentences, titleKey);
  const variants = markIntroducedVariants(finder);
  // Every mention of an introduced name is introduced.
  const introduced = new Map<string, { rule: string; confidence: number }>();
  for (const m of finder.mentions) if (m.introduced) introduced.set(m.key, m.introduced);
  for (const m of finder.mentions)
    if (!m.introduced && introduced.has(m.key)) m.introduced = introduced.get(m.key);

  const mainKey =
    titleKey ??
    finder.mentions
      .filter((m) => m.introduced && m.type === 'method')
      .sort((a, b) => (b.introduced?.confidence ?? 0) - (a.introduced?.confidence ?? 0))[0]?.key;
  const lineageMentions = lineageView(finder.mentions, ruleMethods, introduced, all);
  const lineage = findLineage(lineageMentions, mainKey, all, variants);
  const used = new Set(lineage.flatMap((l) => [l.child, l.parent]));
  const extra = lineageMentions.filter((m) => !finder.mentions.includes(m) && used.has(m.name));
  const entities = buildEntities([...finder.mentions, ...extra]);
  const { repos, links } = buildReposAndLinks(
    [
      { field: 'title', ...title },
      { field: 'abstract', ...abstract },
    ],
    paper.links ?? [],
  );
  const rec: ExtractionRecord = {
    paper: { id: paper.id, title: paper.title },
    entities,
    repos,
    links,
    lineage,
    results: extractResults(all, entities),
    extractor: { version: EXTRACTOR_VERSION },
  };
  if (paper.url) rec.paper.url = paper.url;
  return rec;
}
