// The browser pages' serving shape (src/server/static-page.ts) for every page the server has: the page
// with the strict CSP, its listed assets, nothing else under its asset path.
import { PAGES } from '../../src/server/pages';
import { PAGE_CSP } from '../../src/server/static-assets';
import { StaticPage } from '../../src/server/static-page';

describe.each(PAGES.map((spec) => [spec.route, spec] as const))('page %s', (route, spec) => {
  const page = new StaticPage(spec);

  it('serves the page as HTML with the strict CSP and no-cache', () => {
    const reply = page.reply(route);
    expect(reply?.status).toBe(200);
    if (reply?.status !== 200) return;
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body.toString('utf8')).toMatch(/^<!doctype html>/i);
  });

  it('serves every listed asset, cacheable, and every script the page names is one of them', () => {
    for (const name of Object.keys(spec.assets)) {
      const reply = page.reply(`${route}/assets/${name}`);
      expect([name, reply?.status]).toEqual([name, 200]);
      if (reply?.status === 200) expect(reply.headers['cache-control']).toBe('public, max-age=3600');
    }
    const html = page.page();
    const body = html.status === 200 ? html.body.toString('utf8') : '';
    const referenced = [...body.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
    for (const ref of referenced.filter((r) => r.includes('/assets/')))
      expect([ref, page.reply(ref)?.status]).toEqual([ref, 200]);
  });

  it('answers null for anything else (unknown names, traversal, other pages)', () => {
    expect(page.reply(`${route}/assets/nope.js`)).toBeNull();
    expect(page.reply(`${route}/assets/../../package.json`)).toBeNull();
    expect(page.reply(`${route}/assets/`)).toBeNull();
    expect(page.reply(`${route}x`)).toBeNull();
    for (const other of PAGES.filter((p) => p !== spec)) expect(page.reply(other.route)).toBeNull();
  });
});

it('refuses a page whose HTML is not one of its assets', () => {
  expect(() => new StaticPage({ title: 'X', route: '/x', html: 'x.html', assets: {} })).toThrow(
    /x.html is not one of its assets/,
  );
});
