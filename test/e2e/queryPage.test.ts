// The query page in a real browser (headless Chromium through
// playwright-core): YASGUI loads from this server, an example is picked, a
// query is typed into the editor and run, and the result rows show in the
// YASR table. No request may leave 127.0.0.1: every other request is
// aborted and recorded, and the record must stay empty.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { listen, testApp, type TestApp } from '../helpers/app.js';
import { inlineParameters } from '../../src/query/storedQueries.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const TYPED_QUERY =
  'SELECT ?label WHERE { <https://w3id.org/iot-setup/protocol/brski/role/pledge> <http://www.w3.org/2002/07/owl#equivalentClass> ?role . ?role <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label';

declare global {
  interface Window {
    iotSetupYasgui: { getTab(): { getQuery(): string; setQuery(query: string): void } };
  }
}

// Like rapper and python3-rdflib for the other tests, Chromium is required,
// not optional: without it this fails (it never passes by skipping).
it(`${CHROMIUM} is installed (Debian package chromium; .ci/run installs it)`, () => {
  expect(existsSync(CHROMIUM)).toBe(true);
});

if (existsSync(CHROMIUM)) {
  describe('the query page in headless Chromium', () => {
    let t: TestApp;
    let base: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const outside: string[] = [];
    const pageErrors: string[] = [];
    const failed: string[] = [];

    beforeAll(async () => {
      t = await testApp();
      base = await listen(t.app);
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      context = await browser.newContext();
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1') return route.continue();
        outside.push(url.href);
        return route.abort();
      });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    /** The text of the YASR result table once it shows `expected`. */
    async function resultsContaining(expected: string): Promise<string> {
      const table = page.locator('.yasr .dataTable, .yasr table').first();
      await table.waitFor({ state: 'visible', timeout: 20_000 });
      await page.waitForFunction((text) => document.querySelector('.yasr')?.textContent?.includes(text) ?? false, expected, { timeout: 20_000 });
      return (await page.locator('.yasr').innerText()).trim();
    }

    it('loads YASGUI from this server, with the stored queries as examples', async () => {
      const response = await page.goto(`${base}/query`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.locator('.yasqe .CodeMirror').waitFor({ state: 'visible', timeout: 20_000 });
      const options = await page.locator('#examples option').evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
      expect(options).toEqual(t.deps.storedQueries.map((q) => q.name));
      // The editor starts with the first example.
      expect(await page.evaluate(() => window.iotSetupYasgui.getTab().getQuery())).toBe(inlineParameters(t.deps.storedQueries[0]!));
    }, 60_000);

    it('picking an example puts it in the editor; running it shows the rows', async () => {
      const example = t.deps.storedQueries.find((q) => q.name === 'equivalent-roles')!;
      await page.selectOption('#examples', example.name);
      const shown = await page.evaluate(() => window.iotSetupYasgui.getTab().getQuery());
      // The parameter's default is written in as a VALUES block, so the example answers as /queries/equivalent-roles does.
      expect(shown).toBe(inlineParameters(example));
      expect(shown).toContain('VALUES ?role { <https://w3id.org/iot-setup/protocol/brski/role/pledge> }');
      await page.locator('.yasqe_queryButton').click();
      const text = await resultsContaining('DPP Enrollee');
      expect(text).toContain('https://w3id.org/iot-setup/protocol/dpp/role/enrollee');
      expect(text).toContain('Thread Joiner');
    }, 60_000);

    it('a query typed into the editor runs and its rows appear in the YASR table', async () => {
      await page.locator('.yasqe .CodeMirror').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(TYPED_QUERY);
      expect(await page.evaluate(() => window.iotSetupYasgui.getTab().getQuery())).toBe(TYPED_QUERY);
      await page.locator('.yasqe_queryButton').click();
      const text = await resultsContaining('Thread Joiner');
      expect(text).toContain('DPP Enrollee');
      expect(text).not.toContain('Provisioning');
    }, 60_000);

    it('the page asked nothing of any other host, and nothing failed', () => {
      expect(outside).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(failed).toEqual([]);
    });
  });
}
