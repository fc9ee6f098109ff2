// mresponse in the browser: read files picked or dropped, convert them with
// the WebAssembly build of the parser, show each as a table with its
// diagnostics, and offer the exports. Nothing is sent anywhere: the files are
// read with the File API and the downloads are made from blobs.

import init, { convert, toJson, toMarkdown, toCsv, toCsvMany, toXlsx } from './pkg/mresponse_wasm.js';

const $ = (id) => document.getElementById(id);
const input = $('files');
const dropzone = $('dropzone');
const statusLine = $('status');
const results = $('results');

/** The documents shown, by section id: { name, document }. */
const documents = new Map();
let counter = 0;

const ready = init().then(
  () => {
    statusLine.textContent = 'Ready: choose or drop documents.';
    document.body.dataset.ready = 'true';
  },
  (err) => {
    statusLine.textContent = `The converter could not load: ${err}`;
    throw err;
  },
);

const DECISIONS = {
  accepted: 'Accepted',
  partially_accepted: 'Partially accepted',
  rejected: 'Rejected',
};

const STATUSES = {
  not_started: 'Not started',
  ongoing: 'Ongoing',
  completed: 'Completed',
  overdue: 'Overdue',
  not_applicable: 'Not applicable',
};

/** An element with a class and children (strings become text, never HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'data') {
      for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) node.dataset[k] = v;
    }
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false || child === '') continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The file name without its extension. */
function stem(name) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function download(fileName, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: fileName, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function announce(text) {
  statusLine.textContent = text;
}

/** Runs an export, reporting a failure instead of throwing it. */
function exporting(what, fn) {
  return () => {
    try {
      fn();
      announce(`Downloaded ${what}.`);
    } catch (err) {
      announce(`Could not export ${what}: ${err.message ?? err}`);
    }
  };
}

/** One diagnostic, as a list item: what, where, then the message. */
function diagnosticItem(d) {
  return el(
    'li',
    { class: `diag diag-${d.severity}`, data: { code: d.code, line: d.line } },
    el(
      'span',
      { class: 'diag-head' },
      el('span', { class: 'sev' }, d.severity),
      ' ',
      el('span', { class: 'where' }, d.line ? `line ${d.line}` : 'document'),
      ' ',
      el('code', {}, d.code),
    ),
    ' ',
    el('span', { class: 'msg' }, d.message),
  );
}

/** The table's rows: one per key action, or one for a recommendation without any. */
function rowsOf(doc) {
  const rows = [];
  for (const rec of doc.recommendations) {
    const actions = rec.key_actions.length ? rec.key_actions : [null];
    actions.forEach((action, i) => {
      // Where the row is in the source, and from which line on the
      // diagnostics are its own: a recommendation's first row takes those
      // of the recommendation's own lines (its decision, say) too.
      const line = action ? action.line : rec.line;
      const from = i === 0 ? (rec.line ?? line) : line;
      rows.push({ rec, action, first: i === 0, span: actions.length, line, from, diagnostics: [] });
    });
  }
  return rows;
}

/**
 * Places each diagnostic beside the row whose source lines hold it: the last
 * row starting at or before its line. What comes before the first row, or
 * has no line, is the document's.
 */
function placeDiagnostics(rows, diagnostics) {
  const general = [];
  for (const d of diagnostics) {
    let target = null;
    if (d.line) {
      for (const row of rows) {
        if (row.from != null && row.from <= d.line) target = row;
      }
    }
    (target ? target.diagnostics : general).push(d);
  }
  return general;
}

function decisionCell(response) {
  const label = DECISIONS[response.decision];
  const written = response.decision_text;
  const cell = el('td', { class: 'decision', role: 'cell', data: { label: 'Decision' } });
  if (label) {
    cell.append(el('span', { class: `badge badge-${response.decision}` }, label));
    if (written && written.toLowerCase() !== label.toLowerCase()) {
      cell.append(el('span', { class: 'as-written' }, `“${written}”`));
    }
  } else if (written) {
    cell.append(el('span', { class: 'badge badge-unknown' }, written));
  } else {
    cell.append(el('span', { class: 'none' }, 'not stated'));
  }
  return cell;
}

function dueCell(action) {
  const cell = el('td', { class: 'due', role: 'cell', data: { label: 'Due' } });
  if (!action) return cell;
  const tf = action.time_frame;
  if (tf.due) {
    cell.append(el('time', { datetime: tf.due }, tf.due));
    if (tf.text) cell.append(el('span', { class: 'as-written' }, tf.text));
  } else if (tf.text) {
    cell.append(tf.text);
  }
  return cell;
}

function statusCell(action) {
  const cell = el('td', { class: 'status-cell', role: 'cell', data: { label: 'Status' } });
  if (!action) return cell;
  const t = action.tracking;
  const text = STATUSES[t.status] ?? t.status_text;
  if (text) cell.append(text);
  return cell;
}

function recommendationHeader(rec, span) {
  const summary = rec.text.length > 90 ? `${rec.text.slice(0, 88).trimEnd()}…` : rec.text;
  const body = rec.text.length > 90
    ? el('details', {}, el('summary', {}, summary), el('p', {}, rec.text))
    : el('p', {}, rec.text);
  return el(
    'th',
    { scope: 'rowgroup', rowspan: span, class: 'rec', role: 'rowheader' },
    el('span', { class: 'rec-id' }, rec.id),
    rec.line ? el('span', { class: 'rec-line' }, `line ${rec.line}`) : null,
    body,
  );
}

function table(id, name, doc) {
  const rows = rowsOf(doc);
  const general = placeDiagnostics(rows, doc.diagnostics ?? []);
  const head = el(
    'thead',
    { role: 'rowgroup' },
    el(
      'tr',
      { role: 'row' },
      ['Recommendation', 'Decision', 'Key action', 'Due', 'Responsible', 'Status', 'Line', 'Diagnostics']
        .map((h) => el('th', { scope: 'col', role: 'columnheader' }, h)),
    ),
  );
  const bodies = [];
  let body = null;
  for (const row of rows) {
    if (row.first) {
      body = el('tbody', { role: 'rowgroup', data: { recommendation: row.rec.id } });
      bodies.push(body);
    }
    const tr = el('tr', {
      role: 'row',
      class: row.diagnostics.length ? 'has-diag' : undefined,
      data: row.action ? { keyAction: row.action.id ?? '' } : { noKeyAction: '' },
    });
    if (row.first) {
      tr.append(recommendationHeader(row.rec, row.span), decisionCell(row.rec.response));
      tr.lastChild.rowSpan = row.span;
    }
    const action = row.action;
    tr.append(
      el(
        'td',
        { class: 'action', role: 'cell', data: { label: 'Key action' } },
        action?.id ? el('span', { class: 'action-id' }, action.id) : null,
        action ? el('span', { class: 'action-text' }, action.description) : el('span', { class: 'none' }, 'no key action'),
      ),
      dueCell(action),
      el('td', { class: 'responsible', role: 'cell', data: { label: 'Responsible' } },
        action ? action.responsible.join('; ') : ''),
      statusCell(action),
      el('td', { class: 'line', role: 'cell', data: { label: 'Line' } }, row.line ?? ''),
      el('td', { class: 'diags', role: 'cell', data: { label: 'Diagnostics' } },
        row.diagnostics.length ? el('ul', {}, row.diagnostics.map(diagnosticItem)) : ''),
    );
    body.append(tr);
  }
  const caption = el('caption', { id: `${id}-caption` }, `Recommendations and key actions of ${name}`);
  const wrap = el(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-labelledby': `${id}-caption`, tabindex: 0 },
    // The roles keep the table a table to screen readers when a narrow
    // window (or a large zoom) lays it out as cards.
    el('table', { role: 'table', class: rows.some((r) => r.diagnostics.length) ? 'with-diags' : undefined },
      caption, head, bodies),
  );
  return { wrap, general };
}

function countActions(doc) {
  return doc.recommendations.reduce((n, r) => n + r.key_actions.length, 0);
}

/** Replaces the section of a file already shown under the same name. */
function sectionFor(name) {
  for (const [id, entry] of documents) {
    if (entry.name === name) {
      documents.delete(id);
      const old = $(id);
      if (old) return old;
    }
  }
  for (const old of results.querySelectorAll('section.doc.failed')) {
    if (old.dataset.name === name) return old;
  }
  return null;
}

function showDocument(name, format, doc, ms) {
  const id = `doc-${++counter}`;
  const old = sectionFor(name);
  documents.set(id, { name, document: doc });
  const json = () => JSON.stringify(doc);
  const diagnostics = doc.diagnostics ?? [];
  const base = stem(name);
  const { wrap, general } = table(id, name, doc);
  const facts = [
    format,
    `language ${doc.language}`,
    `${doc.layout} layout`,
    plural(doc.recommendations.length, 'recommendation'),
    plural(countActions(doc), 'key action'),
    plural(diagnostics.length, 'diagnostic'),
    `converted in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
  ];
  const section = el(
    'section',
    {
      class: 'doc',
      id,
      'aria-labelledby': `${id}-title`,
      data: { name, convertMs: ms.toFixed(2), recommendations: doc.recommendations.length, keyActions: countActions(doc) },
    },
    el('h2', { id: `${id}-title` }, name),
    doc.title ? el('p', { class: 'doc-title' }, doc.title) : null,
    el('ul', { class: 'facts' }, facts.map((f) => el('li', {}, f))),
    el(
      'div',
      { class: 'buttons', role: 'group', 'aria-label': `Download ${name}` },
      el('span', { class: 'buttons-label', 'aria-hidden': 'true' }, 'Download'),
      el('button', {
        type: 'button', class: 'dl-json', 'aria-label': `Download ${name} as JSON`,
        onclick: exporting(`${base}.json`, () => download(`${base}.json`, toJson(json()), 'application/json')),
      }, 'JSON'),
      el('button', {
        type: 'button', class: 'dl-csv', 'aria-label': `Download ${name} as CSV`,
        onclick: exporting(`${base}.csv`, () => download(`${base}.csv`, toCsv(json(), name), 'text/csv')),
      }, 'CSV'),
      el('button', {
        type: 'button', class: 'dl-md', 'aria-label': `Download ${name} as normalized Markdown`,
        onclick: exporting(`${base}.normalized.md`, () => download(`${base}.normalized.md`, toMarkdown(json()), 'text/markdown')),
      }, 'Markdown'),
      el('button', {
        type: 'button', class: 'dl-xlsx', 'aria-label': `Download ${name} as an XLSX workbook`,
        onclick: exporting(`${base}.xlsx`, () => download(
          `${base}.xlsx`,
          toXlsx(JSON.stringify([{ name, document: doc }])),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )),
      }, 'XLSX'),
    ),
    general.length
      ? el('div', { class: 'general' },
        el('h3', {}, 'About the whole document'),
        el('ul', {}, general.map(diagnosticItem)))
      : null,
    wrap,
  );
  if (old) old.replaceWith(section);
  else results.append(section);
}

function showFailure(name, message) {
  const id = `doc-${++counter}`;
  const old = sectionFor(name);
  const section = el(
    'section',
    { class: 'doc failed', id, 'aria-labelledby': `${id}-title`, data: { name } },
    el('h2', { id: `${id}-title` }, name),
    el('p', { class: 'error' }, message),
  );
  if (old) old.replaceWith(section);
  else results.append(section);
}

function updateAll() {
  const n = documents.size;
  $('all').hidden = results.children.length === 0;
  $('all-count').textContent = plural(n, 'document') + ' converted.';
  $('all-csv').disabled = n === 0;
  $('all-xlsx').disabled = n === 0;
}

function namedDocuments() {
  return JSON.stringify([...documents.values()].map(({ name, document }) => ({ name, document })));
}

async function handleFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  await ready;
  const said = [];
  for (const file of files) {
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      showFailure(file.name, `${file.name}: cannot be read (${err.message ?? err})`);
      said.push(`${file.name} could not be read`);
      continue;
    }
    let envelope;
    const start = performance.now();
    try {
      envelope = JSON.parse(convert(bytes, file.name));
    } catch (err) {
      envelope = { ok: false, error: `${file.name}: internal error (${err.message ?? err})` };
    }
    const ms = performance.now() - start;
    if (envelope.ok) {
      showDocument(file.name, envelope.format, envelope.document, ms);
      const doc = envelope.document;
      said.push(`${file.name}: ${plural(doc.recommendations.length, 'recommendation')}, ` +
        `${plural(countActions(doc), 'key action')}, ${plural((doc.diagnostics ?? []).length, 'diagnostic')}`);
    } else {
      showFailure(file.name, envelope.error);
      said.push(envelope.error);
    }
  }
  updateAll();
  announce(`Converted ${plural(files.length, 'file')}. ${said.join('. ')}.`);
}

input.addEventListener('change', () => {
  handleFiles(input.files).finally(() => {
    input.value = '';
  });
});

// Dropping: on the zone, and anywhere on the page so that a file dropped
// beside the zone is converted rather than opened by the browser.
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropzone.classList.add('dragging');
  });
}
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropzone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  dropzone.classList.remove('dragging');
  if (event.dataTransfer?.files?.length) handleFiles(event.dataTransfer.files);
});

$('all-csv').addEventListener('click', exporting('mresponse-key-actions.csv', () => {
  download('mresponse-key-actions.csv', toCsvMany(namedDocuments()), 'text/csv');
}));
$('all-xlsx').addEventListener('click', exporting('mresponse.xlsx', () => {
  download('mresponse.xlsx', toXlsx(namedDocuments()),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}));
$('clear').addEventListener('click', () => {
  documents.clear();
  results.replaceChildren();
  updateAll();
  announce('Cleared.');
  input.focus();
});
