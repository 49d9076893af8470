// Times the Overview page in headless Debian Chromium: signs in once, then opens the page R times, each in a new
// browser context (empty cache, as a first visit), and reports the time from navigation start until both charts
// hold their data (Chart.getChart(id) has datasets with points), until the key figures are in, and the bytes transferred (sum of the encoded
// body sizes of the document and every resource; with headers in brackets). Median of the runs.
//
//   node bench.mjs --url http://localhost:5043 --email bench@genaitrends.local --password-file pw.txt [--runs 7]
//                  [--path "/"] [--width 1366] [--height 900] [--screenshots DIR]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const base = (args.url || 'http://localhost:5043').replace(/\/$/, '');
const email = args.email || 'bench@genaitrends.local';
const password = args['password-file'] ? fs.readFileSync(args['password-file'], 'utf8').trim() : (process.env.BENCH_PASSWORD || '');
const runs = +(args.runs || 7);
const pagePath = args.path || '/';
const viewport = { width: +(args.width || 1366), height: +(args.height || 900) };
const charts = ['share-chart', 'sentiment-chart'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Sign in once; every run starts from the saved cookies in a fresh context with an empty cache.
const login = await browser.newContext();
const lp = await login.newPage();
await lp.goto(base + '/Account/Login');
await lp.fill('input[name="Input.Email"]', email);
await lp.fill('input[name="Input.Password"]', password);
await Promise.all([lp.waitForNavigation(), lp.click('button[type="submit"]')]);
if (new URL(lp.url()).pathname.toLowerCase().startsWith('/account/login')) {
  console.error('Sign-in failed for ' + email);
  process.exit(2);
}
const state = await login.storageState();
await login.close();

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const kb = b => (b / 1024).toFixed(0) + ' KB';
const results = [];
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ storageState: state, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + pagePath, { waitUntil: 'commit' });
  // performance.now() in the page is milliseconds since navigation start.
  const drawnMs = await (await page.waitForFunction(ids => {
    const ok = window.Chart && ids.every(id => {
      const c = window.Chart.getChart(id);
      return c && c.data.datasets.length > 0 && c.data.datasets.every(d => d.data.length > 0);
    });
    return ok ? performance.now() : false;
  }, charts, { polling: 'raf', timeout: 60000 })).jsonValue();
  await page.waitForLoadState('load');
  // The key figures arrive after the charts (a fragment requested on load); wait for them, so a run's queries do
  // not spill into the next run.
  const kpisMs = await (await page.waitForFunction(() => {
    const k = document.querySelector('[data-kpis]');
    return !k || k.getAttribute('aria-busy') === 'false' ? performance.now() : false;
  }, null, { polling: 50, timeout: 60000 })).jsonValue();
  const entries = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
    .map(e => ({ name: e.name.replace(location.origin, ''), enc: e.encodedBodySize, dec: e.decodedBodySize, transfer: e.transferSize, end: e.responseEnd })));
  const encoded = entries.reduce((a, e) => a + e.enc, 0);
  const transfer = entries.reduce((a, e) => a + e.transfer, 0);
  results.push({ drawnMs, kpisMs, encoded, transfer, entries, errors });
  console.log(`run ${r + 1}: charts drawn ${drawnMs.toFixed(0)} ms, key figures ${kpisMs.toFixed(0)} ms, ${kb(encoded)} encoded (${kb(transfer)} with headers), ${entries.length} responses${errors.length ? ', errors: ' + errors.join(' | ') : ''}`);
  if (args.screenshots && r === 0) {
    fs.mkdirSync(args.screenshots, { recursive: true });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(args.screenshots, `overview-${viewport.width}.png`), fullPage: true });
  }
  await context.close();
}
await browser.close();

const mid = results.slice().sort((a, b) => a.drawnMs - b.drawnMs)[results.length >> 1];
console.log('\nresponses of the median run (encoded / decoded bytes, ms to last byte):');
for (const e of mid.entries) console.log(`  ${String(e.enc).padStart(8)} / ${String(e.dec).padStart(8)}  ${e.end.toFixed(0).padStart(5)} ms  ${e.name}`);
const times = results.map(r => r.drawnMs);
console.log(`\n${pagePath} at ${viewport.width}×${viewport.height}, ${runs} runs, new context each: charts drawn median ${median(times).toFixed(0)} ms ` +
  `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}), key figures median ${median(results.map(r => r.kpisMs)).toFixed(0)} ms; transferred median ${kb(median(results.map(r => r.encoded)))} ` +
  `encoded bodies, ${kb(median(results.map(r => r.transfer)))} with headers`);
if (results.some(r => r.errors.length)) process.exitCode = 1;
