// Open the built docs site in headless Chromium: follow every link of the navigation (from the home page), fail on a
// page that does not load, an image that does not render, a table printed as a paragraph of pipes, an unfilled
// {{name}} placeholder or a visible nbdev directive (#| ...). usage: node docs.mjs BASE_URL
import { chromium } from 'playwright-core';
const [base] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'] });
const bad = [];
try {
  const page = await browser.newPage();
  const r = await page.goto(`${base}/index.html`);
  if (!r || !r.ok()) throw new Error(`index.html: HTTP ${r && r.status()}`);
  const links = await page.$$eval('.toctree-wrapper a.reference.internal, .sidebar-tree a.reference.internal',
                                  (as) => [...new Set(as.map((a) => a.href.split('#')[0]))]);
  if (links.length < 14) bad.push(`navigation lists ${links.length} pages, expected every notebook and the API`);
  for (const url of [`${base}/index.html`, ...links]) {
    const resp = await page.goto(url);
    if (!resp || !resp.ok()) { bad.push(`${url}: HTTP ${resp && resp.status()}`); continue; }
    await page.waitForLoadState('load');
    const broken = await page.$$eval('img', (is) => is.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.src));
    for (const b of broken) bad.push(`${url}: image does not render: ${b}`);
    const unread = await page.evaluate(() => {
      const out = [], prose = [...document.querySelectorAll('p, li, td, h1, h2, h3')];
      if (prose.some((e) => /\{\{\w+\}\}/.test(e.textContent))) out.push('an unfilled {{...}} placeholder');
      if (prose.some((e) => e.tagName === 'P' && /\|\s*-{3,}\s*\|/.test(e.textContent)))
        out.push('a table printed as a paragraph of pipes');
      if ([...document.querySelectorAll('pre')].some((e) => /^#\|/m.test(e.textContent)))
        out.push('a visible nbdev directive (#| ...)');
      return out;
    });
    for (const u of unread) bad.push(`${url}: ${u}`);
    console.log(`ok ${url.replace(base, '')}`);
  }
} finally { await browser.close(); }
if (bad.length) { console.error(bad.join('\n')); process.exit(1); }
console.log('docs: every page of the navigation loads, every image renders, every table and number is filled in');
