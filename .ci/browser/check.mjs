// Browser gate for .ci/run: drives Debian's chromium with playwright-core against a built
// archive served on 127.0.0.1, and checks the home, timeline, a region page, a brief and the
// budget page at a phone and a desktop width:
//   - no console error, no uncaught page error, no failed or >= 400 same-origin request;
//   - axe-core finds no violation of impact "serious" or "critical";
//   - a full-page screenshot of each is saved (CI artifact): NAME-390.png, NAME-1280.png, and
//     NAME-390-dark.png, NAME-1280-dark.png (the same checks with prefers-color-scheme: dark).
// The search page is checked the same way with results shown (search/?q=<a word of a brief's
// title>), and then driven: a brief found by its own title comes first, typing a query into the
// form updates the results and the shareable ?q= URL, a filter narrows them, a query that
// matches nothing says so in the live region, and result links stay under the sub-path.
//
// usage: node .ci/browser/check.mjs BASE_URL SCREENSHOT_DIR
//   BASE_URL is the site's base URL as built, e.g. http://127.0.0.1:8123/archive/
//
// The region page and the brief are found in the built site (the budget page's region table and
// sitemap.xml, falling back to the links of the home page and of the region index), never
// hard-coded.

import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// The theme declares `color-scheme: light dark`, so the dark palette is checked too (both widths:
// the budget charts and tables change with the width).
const VIEWPORTS = [
  { width: 390, height: 844, isMobile: true, colorScheme: 'light', suffix: '390' },
  { width: 390, height: 844, isMobile: true, colorScheme: 'dark', suffix: '390-dark' },
  { width: 1280, height: 800, isMobile: false, colorScheme: 'light', suffix: '1280' },
  { width: 1280, height: 800, isMobile: false, colorScheme: 'dark', suffix: '1280-dark' },
];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

