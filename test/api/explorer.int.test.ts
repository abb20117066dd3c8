// Browser test of the lineage explorer (/explore): headless Chromium (test/support/browser.ts) against
// the real server on the test Neo4j, with the default sample graph loaded the way `papergraph start`
// loads it (src/cli/commands/sample-graph.ts: `ingest` of data/sample/, then `curate` of
// data/sample/curated/). The page draws MLP-Mixer's lineage, a click on a node adds its neighbours, a
// click on an edge shows an evidence sentence, a curated edge is drawn and explained as curated; no page
// error, every request stays on 127.0.0.1. Screenshots: test-output/explorer*.png (git-ignored).
import 'reflect-metadata';
import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { runCommand } from '../../src/cli/main';
import { loadSampleGraph, SAMPLE_CURATOR } from '../../src/cli/commands/sample-graph';
import type { Executor } from '../../src/db/executor';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { sampleCorpusFiles, sampleCurationFiles } from '../../src/ingest/sample';
import { readPapers } from '../../src/readers/read-papers';
import { runServer, type RunningServer } from '../../src/server/http-server';
import { CLEANUP_PAPERS, CLEANUP_RELS } from '../ingest/ingest-test.queries';
import { ARTIFACTS_DIR, launchChromium, openPage, saveScreenshot } from '../support/browser';
import { testNeo4jUri } from '../support/neo4j';
import { prepareDatabase, silentLogger, testExecutor } from './api-test-env';
import { CLEANUP_CURATED_LINEAGE, RESULTS_FIXTURE, RESULTS_FIXTURE_CLEANUP } from './explorer-test.queries';

jest.setTimeout(240_000);

let executor: Executor;
let server: RunningServer;
let browser: Browser;
let base: string;
const paperIds: string[] = [];

interface CuratedLine {
  op: string;
  child: string;
  parent: string;
  relation: string;
  note: string;
  evidenceUrl: string;
}
/** The sample's curated lineage, as shipped. */
const curatedLines: CuratedLine[] = sampleCurationFiles().flatMap((file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CuratedLine),
);

/** XploreNet's scores (RESULTS_FIXTURE): its best accuracy is the highest, its best error the lowest. */
const FIXTURE_RESULTS = [
  { id: 'result:xr-1', metric: 'up', value: 71.2 },
  { id: 'result:xr-2', metric: 'up', value: 75.4 },
  { id: 'result:xr-3', metric: 'up', value: 73.1 },
  { id: 'result:xr-4', metric: 'down', value: 4.1 },
  { id: 'result:xr-5', metric: 'down', value: 3.2 },
  { id: 'result:xr-6', metric: 'down', value: 5.0 },
];

/** Browser-side expression (the tests compile without the DOM library). */
const NODE_COUNT = `Number(document.body.getAttribute('data-nodes') || 0)`;

