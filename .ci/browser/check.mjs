// Browser gate for .ci/run: drives Debian's chromium with playwright-core against a built
// archive served on 127.0.0.1, and checks the home, timeline, a region page, a brief and the
// budget page at a phone and a desktop width:
//   - no console error, no uncaught page error, no failed or >= 400 same-origin request;
//   - axe-core finds no violation of impact "serious" or "critical";
//   - a full-page screenshot of each is saved (CI artifact): NAME-390.png, NAME-1280.png, and
//     NAME-390-dark.png, NAME-1280-dark.png (the same checks with prefers-color-scheme: dark).
//
// usage: node .ci/browser/check.mjs BASE_URL SCREENSHOT_DIR
//   BASE_URL is the site's base URL as built, e.g. http://127.0.0.1:8123/archive/
//
// The region page and the brief are found in the built site (the budget page's region table and
// sitemap.xml, falling back to the links of the home page and of the region index), never
// hard-coded.

import { mkdir } from 'node:fs/promises';
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
  return [
    { name: 'home', url: base.href },
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

  await page.addScriptTag({ path: AXE_PATH });
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
