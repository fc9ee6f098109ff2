// The browser test of the page (`make web-test`): the built page in
// target/web, served on 127.0.0.1, in headless Debian chromium.
//
// - the seed and a Word fixture, given to the file input, show every
//   recommendation and key action of their gold JSON;
// - each download (CSV, JSON, Markdown, XLSX) is byte for byte what
//   `mresponse convert FILE --to …` prints, run beside the file so that both
//   name the document by its file name;
// - dropping files converts them too; an unknown file type is reported;
// - the page asks for its own files and nothing else.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { browser, fixtures, openPage, ownFiles, root, serve } from './harness.mjs';

const bin = path.resolve(process.env.MRESPONSE_BIN ?? path.join(root, 'target/debug/mresponse'));
const SEED = 'unitar-minamata.md';
const WORD = 'unitar-minamata-word.docx';
const DECISIONS = { accepted: 'Accepted', partially_accepted: 'Partially accepted', rejected: 'Rejected' };

let server;
let chrome;

before(async () => {
  assert.ok(fs.existsSync(bin), `${bin} is missing: cargo build first`);
  server = await serve();
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  await server?.close();
});

/** The gold JSON beside a fixture. */
function gold(name) {
  const stem = name.replace(/\.[^.]+$/, '');
  return JSON.parse(fs.readFileSync(path.join(fixtures, `${stem}.json`), 'utf8'));
}

/** What the command line writes for `name` run from its folder. */
function cli(name, to) {
  return execFileSync(bin, ['convert', '-q', name, '--to', to], { cwd: fixtures, maxBuffer: 64 << 20 });
}

/** Checks that the section of `name` shows every recommendation and key action of its gold. */
async function checkTable(page, name) {
  const doc = gold(name);
  const section = page.locator(`section.doc[data-name="${name}"]`);
  await section.waitFor();
  const shown = await section.evaluate((s) => [...s.querySelectorAll('tbody')].map((tbody) => ({
    id: tbody.dataset.recommendation,
    decision: tbody.querySelector('td.decision .badge')?.textContent ?? null,
    actions: [...tbody.querySelectorAll('tr[data-key-action]')].map((tr) => ({
      text: tr.querySelector('.action-text').textContent,
      due: tr.querySelector('td.due time')?.getAttribute('datetime') ?? null,
      responsible: tr.querySelector('td.responsible').textContent,
    })),
  })));
  const expected = doc.recommendations.map((rec) => ({
    id: rec.id,
    decision: DECISIONS[rec.response.decision] ?? rec.response.decision_text,
    actions: rec.key_actions.map((a) => ({
      text: a.description,
      due: a.time_frame.due,
      responsible: a.responsible.join('; '),
    })),
  }));
  assert.deepEqual(shown, expected, `${name}: the table differs from the gold JSON`);
  const actions = doc.recommendations.reduce((n, r) => n + r.key_actions.length, 0);
  return { recommendations: doc.recommendations.length, actions, ms: Number(await section.getAttribute('data-convert-ms')) };
}

/** Presses a download button from the keyboard; returns the file's name and bytes. */
async function downloadFrom(page, name, button) {
  const section = page.locator(`section.doc[data-name="${name}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), section.locator(button).press('Enter')]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

test('the file input is labelled and the first stop of the keyboard', async () => {
  const page = await openPage(chrome.context, server.origin);
  const input = page.getByLabel('Choose documents, or drop them here');
  assert.equal(await input.getAttribute('type'), 'file');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'files');
  assert.equal(await page.locator('#all').isVisible(), false, 'nothing to download before a file is read');
});

test('the seed and a Word fixture: every recommendation and key action, downloads equal the CLI', async (t) => {
  const page = await openPage(chrome.context, server.origin);
  await page.setInputFiles('#files', [path.join(fixtures, SEED), path.join(fixtures, WORD)]);
  for (const name of [SEED, WORD]) {
    const { recommendations, actions, ms } = await checkTable(page, name);
    t.diagnostic(`${name}: ${recommendations} recommendations, ${actions} key actions, converted in ${ms.toFixed(1)} ms`);
    assert.equal(recommendations, 5, name);
    assert.ok(ms < 1000, `${name}: converting took ${ms} ms`);
    const base = name.replace(/\.[^.]+$/, '');
    for (const [button, to, file] of [
      ['button.dl-csv', 'csv', `${base}.csv`],
      ['button.dl-json', 'json', `${base}.json`],
      ['button.dl-md', 'md', `${base}.normalized.md`],
      ['button.dl-xlsx', 'xlsx', `${base}.xlsx`],
    ]) {
      const got = await downloadFrom(page, name, button);
      assert.equal(got.name, file);
      const want = cli(name, to);
      assert.ok(got.bytes.equals(want), `${name} as ${to}: the page's download differs from the command line's`);
    }
  }
  // Both documents in one CSV: the CLI's rows of each, under one header.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#all-csv')]);
  const all = fs.readFileSync(await download.path(), 'utf8');
  const seed = cli(SEED, 'csv').toString('utf8');
  const word = cli(WORD, 'csv').toString('utf8');
  assert.equal(all, seed + word.slice(word.indexOf('\n') + 1));
});

test('converting the seed, timed in the page', async (t) => {
  const page = await openPage(chrome.context, server.origin);
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.setInputFiles('#files', path.join(fixtures, SEED));
    await page.waitForFunction((n) => document.querySelector('section.doc')?.id === `doc-${n}`, i + 1);
    times.push(Number(await page.locator('section.doc').getAttribute('data-convert-ms')));
  }
  t.diagnostic(`seed conversion in the page, ms: ${times.map((x) => x.toFixed(1)).join(', ')}`);
  assert.ok(Math.max(...times) < 1000);
});

test('dropping files converts them', async () => {
  const page = await openPage(chrome.context, server.origin);
  const files = [SEED, WORD].map((name) => ({ name, data: [...fs.readFileSync(path.join(fixtures, name))] }));
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, data } of files) transfer.items.add(new File([new Uint8Array(data)], name));
    const zone = document.getElementById('dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  for (const name of [SEED, WORD]) await checkTable(page, name);
});

test('a file of unknown type is reported, not converted', async () => {
  const page = await openPage(chrome.context, server.origin);
  await page.setInputFiles('#files', { name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
  const error = page.locator('section.doc.failed[data-name="minutes.pdf"] .error');
  assert.match(await error.textContent(), /^minutes\.pdf: unknown file type/);
  assert.match(await page.locator('#status').textContent(), /minutes\.pdf: unknown file type/);
});

test('no request left the page: only its own files were asked for', async () => {
  const own = ownFiles();
  const foreign = chrome.requests.filter((url) => {
    const u = new URL(url);
    if (u.protocol === 'blob:' || u.protocol === 'data:') return false;
    return u.origin !== server.origin || !own.has(u.pathname);
  });
  assert.deepEqual(foreign, [], 'requests to anything but the page\'s own files');
  assert.ok(chrome.requests.some((url) => url.endsWith('/pkg/mresponse_wasm_bg.wasm')));
  const missing = server.requests.filter((r) => !own.has(r.path));
  assert.deepEqual(missing, [], 'the server was asked for files it does not have');
});
