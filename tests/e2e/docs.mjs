// Open the built docs site in headless Chromium: follow every link of the navigation (from the home page), fail on a
// page that does not load or an image that does not render. usage: node docs.mjs BASE_URL
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
  const links = await page.$$eval('.toctree-wrapper a.reference.internal, .sphinxsidebar a.reference.internal',
                                  (as) => [...new Set(as.map((a) => a.href.split('#')[0]))]);
  if (links.length < 14) bad.push(`navigation lists ${links.length} pages, expected every notebook and the API`);
  for (const url of [`${base}/index.html`, ...links]) {
    const resp = await page.goto(url);
    if (!resp || !resp.ok()) { bad.push(`${url}: HTTP ${resp && resp.status()}`); continue; }
    await page.waitForLoadState('load');
    const broken = await page.$$eval('img', (is) => is.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.src));
    for (const b of broken) bad.push(`${url}: image does not render: ${b}`);
    console.log(`ok ${url.replace(base, '')}`);
  }
} finally { await browser.close(); }
if (bad.length) { console.error(bad.join('\n')); process.exit(1); }
console.log('docs: every page of the navigation loads and every image renders');
