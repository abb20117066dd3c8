// Flattens one task record of the Papers with Code `evaluation-tables.json` dump (the sota-extractor
// task database: tasks with recursive `subtasks`, datasets with recursive `subdatasets`, each with
// `sota.rows`) into leaderboard results, one per row and metric, or a reject naming the JSON path of
// what could not be read and why. Pure; the dump shape is in docs/INGEST.md.
import { arxivIdOf } from '../paper-input.mapper';
import type { PwcPaperRef, PwcRecord } from './pwc.types';
import { parseScore } from './pwc-score';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A leaderboard result (`path`: the JSON path of its row), or a part of the element that could not be
 * read (`path`: the JSON path of that part).
 */
export type EvaluationItem =
  { ok: true; record: PwcRecord; path: string } | { ok: false; path: string; reason: string };

/** Values that say "no figure here" (PwC's blanks): skipped without a reject. */
const NO_VALUE = /^\s*(?:-+|–|—|n\/?a|none|null|\?)?\s*$/i;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** The paper a row names: an arXiv URL gives its id, a PwC paper page its URL, else the title. */
function rowPaper(row: Json): PwcPaperRef | undefined {
  const ref: PwcPaperRef = {};
  const url = text(row.paper_url);
  const title = text(row.paper_title);
  if (title) ref.title = title;
  if (url) {
    const arxiv = arxivIdOf(url);
    if (arxiv) ref.arxivId = arxiv;
    if (/paperswithcode\.com\/paper\//i.test(url)) ref.pwcUrl = url;
    else ref.url = url;
  }
  return ref.arxivId || ref.pwcUrl || ref.title ? ref : undefined;
}

function dateOf(v: unknown): string | null {
  const s = text(v);
  const m = s ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s) : null;
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
}

/** Every result of one task record (its subtasks and subdatasets included), in document order. */
export function mapEvaluationTask(raw: unknown, rootPath: string, dump: string): EvaluationItem[] {
  const out: EvaluationItem[] = [];
  const task = (t: unknown, path: string): void => {
    if (!isObject(t)) {
      out.push({ ok: false, path, reason: 'a task record must be a JSON object' });
      return;
    }
    const name = text(t.task);
    if (!name) {
      out.push({ ok: false, path: `${path}.task`, reason: 'field "task" is required (the task name)' });
      return;
    }
    list(t.datasets, `${path}.datasets`, (d, p) => dataset(d, p, name));
    list(t.subtasks, `${path}.subtasks`, task);
  };
  const dataset = (d: unknown, path: string, taskName: string): void => {
    if (!isObject(d)) {
      out.push({ ok: false, path, reason: 'a dataset record must be a JSON object' });
      return;
    }
    const name = text(d.dataset);
    if (!name) {
      out.push({
        ok: false,
        path: `${path}.dataset`,
        reason: 'field "dataset" is required (the dataset name)',
      });
      return;
    }
    const sota = d.sota;
    if (sota !== undefined && sota !== null && !isObject(sota)) {
      out.push({ ok: false, path: `${path}.sota`, reason: 'field "sota" must be an object {metrics, rows}' });
    } else if (isObject(sota)) {
      list(sota.rows, `${path}.sota.rows`, (r, p) => row(r, p, taskName, name));
    }
    list(d.subdatasets, `${path}.subdatasets`, (s, p) => dataset(s, p, taskName));
  };
  const row = (r: unknown, path: string, taskName: string, datasetName: string): void => {
    if (!isObject(r)) {
      out.push({ ok: false, path, reason: 'a row must be a JSON object' });
      return;
    }
    const model = text(r.model_name);
    if (!model) {
      out.push({ ok: false, path: `${path}.model_name`, reason: 'field "model_name" is required' });
      return;
    }
    const paper = rowPaper(r);
    if (!paper) {
      out.push({
        ok: false,
        path: `${path}.paper_url`,
        reason: `row "${model.slice(0, 80)}" names no paper (paper_url or paper_title): a result needs its paper`,
      });
      return;
    }
    if (!isObject(r.metrics)) {
      out.push({
        ok: false,
        path: `${path}.metrics`,
        reason: 'field "metrics" must be an object {metric: value}',
      });
      return;
    }
    const date = dateOf(r.paper_date);
    for (const [metric, value] of Object.entries(r.metrics)) {
      const at = `${path}.metrics[${JSON.stringify(metric)}]`;
      if (!metric.trim()) {
        out.push({ ok: false, path: at, reason: 'empty metric name' });
        continue;
      }
      if (value === null || value === undefined) continue;
      const raw = typeof value === 'number' ? String(value) : value;
      if (typeof raw !== 'string') {
        out.push({ ok: false, path: at, reason: `value must be a string or a number, got ${typeof value}` });
        continue;
      }
      if (NO_VALUE.test(raw)) continue;
      const score = parseScore(raw);
      if (!score) {
        out.push({
          ok: false,
          path: at,
          reason: `value ${JSON.stringify(raw.slice(0, 40))} is not a number`,
        });
        continue;
      }
      out.push({
        ok: true,
        path,
        record: {
          kind: 'result',
          paper,
          task: taskName,
          dataset: datasetName,
          metric: metric.trim(),
          model,
          value: score.value,
          unit: score.unit,
          rawValue: raw,
          date,
          dump,
        },
      });
    }
  };
  const list = (v: unknown, path: string, each: (item: unknown, path: string) => void): void => {
    if (v === undefined || v === null) return;
    if (!Array.isArray(v)) {
      out.push({ ok: false, path, reason: 'must be an array' });
      return;
    }
    v.forEach((item, i) => each(item, `${path}[${i}]`));
  };
  task(raw, rootPath);
  return out;
}
