import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Loads the GraphiQL explorer in a real headless Chromium (Debian's /usr/bin/chromium, not a
 * Playwright-downloaded browser) with every request off the gateway's own origin blocked, so it
 * proves the page works with no internet: no CDN, no web fonts. Then it runs a query through the UI.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `graphiql.browser.test.ts: skipped because ${CHROMIUM} is absent. Install it with \`apt-get install -y chromium\` to run the GraphiQL browser test.`,
  );
}

const SCREENSHOT = '/tmp/graphiql.png';
const QUERY = '{ viewer { name } }';
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const RESPONSE_EDITOR = '.graphiql-response .CodeMirror';
// The editor-tools pane holds the variables editor (hidden) and the header editor, which the page's
// defaultEditorToolsVisibility: 'headers' opens.
const HEADER_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';

/** GraphiQL 4's editors are CodeMirror 5: the instance hangs off its wrapper element. */
interface CodeMirrorHost {
  CodeMirror?: { getValue(): string; setValue(value: string): void };
}

/** The full text of the CodeMirror editor at selector (not only the lines it has rendered). */
function editorValue(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => (el as unknown as CodeMirrorHost).CodeMirror?.getValue() ?? '');
}

(hasChromium ? describe : describe.skip)('GraphiQL in headless Chromium (offline)', () => {
  let gw: TestGateway | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  /** Requests the page tried to make off the gateway's origin (all aborted). */
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const failedGraphql: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
    origin = new URL(gw.url).origin;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Context-wide, so requests from workers and popups are covered as well as the page's own.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      let sameOrigin = false;
      try {
        sameOrigin = new URL(url).origin === origin;
      } catch {
        sameOrigin = false;
      }
      if (sameOrigin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    // Belt and braces: anything that reached the network layer without passing the route above.
    context.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (!url.startsWith(`${origin}/`) && !blocked.includes(url)) blocked.push(url);
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      // Allowed: Chromium asks for /favicon.ico on its own and logs the gateway's 404 as a console
      // error. Nothing on the page requests it; it is harmless and same-origin.
      if (new URL(where || 'about:blank').pathname === '/favicon.ico' && /status of 404/.test(message.text())) return;
      consoleErrors.push(`${message.text()} @ ${where}`);
    });
    // Every GraphQL call the page makes (introspection and the query) must succeed: a 401 here means
    // GraphiQL sent it without the header editor's key.
    page.on('response', (res) => {
      if (res.request().method() === 'POST' && new URL(res.url()).pathname === '/graphql' && res.status() !== 200) {
        failedGraphql.push(`${res.status()} ${(res.request().postData() ?? '').slice(0, 80)}`);
      }
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await gw?.stop();
  }, 60_000);

  it('loads with no external requests, prefills the demo key and runs a query', async () => {
    const demoKey = gw!.demoKey;
    expect(demoKey).toMatch(/^afg_test_/);

    const introspection = page.waitForResponse(
      (r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('IntrospectionQuery'),
      { timeout: 30_000 },
    );
    const response = await page.goto(`${gw!.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);

    // GraphiQL's editors: CodeMirror 5 instances for the query, the response and the headers.
    await page.waitForSelector(QUERY_EDITOR, { timeout: 30_000 });
    await page.waitForSelector(RESPONSE_EDITOR, { timeout: 30_000 });
    await page.waitForSelector(HEADER_EDITOR, { timeout: 30_000 });
    await expect(page.locator('.graphiql-editor-tools button.active').innerText()).resolves.toBe('Headers');

    // The header editor holds the demo key, in the editor's model and in what a person sees.
    const headersText = await editorValue(page, HEADER_EDITOR);
    expect(headersText).toContain(`Bearer ${demoKey}`);
    expect(JSON.parse(headersText)).toEqual({ Authorization: `Bearer ${demoKey}` });
    await expect(page.locator(HEADER_EDITOR).innerText()).resolves.toContain(`Bearer ${demoKey}`);

    // Schema introspection authenticated with those headers, so docs and completion work.
    const introspected = await introspection;
    expect(introspected.status()).toBe(200);
    expect(((await introspected.json()) as { data?: { __schema?: unknown } }).data?.__schema).toBeDefined();

    // Replace the query and run it with the execute button.
    await page.locator(QUERY_EDITOR).evaluate((el, query) => {
      const cm = (el as unknown as CodeMirrorHost).CodeMirror;
      if (!cm) throw new Error('query editor has no CodeMirror instance');
      cm.setValue(query);
    }, QUERY);
    expect(await editorValue(page, QUERY_EDITOR)).toBe(QUERY);
    await page.click('.graphiql-execute-button');

    await page.locator(RESPONSE_EDITOR, { hasText: '"name"' }).waitFor({ timeout: 30_000 });
    const resultText = await editorValue(page, RESPONSE_EDITOR);
    expect(resultText).toContain('"name": "AtlasForge Demo"');
    expect(JSON.parse(resultText)).toEqual({ data: { viewer: { name: 'AtlasForge Demo' } } });
    await expect(page.locator('.graphiql-response').innerText()).resolves.toContain('AtlasForge Demo');

    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Offline: the page asked for nothing outside the gateway (no CDN, no fonts, no telemetry).
    expect(blocked).toEqual([]);
    // No uncaught exceptions, no console errors (CSP violations, failed loads and React errors all land here).
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(failedGraphql).toEqual([]);
  }, 60_000);
});
