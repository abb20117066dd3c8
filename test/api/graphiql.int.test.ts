// Browser test: headless Chromium (test/support/browser.ts) opens the self-hosted GraphiQL, runs the
// preloaded lineage query against the real server and sees the result; every request stays on the
// loopback host. Screenshot: test-output/graphiql.png.
import 'reflect-metadata';
import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Executor } from '../../src/db/executor';
import { buildPapergraphSchema } from '../../src/graphql/common/schema';
import { runServer, type RunningServer } from '../../src/server/http-server';
import { launchChromium, openPage, saveScreenshot } from '../support/browser';
import {
  cleanFixture,
  loadFixture,
  prepareDatabase,
  silentLogger,
  testExecutor,
  type FixtureGraph,
} from './api-test-env';

jest.setTimeout(600_000);

const WAIT_MS = 120_000;

// A graph of its own (names unlike the other API tests') so files can run in parallel.
const GRAPH: FixtureGraph = {
  papers: [
    {
      id: 'gq-0001',
      title: 'BrowserNet',
      abstract: 'BrowserNet extends PageFormer with tabs.',
      published: '1961-01-01',
      year: 1961,
      url: null,
      authors: [],
    },
  ],
  entities: [
    { label: 'Method', id: 'method:browsernet', name: 'BrowserNet', aliases: [] },
    { label: 'Method', id: 'method:pageformer', name: 'PageFormer', aliases: [] },
  ],
  repos: [],
  rels: [
    {
      type: 'INTRODUCES',
      from: 'gq-0001',
      to: 'method:browsernet',
      confidence: 0.9,
      evidence: [{ field: 'title', mention: 'BrowserNet' }],
    },
    {
      type: 'BUILDS_ON',
      from: 'method:browsernet',
      to: 'method:pageformer',
      paperId: 'gq-0001',
      relation: 'extends',
      confidence: 0.8,
      evidence: [{ field: 'abstract', mention: 'extends' }],
    },
  ],
};

let executor: Executor;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  executor = testExecutor();
  await prepareDatabase(executor);
  await loadFixture(executor, GRAPH);
  server = await runServer({
    executor: testExecutor(),
    schema: await buildPapergraphSchema(),
    canWrite: () => false,
    ingest: null,
    logger: silentLogger,
    port: 0,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (executor) {
    await cleanFixture(executor, GRAPH);
    await executor.close();
  }
});

describe('GraphiQL: in a headless browser', () => {
  it('runs the preloaded lineage query and shows the result, without contacting any other host', async () => {
    // Waits are for conditions; the cap is wide because a loaded 2-core machine may take tens of
    // seconds to load and run GraphiQL's bundle (playwright's default is 30 s).
    const {
      page,
      errors: pageErrors,
      hosts,
    } = await openPage(browser, {
      width: 1280,
      height: 720,
      timeoutMs: WAIT_MS,
    });

    await page.goto(server.url.replace(/graphql$/, 'graphiql'));
    await page.waitForSelector('.graphiql-container', { timeout: WAIT_MS });
    // The first tab is the lineage example; point its variables at this test's graph and run it.
    await page.waitForSelector('.graphiql-editor-tool .CodeMirror', { timeout: WAIT_MS });
    // (Browser-side code as strings: the tests compile without the DOM library.)
    await page.evaluate(
      `document.querySelectorAll('.graphiql-editor-tool .CodeMirror')[0].CodeMirror.setValue(${JSON.stringify(JSON.stringify({ name: 'browsernet', maxDepth: 2 }))})`,
    );
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window').getByText('PageFormer').first().waitFor({ timeout: WAIT_MS });
    // the whole response from the result editor (CodeMirror renders only the lines in view)
    const result = String(
      await page.evaluate(
        `(document.querySelector('.result-window .CodeMirror') || {}).CodeMirror?.getValue() ?? document.querySelector('.result-window').textContent`,
      ),
    );
    const screenshot = await saveScreenshot(page, 'graphiql', true);

    expect(result).toContain('"relation": "extends"');
    expect(result).toContain('BrowserNet extends PageFormer with tabs.');
    expect(pageErrors).toEqual([]);
    expect([...hosts]).toEqual(['127.0.0.1']);
    expect(fs.statSync(screenshot).size).toBeGreaterThan(10_000);
  });
});
