// Open a notebook that shows Explorer().widget in JupyterLab, run it, move the epoch slider, check the image changes.
// usage: node explore.mjs URL SHOT_DIR
import { chromium } from 'playwright-core';
const [url, shots] = process.argv.slice(2);
const fail = (m) => { console.error(`e2e: ${m}`); process.exit(1); };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  await page.locator('.jp-Notebook').first().waitFor({ timeout: 120000 });
  await page.waitForTimeout(3000);                               // let the kernel start
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
  const img = page.locator('.jupyter-widgets img').first();
  await img.waitFor({ timeout: 180000 });
  const sliders = await page.locator('.widget-hslider').count();
  if (sliders < 2) fail(`expected the epoch and sample sliders, found ${sliders}`);
  await page.waitForFunction(() => { const i = document.querySelector('.jupyter-widgets img'); return i && i.naturalWidth > 0; }, null, { timeout: 60000 });
  const before = await img.getAttribute('src');
  // digits must look like digits: the rendered image keeps the PNG's aspect ratio (no stretching to the controls' height)
  const shape = await img.evaluate((i) => { const r = i.getBoundingClientRect(); return [r.width / r.height, i.naturalWidth / i.naturalHeight]; });
  if (Math.abs(shape[0] / shape[1] - 1) > 0.05) fail(`image rendered with aspect ratio ${shape[0].toFixed(2)}, the grid's is ${shape[1].toFixed(2)}`);
  await page.screenshot({ path: `${shots}/explore_before.png` });
  // the epoch slider is the one labelled "epoch": focus its handle and step it to the first epoch
  const epoch = page.locator('.widget-hslider', { has: page.locator('.widget-label', { hasText: /^epoch$/ }) });
  await epoch.locator('.noUi-handle').first().focus();
  await page.keyboard.press('Home');
  await page.waitForFunction((b) => { const i = document.querySelector('.jupyter-widgets img'); return i && i.getAttribute('src') !== b; }, before, { timeout: 120000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${shots}/explore_after.png` });
  const label = await epoch.locator('.widget-readout').first().innerText();
  console.log(`e2e ok: ${sliders} sliders rendered, aspect ratio kept (${shape[0].toFixed(2)}); epoch slider moved to ${label.trim()} and the image changed`);
} finally { await browser.close(); }
