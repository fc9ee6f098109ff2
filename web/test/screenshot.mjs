// docs/web.png: the page with the seed loaded, as a person sees it.

import path from 'node:path';

import { browser, fixtures, openPage, root, serve } from './harness.mjs';

const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/web.png'));
const server = await serve();
const chrome = await browser({ viewport: { width: 1280, height: 800 } });
try {
  const page = await openPage(chrome.context, server.origin);
  await page.setInputFiles('#files', path.join(fixtures, 'unitar-minamata.md'));
  await page.waitForSelector('section.doc[data-name="unitar-minamata.md"]');
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await chrome.close();
  await server.close();
}
