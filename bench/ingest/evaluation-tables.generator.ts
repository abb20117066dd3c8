// A deterministic synthetic PwC `evaluation-tables.json` (the sota-extractor task format) of a given
// number of leaderboard rows: tasks with a subtask, datasets with a subdataset, rows naming their
// paper by arXiv URL or PwC page, values written as the dump writes them ("71.8%", "48.5 ± 0.3",
// "0.718", "2.1M", and a few "-"). Streams to a file (never the whole array in memory). With `refs`,
// the rows name papers and models of an existing graph (the API benchmark's corpus) and the tables
// datasets and tasks of the caller's choosing, so the dump adds results and no new papers or methods.
import fs from 'node:fs';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const METRICS = ['Top 1 Accuracy', 'F1', 'Error rate', 'BLEU', 'mAP', 'Test perplexity', 'Params'];

function value(r: () => number, metric: string): string {
  const x = r();
  if (x < 0.02) return '-';
  if (metric === 'Params') return `${(x * 300).toFixed(1)}M`;
  if (metric === 'Test perplexity') return (10 + x * 90).toFixed(2);
  if (x < 0.3) return `${(40 + x * 60).toFixed(1)}%`;
  if (x < 0.5) return `${(40 + x * 60).toFixed(1)} ± ${(x * 2).toFixed(1)}`;
  return (0.4 + x * 0.6).toFixed(3);
}

/** What the rows and tables name instead of synthetic papers, models, datasets and tasks. */
export interface EvaluationRefs {
  /** Papers the rows cite (arXiv id, title, date as written in the dump); picked at random per row. */
  papers?: { arxivId: string; title: string; date: string | null }[];
  /** Model names of the rows; picked at random per row. */
  models?: string[];
  /** Name of table `i` (default `Synth Dataset <i>`). */
  dataset?: (table: number) => string;
  /** Name of task `t` (default `Synth Task <t>`). */
  task?: (task: number) => string;
}

/** Writes `rows` rows over tasks of 10 datasets x `rowsPerTable` rows; returns tasks, tables and papers. */
export async function writeEvaluationTables(
  file: string,
  rows: number,
  seed = 7,
  rowsPerTable = 100,
  refs: EvaluationRefs = {},
): Promise<{ tasks: number; tables: number; papers: number }> {
  const r = rng(seed);
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((done) => out.once('drain', () => done()));
  const tables = Math.ceil(rows / rowsPerTable);
  const papers = Math.max(1, Math.floor(rows / 5));
  let written = 0;
  let tasks = 0;
  await write('[\n');
  for (let t = 0; written < rows; t++) {
    tasks++;
    const datasets: unknown[] = [];
    for (let d = 0; d < 10 && written < rows; d++) {
      const table = t * 10 + d;
      const metrics = [METRICS[table % METRICS.length], METRICS[(table + 3) % METRICS.length]];
      const tableRows: unknown[] = [];
      for (let i = 0; i < rowsPerTable && written < rows; i++, written++) {
        const paper = Math.floor(r() * papers);
        const byArxiv = paper % 3 !== 0;
        const model = Math.floor(r() * 2000);
        const ref = refs.papers?.[Math.floor(r() * refs.papers.length)];
        if (ref) {
          tableRows.push({
            model_name: refs.models?.length ? refs.models[model % refs.models.length] : `SynthNet-${model}`,
            paper_title: ref.title,
            paper_url: `https://arxiv.org/abs/${ref.arxivId}`,
            paper_date: ref.date,
            code_links: [],
            model_links: [],
            metrics: Object.fromEntries(metrics.map((m) => [m, value(r, m)])),
            uses_additional_data: false,
          });
          continue;
        }
        tableRows.push({
          model_name: refs.models?.length ? refs.models[model % refs.models.length] : `SynthNet-${model}`,
          paper_title: `Synthetic paper ${paper}`,
          paper_url: byArxiv
            ? `https://arxiv.org/abs/2${String(100 + (paper % 800)).padStart(3, '0')}.${String(paper).padStart(5, '0')}`
            : `https://paperswithcode.com/paper/synthetic-paper-${paper}`,
          paper_date: `20${String(10 + (paper % 15)).padStart(2, '0')}-0${1 + (paper % 9)}-1${paper % 10}`,
          code_links: [],
          model_links: [],
          metrics: Object.fromEntries(metrics.map((m) => [m, value(r, m)])),
          uses_additional_data: false,
        });
      }
      const record = {
        dataset: refs.dataset?.(table) ?? `Synth Dataset ${table}`,
        description: '',
        dataset_links: [],
        dataset_citations: [],
        sota: { metrics, rows: tableRows },
        subdatasets: [],
      };
      datasets.push(record);
    }
    const task = {
      task: refs.task?.(t) ?? `Synth Task ${t}`,
      description: '',
      categories: [],
      synonyms: [],
      source_link: null,
      datasets: datasets.slice(0, 9),
      subtasks: [
        {
          task: `${refs.task?.(t) ?? `Synth Task ${t}`} (subtask)`,
          description: '',
          categories: [],
          synonyms: [],
          source_link: null,
          datasets: datasets.slice(9),
          subtasks: [],
        },
      ],
    };
    await write(`${t > 0 ? ',\n' : ''}${JSON.stringify(task)}`);
  }
  await write('\n]\n');
  await new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())));
  return { tasks, tables, papers };
}