const [baseArg, shotDir] = process.argv.slice(2);
if (!baseArg || !shotDir) {
  console.error('usage: node check.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
const base = new URL(baseArg.endsWith('/') ? baseArg : `${baseArg}/`);

async function fetchText(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res.text();
}

// Pages under base whose path, relative to base, is `<section>/<one segment>/`.
function pagesIn(urls, section) {
  const out = [];
  for (const raw of urls) {
    let u;
    try {
      u = new URL(raw, base);
    } catch {
      continue;
    }
    if (u.origin !== base.origin || !u.pathname.startsWith(base.pathname)) continue;
    const rest = u.pathname.slice(base.pathname.length);
    const parts = rest.split('/');
    if (parts.length === 3 && parts[0] === section && parts[1] !== '' && parts[2] === '') {
      u.hash = '';
      u.search = '';
      out.push(u.href);
    }
  }
  return [...new Set(out)].sort();
}

function hrefsOf(html) {
  return [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
}

async function discover() {
  let candidates = [];
  try {
    const sitemap = await fetchText(new URL('sitemap.xml', base));
    candidates = [...sitemap.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  } catch (e) {
    console.log(`  (no usable sitemap.xml: ${e.message}; using the links of the pages instead)`);
  }
  // A region with budget lines (linked from the budget page's region table), so that its
  // screenshot shows the trend chart; any region otherwise.
  let region;
  try {
    region = pagesIn(hrefsOf(await fetchText(new URL('budget/', base))), 'regions')[0];
  } catch (e) {
    console.log(`  (budget page not readable: ${e.message})`);
  }
  if (!region) region = pagesIn(candidates, 'regions')[0];
  let brief = pagesIn(candidates, 'briefs')[0];
  if (!brief) brief = pagesIn(hrefsOf(await fetchText(base)), 'briefs')[0];
  if (!region) region = pagesIn(hrefsOf(await fetchText(new URL('regions/', base))), 'regions')[0];
  const missing = [!region && 'a region page (regions/<term>/)', !brief && 'a brief (briefs/<slug>/)'].filter(Boolean);
  if (missing.length) throw new Error(`could not find ${missing.join(' or ')} in sitemap.xml or the site's links`);
  const title = (await fetchText(brief)).match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]?.trim();
  if (!title) throw new Error(`no <h1> title in ${brief}`);
  searchProbe = { brief, title };
  const word = title.split(/\s+/).find((w) => /[가-힣]{2,}/.test(w)) || title;
  return [
    { name: 'home', url: base.href },
    { name: 'search', url: `${new URL('search/', base).href}?q=${encodeURIComponent(word)}`, waitFor: 'ol.search-results > li a' },
    { name: 'timeline', url: new URL('timeline/', base).href },
    { name: 'region', url: region },
    { name: 'brief', url: brief },
    { name: 'budget', url: new URL('budget/', base).href },
  ];
}

async function checkPage(browser, target, vp) {
  const problems = [];
  const context = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    isMobile: vp.isMobile,
    hasTouch: vp.isMobile,
    deviceScaleFactor: 1,
    colorScheme: vp.colorScheme,
    locale: 'ko-KR',
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.push(`console error: ${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (new URL(req.url()).origin === base.origin) {
      problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && new URL(res.url()).origin === base.origin) {
      problems.push(`HTTP ${res.status()} for ${res.url()}`);
    }
  });

  const res = await page.goto(target.url, { waitUntil: 'load', timeout: 30000 });
  if (!res || !res.ok()) problems.push(`page itself answered HTTP ${res ? res.status() : '(no response)'}`);
  if (target.waitFor) {
    await page.waitForSelector(target.waitFor, { timeout: 10000 }).catch(() => problems.push(`no ${target.waitFor} appeared`));
  }

  // Evaluated through the DevTools protocol, not added as a <script>: the pages' CSP
  // (`script-src 'self'`) rightly refuses inline scripts, and a CSP violation is a console error.
  await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const axe = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  const notes = [];
  for (const v of axe) {
    const line = `axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})`;
    if (BLOCKING_IMPACTS.has(v.impact)) {
      problems.push(line);
      for (const n of v.nodes.slice(0, 5)) {
        const why = (n.summary || '').split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
        problems.push(`    at ${n.target}: ${why}`);
      }
    } else {
      notes.push(line);
    }
  }

  // Not a gate, but worth seeing: a page wider than the phone viewport scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) notes.push(`page is ${overflow}px wider than the ${vp.width}px viewport (horizontal scrolling)`);

  const file = path.join(shotDir, `${target.name}-${vp.suffix}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await context.close();
  return { problems, notes, file };
}

// Set by discover(): a brief and its title, for the search checks.
let searchProbe = null;

// Drives the search page like a reader: results, ranking, the URL, filters, the live region.
async function checkSearch(browser) {
  const problems = [];
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
  const searchUrl = new URL('search/', base).href;
  const results = () =>
    page.$$eval('ol.search-results > li', (lis) => lis.map((li) => li.querySelector('a')?.getAttribute('href') || ''));
  const settle = async () => {
    await page.waitForFunction(() => !/찾는 중/.test(document.querySelector('#search-status')?.textContent || ''), null, { timeout: 10000 });
  };

  // A brief found by its whole title comes first, with a link under the sub-path.
  await page.goto(`${searchUrl}?q=${encodeURIComponent(searchProbe.title)}`, { waitUntil: 'load' });
  await page.waitForSelector('ol.search-results > li a', { timeout: 10000 }).catch(() => {});
  let hrefs = await results();
  const want = new URL(searchProbe.brief).pathname;
  if (hrefs.length === 0) problems.push(`searching a brief's title (${searchProbe.title}) found nothing`);
  else if (new URL(hrefs[0], base).pathname !== want) problems.push(`searching "${searchProbe.title}" put ${hrefs[0]} first, not ${want}`);
  for (const h of hrefs) {
    if (!new URL(h, base).pathname.startsWith(`${base.pathname}briefs/`)) problems.push(`result link ${h} is not under ${base.pathname}briefs/`);
  }
  if (await page.$$eval('ol.search-results mark', (m) => m.length) === 0) problems.push('no highlighted <mark> in the results');

  // Typing into the form (keyboard only) updates the results and the shareable URL.
  const word = searchProbe.title.split(/\s+/).find((w) => /[가-힣]{2,}/.test(w)) || searchProbe.title;
  await page.fill('#search-q', '');
  await page.focus('#search-q');
  await page.keyboard.type(word);
  await page.keyboard.press('Enter');
  await settle();
  hrefs = await results();
  const q = new URL(page.url()).searchParams.get('q');
  if (q !== word) problems.push(`after typing "${word}" the URL has q=${q}`);
  if (hrefs.length === 0) problems.push(`typing "${word}" found nothing`);
  const status = await page.textContent('#search-status');
  if (!/\d+건/.test(status || '')) problems.push(`the live region says "${status}", not a result count`);

  // A year filter keeps only briefs of that year.
  const years = await page.$$eval('#search-year option', (os) => os.map((o) => o.value).filter(Boolean));
  if (years.length) {
    await page.selectOption('#search-year', years[years.length - 1]);
    await settle();
    const dates = await page.$$eval('ol.search-results time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    if (dates.some((d) => !d.startsWith(years[years.length - 1]))) problems.push(`year filter ${years[years.length - 1]} kept ${dates.join(', ')}`);
    if (new URL(page.url()).searchParams.get('year') !== years[years.length - 1]) problems.push('the year filter is not in the URL');
    await page.selectOption('#search-year', '');
  }

  // Nothing found is said, not left blank.
  await page.fill('#search-q', 'qqxqzzq');
  await page.keyboard.press('Enter');
  await settle();
  if ((await results()).length) problems.push('a query of nonsense found results');
  if (!/없습니다/.test((await page.textContent('#search-status')) || '')) problems.push('no "검색 결과가 없습니다" for a query that matches nothing');

  // The header box is a plain GET form to the search page.
  await page.goto(base.href, { waitUntil: 'load' });
  const action = await page.getAttribute('form.site-search', 'action');
  if (!action || new URL(action, base).href !== searchUrl) problems.push(`the header search form goes to ${action}, not ${searchUrl}`);
  await context.close();
  return problems;
}

async function main() {
  await mkdir(shotDir, { recursive: true });
  const targets = await discover();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  let failed = 0;
  let checked = 0;
  try {
    console.log(`  chromium ${browser.version()}, axe-core from ${path.relative(process.cwd(), AXE_PATH)}`);
    for (const target of targets) {
      for (const vp of VIEWPORTS) {
        const { problems, notes, file } = await checkPage(browser, target, vp);
        checked += 1;
        const label = `${target.name} @${vp.suffix} ${decodeURI(target.url)}`;
        if (problems.length) {
          failed += 1;
          console.log(`FAIL ${label}`);
          for (const p of problems) console.log(`    ${p}`);
        } else {
          console.log(`ok   ${label} -> ${file}`);
        }
        for (const n of notes) console.log(`    note: ${n}`);
      }
    }
    const problems = await checkSearch(browser);
    checked += 1;
    if (problems.length) {
      failed += 1;
      console.log('FAIL search page, driven');
      for (const p of problems) console.log(`    ${p}`);
    } else {
      console.log('ok   search page, driven: title query ranks its brief first, typing, URL, filter, no-results');
    }
  } finally {
    await browser.close();
  }
  console.log(`browser: ${checked - failed} passed, ${failed} failed`);
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(`browser check crashed: ${e.stack || e}`);
  process.exit(1);
});