/** Runs `loadSampleGraph` (what `papergraph start` does into an empty graph) against the test server. */
async function loadSampleIntoTestGraph(): Promise<void> {
  const saved = {
    uri: process.env.NEO4J_URI,
    user: process.env.NEO4J_USER,
    password: process.env.NEO4J_PASSWORD,
  };
  const testUser = process.env.NEO4J_TEST_USER?.trim();
  process.env.NEO4J_URI = testNeo4jUri();
  if (testUser) {
    process.env.NEO4J_USER = testUser;
    process.env.NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD ?? '';
  } else {
    delete process.env.NEO4J_USER;
    delete process.env.NEO4J_PASSWORD;
  }
  const log: string[] = [];
  try {
    await loadSampleGraph(
      { runCommand, log: (line) => log.push(line) },
      { progress: false, rejectsDir: ARTIFACTS_DIR },
    );
  } finally {
    for (const [key, value] of [
      ['NEO4J_URI', saved.uri],
      ['NEO4J_USER', saved.user],
      ['NEO4J_PASSWORD', saved.password],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  // Every record and every curated line applied: a rejected one is a failure here, not a warning.
  expect(log.filter((line) => /rejected/.test(line))).toEqual([]);
}

beforeAll(async () => {
  browser = await launchChromium();
  executor = testExecutor();
  await prepareDatabase(executor);
  for await (const read of readPapers(sampleCorpusFiles())) if (read.ok) paperIds.push(read.paper.id);
  await loadSampleIntoTestGraph();
  await executor.write(RESULTS_FIXTURE, { rows: FIXTURE_RESULTS });
  server = await runServer({
    executor: testExecutor(),
    schema: await buildPapergraphSchema(),
    canWrite: () => false,
    ingest: null,
    logger: silentLogger,
    port: 0,
  });
  base = server.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (executor) {
    await executor.write(CLEANUP_CURATED_LINEAGE, {
      pairs: curatedLines.map((l) => [l.child, l.parent]),
    });
    await executor.write(RESULTS_FIXTURE_CLEANUP, {});
    await executor.write(CLEANUP_RELS, { ids: paperIds });
    await executor.write(CLEANUP_PAPERS, { ids: paperIds });
    await executor.close();
  }
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

interface ParentsAndAudit {
  method: {
    parents: {
      edges: {
        node: { id: string };
        relation: string;
        sources: string[];
        evidence: { field: string; sentence: string; url: string | null; source: string }[];
      }[];
    };
  };
  auditLog: { nodes: { action: string; actor: string }[] };
}

describe('lineage explorer: in a headless browser', () => {
  it('serves the page with a strict CSP and its scripts from this server', async () => {
    const page = await fetch(`${base}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toContain('/explore/assets/cytoscape.min.js');
    for (const src of scripts) expect((await fetch(`${base}${src}`)).status).toBe(200);
    expect((await fetch(`${base}/explore/assets/nope.js`)).status).toBe(404);
  });

  it("draws MLP-Mixer's lineage, expands a node, shows evidence, and uses only 127.0.0.1", async () => {
    const { page, errors: pageErrors, hosts } = await openPage(browser);

    // Open it the way a person does: type a misspelt name in the search box, pick the hit with the keyboard.
    await page.goto(`${base}/explore`);
    await page.fill('#search-input', 'mlp mixr');
    await page.locator('#search-results [role=option]', { hasText: 'MLP-Mixer' }).first().waitFor();
    while (
      (await page.locator('#search-results [aria-selected=true]').textContent())?.startsWith('MLP-Mixer') !==
      true
    )
      await page.press('#search-input', 'ArrowDown');
    await page.press('#search-input', 'Enter');
    await page.waitForURL(/\?method=method%3Amlp-mixer/);
    await page.locator('#node-list li', { hasText: /^MLP-Mixer/ }).waitFor();
    await page.locator('#method-info .method-name', { hasText: 'MLP-Mixer' }).waitFor();
    const drawn = (await page.locator('#node-list li').allTextContents()).map((t) => t.replace(/root$/, ''));
    expect(drawn).toContain('MLP-Mixer');
    expect(drawn.length).toBeGreaterThan(1);
    const edges = await page.locator('#edge-list li').allTextContents();
    expect(edges.some((e) => e.includes('MLP-Mixer'))).toBe(true);

    // Click (in the canvas) a neighbour of MLP-Mixer: its own neighbours are added.
    const before = Number(await page.evaluate(NODE_COUNT));
    const neighbours = JSON.parse(
      String(
        await page.evaluate(
          `JSON.stringify(window.papergraphExplorer.cy.nodes('.root').neighborhood('node').toArray()
             .map((n) => ({ id: n.id(), name: n.data('name') })))`,
        ),
      ),
    ) as { id: string; name: string }[];
    let expanded = false;
    // Which neighbour has edges not drawn yet is unknown to the test: try each.
    for (const { id, name } of neighbours) {
      const point = (await page.evaluate(
        `(() => { const n = window.papergraphExplorer.cy.getElementById(${JSON.stringify(id)});
           const box = document.getElementById('cy').getBoundingClientRect();
           const p = n.renderedPosition(); return { x: box.left + p.x, y: box.top + p.y }; })()`,
      )) as { x: number; y: number };
      await page.mouse.click(point.x, point.y);
      await page.locator('#method-info .method-name', { hasText: name }).waitFor();
      // Locator waits, not waitForFunction: the page's CSP forbids the eval that a string predicate needs.
      await page
        .locator('#status', { hasText: `Added the neighbours of ${name}.` })
        .or(page.locator('#status', { hasText: `${name} has no further neighbours.` }))
        .waitFor();
      if (Number(await page.evaluate(NODE_COUNT)) > before) {
        expanded = true;
        break;
      }
    }
    expect(expanded).toBe(true);

    // Click an edge (from the accessible list): its evidence sentence, the mention highlighted.
    await page.locator('#edge-list li button', { hasText: 'MLP-Mixer' }).first().click();
    const sentence = page.locator('#evidence blockquote.evidence-sentence').first();
    await sentence.waitFor();
    expect(((await sentence.textContent()) ?? '').length).toBeGreaterThan(20);
    expect(await page.locator('#evidence mark').count()).toBeGreaterThan(0);

    // Back returns to the empty page the search started from; forward to MLP-Mixer.
    await page.goBack();
    await page.locator('body[data-nodes="0"]').waitFor({ state: 'attached' });
    await page.goForward();
    await page.locator('#method-info .method-name', { hasText: 'MLP-Mixer' }).waitFor();
    await page.locator('#edge-list li button', { hasText: 'MLP-Mixer' }).first().click();
    await page.locator('#evidence blockquote').first().waitFor();
    await saveScreenshot(page, 'explorer');

    expect(pageErrors).toEqual([]);
    expect([...hosts]).toEqual(['127.0.0.1']);
    await page.close();
  });
});

describe('the sample graph: curated landmark lineage', () => {
  it('has every curated sample line as a `curated` edge in the API, with its note, URL and audit entry', async () => {
    expect(curatedLines.length).toBeGreaterThan(0);
    for (const line of curatedLines) {
      expect(line.op).toBe('assertLineage');
      expect(line.evidenceUrl).toMatch(/^https:\/\//);
      const data = await gql<ParentsAndAudit>(
        `query($id: ID!) { method(id: $id) { parents { edges { node { id } relation sources
           evidence { field sentence url source } } } } auditLog(target: $id, first: 20) { nodes { action actor } } }`,
        { id: line.child },
      );
      const edge = data.method.parents.edges.find((e) => e.node.id === line.parent);
      expect([line.child, edge?.sources]).toEqual([line.child, expect.arrayContaining(['curated'])]);
      expect(edge?.evidence).toContainEqual({
        field: 'curation',
        sentence: line.note,
        url: line.evidenceUrl,
        source: 'curated',
      });
      expect(data.auditLog.nodes).toContainEqual({ action: 'assertLineage', actor: SAMPLE_CURATOR });
    }
  });

  it('draws a curated edge unlike an extracted one and explains it with its source', async () => {
    // The parent with the most curated children: its descendants show curated and extracted edges side by side.
    const byParent = new Map<string, CuratedLine[]>();
    for (const line of curatedLines) byParent.set(line.parent, [...(byParent.get(line.parent) ?? []), line]);
    const [parent, lines] = [...byParent.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const line = lines[0];
    const { page, errors: pageErrors, hosts } = await openPage(browser);
    await page.goto(`${base}/explore?method=${encodeURIComponent(parent)}&direction=DESCENDANTS&depth=1`);
    const key = `${line.child} -> ${line.parent}`;
    await page.locator(`#edge-list li[data-id="${key}"]`).waitFor();
    // The accessible list names the source; the drawing gives it its own line style and label.
    expect(await page.locator(`#edge-list li[data-id="${key}"] .badge`).allTextContents()).toContain(
      'curated',
    );
    const drawn = JSON.parse(
      String(
        await page.evaluate(
          `JSON.stringify(window.papergraphExplorer.cy.edges().toArray().map((e) => ({
             id: e.id(), sources: e.data('sources'), style: e.style('line-style'), label: e.data('label') })))`,
        ),
      ),
    ) as { id: string; sources: string[]; style: string; label: string }[];
    const curated = drawn.find((e) => e.id === key);
    expect(curated).toMatchObject({ style: 'dashed', label: `${line.relation} (curated)` });
    const extracted = drawn.filter((e) => !e.sources.includes('curated'));
    expect(extracted.length).toBeGreaterThan(0);
    for (const e of extracted)
      expect([e.id, e.style, e.label]).toEqual([e.id, 'solid', expect.not.stringContaining('curated')]);

    // Its evidence: the curator's note and the paper it cites, marked curated.
    await page.locator(`#edge-list li[data-id="${key}"] button`).click();
    await page.locator('#evidence .curated-note', { hasText: line.note }).waitFor();
    expect(await page.locator('#evidence a.evidence-url').getAttribute('href')).toBe(line.evidenceUrl);
    expect(await page.locator('#evidence .badge.curated').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'explorer-curated');

    expect(pageErrors).toEqual([]);
    expect([...hosts]).toEqual(['127.0.0.1']);
    await page.close();
  });
});

describe('the best-results side panel', () => {
  it("lists a method's best score per dataset and metric, by the metric's direction", async () => {
    const { page, errors: pageErrors, hosts } = await openPage(browser);
    await page.goto(`${base}/explore?method=method%3Axplorenet`);
    const acc = page.locator('#method-info li.result[data-metric="metric:xploreacc"]');
    const err = page.locator('#method-info li.result[data-metric="metric:xploreerr"]');
    await acc.waitFor();
    // higher is better: 75.4 of 71.2 / 75.4 / 73.1; lower is better: 3.2 of 4.1 / 3.2 / 5.0
    expect(await acc.locator('.result-value').textContent()).toBe('75.4%');
    expect(await err.locator('.result-value').textContent()).toBe('3.2%');
    expect(await acc.textContent()).toContain('Xplore accuracy on XploreSet');
    expect(await acc.textContent()).toContain('best of 3');
    expect(await acc.textContent()).toContain('XploreNet: Scores for the Explorer Test');
    await saveScreenshot(page, 'explorer-results');

    // A sample method with an extracted score shows it, with the sentence it was read from.
    const sample = await gql<{ papers: { nodes: { results: SampleResult[] }[] } }>(
      `{ papers(first: 100) { nodes { results { value method { id } metric { id } dataset { id } evidence { sentence } } } } }`,
    );
    const scored = sample.papers.nodes.flatMap((p) => p.results).find((r) => r.method && r.evidence.length);
    expect(scored).toBeDefined();
    if (!scored?.method) return;
    await page.goto(`${base}/explore?method=${encodeURIComponent(scored.method.id)}`);
    const item = page.locator(
      `#method-info li.result[data-dataset="${scored.dataset.id}"][data-metric="${scored.metric.id}"]`,
    );
    await item.first().waitFor();
    expect(await item.first().locator('blockquote.result-sentence').count()).toBe(1);

    expect(pageErrors).toEqual([]);
    expect([...hosts]).toEqual(['127.0.0.1']);
    await page.close();
  });

  it('says so when a method has no result', async () => {
    const { page, errors: pageErrors } = await openPage(browser);
    await page.goto(`${base}/explore?method=method%3Amlp-mixer`);
    await page.locator('#method-info h2', { hasText: 'Best results' }).waitFor();
    const results = await gql<{ method: { results: { totalCount: number } } }>(
      `{ method(id: "method:mlp-mixer") { results { totalCount } } }`,
    );
    if (results.method.results.totalCount === 0)
      await page.locator('#method-info p', { hasText: 'No result reported for this method yet.' }).waitFor();
    else expect(await page.locator('#method-info li.result').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

interface SampleResult {
  value: number;
  method: { id: string } | null;
  metric: { id: string };
  dataset: { id: string };
  evidence: { sentence: string }[];
}
