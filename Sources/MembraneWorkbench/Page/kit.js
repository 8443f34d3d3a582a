// The panel framework: one panel module describes its controls, its requests and how to show the answer;
// the host here does the rest the same way for every panel: live recomputation (debounced, stale requests
// aborted), changed-from-default highlights and resets, the page state in the URL, errors that point at the
// field, the teaching aids (equation, command line, JSON, methods sentence, report), hold-and-overlay, and
// export (CSV with a metadata header, JSON, SVG).
//
// A panel module exports { id, title, group, summary, setup(ctx), compute(ctx, signal), render(ctx, result),
// restore?(ctx, params) }. render returns a view: { main: Node, figures?: [{key, title, spec, height?}],
// equation?: Node, methods?: string, csv?: {columns, rows}, notes?: [string] }.

import { ApiError, LiveRunner, commandLine, post, plotFigure, server } from './api.js';
import { FigureView, figureToSVG, axisTitle } from './plot.js';
import { h, copyText, download, num } from './ui.js';

export const PAGE_VERSION = 1;

function isoNow() { return new Date().toISOString().replace(/\.\d+Z$/, 'Z'); }

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n#]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns of a figure's series as CSV columns (x, then each series' y; series on other x get their own x). */
function figureColumns(spec) {
  const columns = [], data = [];
  for (const panel of spec.panels || []) {
    let lastX = null;
    for (const s of panel.series) {
      const xs = panel.x.categories ? s.x.map((i) => panel.x.categories[i]) : s.x;
      if (!lastX || lastX.length !== xs.length || lastX.some((v, j) => v !== xs[j])) {
        columns.push(panel.x.categories ? (panel.x.label || 'category') : axisTitle(panel.x));
        data.push(xs);
        lastX = xs;
      }
      columns.push(`${s.name}${panel.y.unit ? ` (${panel.y.unit})` : ''}`);
      data.push(s.y);
    }
  }
  const n = Math.max(0, ...data.map((d) => d.length));
  const rows = Array.from({ length: n }, (_, j) => data.map((d) => d[j] ?? ''));
  return { columns, rows };
}

export class PanelHost {
  constructor(panel, { onState }) {
    this.panel = panel;
    this.onState = onState;
    this.fields = new Map();
    this.calls = [];
    this.lastView = null;
    this.figures = new Map();
    this.held = null;
    this.built = false;
    this.element = h('section', { class: 'panel', id: `panel-${panel.id}`, aria: { labelledby: `title-${panel.id}` } });
  }

  // ---- context offered to the panel module ----

  /** Registers a control under its key and puts it in `where` (default: the controls column). */
  add(field, where = this.controls, { onChange, silent } = {}) {
    this.fields.set(field.key, field);
    field.onChange = (f) => {
      onChange?.(f);
      if (!silent) this.changed();
    };
    if (where) where.append(field.element);
    return field;
  }

  /** Unregisters (and removes) every control whose key starts with `prefix`. */
  removeFields(prefix) {
    for (const [k, f] of [...this.fields]) if (k.startsWith(prefix)) { f.element.remove(); this.fields.delete(k); }
  }

  value(key) { return this.fields.get(key)?.value; }

  /** A request body from fields whose keys are the API's option names: given values only (optionally only changed ones). */
  collect(keys, { changedOnly = false } = {}) {
    const out = {};
    for (const k of keys) {
      const f = this.fields.get(k);
      if (!f || f.element.hidden) continue;
      const v = f.value;
      if (v === null || v === undefined || v === '' || (changedOnly && f.isDefault())) continue;
      out[f.apiField] = v;
    }
    return out;
  }

  /** A titled group of controls in the controls column. */
  group(title, ...children) {
    const body = h('div', { class: 'group-body' }, ...children);
    const g = h('fieldset', { class: 'group' }, h('legend', { text: title }), body);
    this.controls.append(g);
    return body;
  }

  /** POST /api/COMMAND, recorded for the command line, JSON and export. */
  async post(command, body, signal) {
    const result = await post(command, body, signal);
    this.calls.push({ command, body, result });
    return result;
  }

  async plot(command, body, signal) { return plotFigure(command, body, signal); }

  // ---- lifecycle ----

  build() {
    if (this.built) return;
    this.built = true;
    const p = this.panel;
    this.busy = h('span', { class: 'busy', aria: { hidden: 'true' } });
    this.controls = h('div', { class: 'controls', role: 'group', aria: { label: `${p.title}: inputs` } });
    this.error = h('div', { class: 'error-banner', role: 'alert', hidden: true });
    this.main = h('div', { class: 'main-result' });
    this.figureArea = h('div', { class: 'figures' });
    this.heldBar = h('div', { class: 'held-bar', hidden: true, aria: { live: 'polite' } });
    this.teach = this.buildTeaching();
    this.results = h('div', { class: 'results', aria: { live: 'off' } }, this.error, this.heldBar, this.main, this.figureArea, this.teach);
    this.element.append(
      h('header', { class: 'panel-head' },
        h('div', {}, h('h2', { id: `title-${p.id}`, text: p.title }, this.busy), h('p', { class: 'summary', text: p.summary })),
        h('div', { class: 'panel-actions' },
          h('button', { type: 'button', class: 'small', text: 'Reset all', on: { click: () => this.resetAll() } }),
          h('button', { type: 'button', class: 'small', text: 'Copy link', title: 'Copy a link to this panel with its inputs', on: { click: (e) => copyText(location.href, e.currentTarget) } }))),
      h('div', { class: 'panel-body' }, this.controls, this.results));
    this.runner = new LiveRunner((signal, current) => this.compute(signal, current), {
      onBusy: (b) => { this.busy.classList.toggle('on', b); this.results.setAttribute('aria-busy', String(b)); },
    });
    if (p.examples?.length) this.addExamples(p.examples);
    p.setup(this);
  }

  /** A drop-down of worked examples ([name, {key: value}] pairs) that sets those inputs; the rest keep their values. */
  addExamples(examples) {
    const id = `${this.panel.id}-examples`;
    const select = h('select', { id }, h('option', { value: '', text: 'Choose an example…' }), ...examples.map(([name], k) => h('option', { value: String(k), text: name })));
    select.addEventListener('change', () => {
      const chosen = examples[Number(select.value)];
      select.value = '';
      if (!chosen) return;
      this.restoring = true;
      try {
        for (const f of this.fields.values()) if (!(f.key in chosen[1])) f.set(f.def);
        for (const [k, v] of Object.entries(chosen[1])) this.fields.get(k)?.set(v);
        this.panel.restore?.(this, Object.fromEntries(Object.entries(chosen[1]).map(([k, v]) => [k, String(v)])));
      } finally { this.restoring = false; }
      this.changed();
    });
    this.controls.append(h('div', { class: 'examples' }, h('label', { for: id, text: 'Examples' }), select));
  }

  buildTeaching() {
    // Disclosure buttons: one section of the working open at a time.
    const tabs = h('div', { class: 'teach-tabs', role: 'group', aria: { label: 'Show the working' } });
    const pane = h('div', { class: 'teach-pane', role: 'region', hidden: true });
    const names = [['equation', 'Equation'], ['command', 'Command line'], ['json', 'JSON'], ['methods', 'Methods & report']];
    let open = null;
    const buttons = names.map(([key, text]) => {
      const b = h('button', { type: 'button', class: 'tab', text, aria: { expanded: 'false', controls: `${this.panel.id}-teach` }, id: `${this.panel.id}-tab-${key}` });
      b.addEventListener('click', () => {
        open = open === key ? null : key;
        buttons.forEach((x) => x.setAttribute('aria-expanded', String(x === b && open === key)));
        pane.hidden = !open;
        if (open) { pane.setAttribute('aria-labelledby', b.id); this.fillTeaching(open); }
      });
      tabs.append(b);
      return b;
    });
    pane.id = `${this.panel.id}-teach`;
    this.teachPane = pane;
    this.teachOpen = () => open;
    const actions = h('div', { class: 'export-actions', role: 'group', aria: { label: 'Hold and export' } },
      this.holdButton = h('button', { type: 'button', class: 'small', text: 'Hold trace', title: 'Keep this run and overlay the next ones', on: { click: () => this.toggleHold() } }),
      h('button', { type: 'button', class: 'small', text: 'CSV', title: 'Download the result as CSV with a metadata header', on: { click: () => this.exportCSV() } }),
      h('button', { type: 'button', class: 'small', text: 'JSON', title: 'Download the requests and the answers as JSON', on: { click: () => this.exportJSON() } }),
      h('button', { type: 'button', class: 'small', text: 'SVG', title: 'Download the figures as SVG', on: { click: () => this.exportSVG() } }));
    return h('div', { class: 'teach' }, h('div', { class: 'teach-bar' }, tabs, actions), pane);
  }

  fillTeaching(which) {
    const pane = this.teachPane;
    pane.replaceChildren();
    const view = this.lastView;
    if (!view) { pane.append(h('p', { text: 'No result yet.' })); return; }
    if (which === 'equation') {
      pane.append(view.equation || h('p', { text: 'This result has no closed-form equation to show.' }));
      if (view.equationNote) pane.append(h('p', { class: 'hint', text: view.equationNote }));
    } else if (which === 'command') {
      pane.append(h('p', { class: 'hint', text: 'The same calculation from a terminal (each prints the JSON shown under “JSON”):' }));
      for (const c of this.calls) {
        const text = commandLine(c.command, c.body);
        pane.append(h('div', { class: 'code-block' }, h('pre', {}, h('code', { text })),
          h('button', { type: 'button', class: 'small copy', text: 'Copy', on: { click: (e) => copyText(text, e.currentTarget) } })));
      }
    } else if (which === 'json') {
      for (const c of this.calls) {
        const req = JSON.stringify(c.body, null, 2), res = JSON.stringify(c.result, null, 2);
        pane.append(
          h('h4', { text: `POST /api/${c.command}` }),
          h('div', { class: 'code-block' }, h('pre', {}, h('code', { text: req })), h('button', { type: 'button', class: 'small copy', text: 'Copy', on: { click: (e) => copyText(req, e.currentTarget) } })),
          h('details', {}, h('summary', { text: 'Answer' }),
            h('div', { class: 'code-block' }, h('pre', { class: 'tall' }, h('code', { text: res })), h('button', { type: 'button', class: 'small copy', text: 'Copy', on: { click: (e) => copyText(res, e.currentTarget) } }))));
      }
    } else if (which === 'methods') {
      const text = view.methods || 'No methods sentence for this result.';
      pane.append(h('blockquote', { class: 'methods', text }),
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', text: 'Copy sentence', on: { click: (e) => copyText(text, e.currentTarget) } }),
          h('button', { type: 'button', class: 'small', text: 'Download report (.md)', on: { click: () => this.exportReport() } })));
      if (view.notes?.length) pane.append(h('ul', { class: 'notes' }, ...view.notes.map((n) => h('li', { text: n }))));
    }
  }

  /** Inputs the user changed or not, as {key: value} (strings for the URL). */
  state() {
    const out = {};
    Object.assign(out, this.panel.state?.(this) || {});
    for (const [k, f] of this.fields) {
      if (f.isDefault()) continue;
      out[k] = f.value === null || f.value === undefined ? '' : String(f.value);
    }
    return out;
  }

  restore(params) {
    this.build();
    this.restoring = true;
    try {
      this.panel.restore?.(this, params);
      for (const [k, v] of Object.entries(params)) {
        const f = this.fields.get(k);
        if (!f) continue;
        f.set(f.parse(v));
      }
    } finally { this.restoring = false; }
    this.runner.schedule(true);
  }

  /** Every input at its default, then `params` (a lesson setting up its panel from the lesson's address). */
  setUp(params) {
    this.build();
    this.resetInputs();
    this.restore(params);
  }

  resetAll() {
    this.resetInputs();
    this.changed();
  }

  /**
   * Every input at its default, then the panel's own reset, which may rebuild inputs from those defaults (the
   * GHK panel's ions from the default preset; the other order left the ions of the preset that was chosen).
   */
  resetInputs() {
    this.restoring = true;
    try {
      for (const f of this.fields.values()) f.set(f.def);
      this.panel.reset?.(this);
    } finally { this.restoring = false; }
  }

  changed() {
    if (this.restoring) return;
    this.onState(this);
    this.runner.schedule();
  }

  start() { this.build(); this.runner.schedule(true); }
  stop() { this.runner.cancel(); }

  async compute(signal, current) {
    const calls = [];
    const saved = this.calls;
    this.calls = calls;
    try {
      const result = await this.panel.compute(this, signal);
      if (!current()) return;
      this.clearError();
      const view = this.panel.render(this, result) || {};
      this.lastView = view;
      this.show(view);
    } catch (e) {
      if (e.name === 'AbortError') { this.calls = saved; throw e; }
      if (!current()) return;
      this.calls = calls.length ? calls : saved;
      this.showError(e);
    }
  }

  show(view) {
    this.main.replaceChildren(...[view.main].flat().filter(Boolean));
    const keys = new Set();
    for (const f of view.figures || []) {
      keys.add(f.key);
      let entry = this.figures.get(f.key);
      if (!entry) {
        const fv = new FigureView({ height: f.height || 300, label: f.title });
        const title = h('h3', { class: 'figure-title', text: f.title });
        const save = h('button', { type: 'button', class: 'small', text: 'SVG', aria: { label: `Download “${f.title}” as SVG` },
          on: { click: () => download(`${this.panel.id}-${f.key}.svg`, figureToSVG(entry.spec, entry.heldSpec), 'image/svg+xml') } });
        const card = h('figure', { class: 'figure-card' }, h('figcaption', {}, title, save), fv.element);
        entry = { fv, card, title };
        this.figures.set(f.key, entry);
      }
      entry.title.textContent = f.title;
      entry.spec = f.spec;
      entry.heldSpec = this.held?.figures?.[f.key] || null;
      if (entry.card.parentNode !== this.figureArea) this.figureArea.append(entry.card);
      entry.fv.set(f.spec, entry.heldSpec);
    }
    for (const [k, e] of this.figures) if (!keys.has(k)) e.card.remove();
    // keep the order the view asked for
    for (const f of view.figures || []) this.figureArea.append(this.figures.get(f.key).card);
    this.results.classList.remove('stale');
    if (this.teachOpen()) this.fillTeaching(this.teachOpen());
    this.showHeld();
  }

  clearError() {
    this.error.hidden = true;
    for (const f of this.fields.values()) f.markError(false);
  }

  showError(e) {
    this.results.classList.add('stale');
    const field = e instanceof ApiError ? e.field : null;
    let marked = [];
    if (field) {
      marked = [...this.fields.values()].filter((f) => f.apiField === field || f.key === field);
      marked.forEach((f) => f.markError(true));
    }
    const where = marked.length ? ` (${marked.map((f) => f.longLabel).join(', ')})` : field ? ` (field “${field}”)` : '';
    this.error.replaceChildren(h('strong', { text: 'Not computed: ' }), document.createTextNode(`${e.message}${where}`));
    this.error.hidden = false;
  }

  // ---- hold & overlay ----

  toggleHold() {
    if (this.held) { this.held = null; } else if (this.lastView) {
      const figures = {};
      for (const f of this.lastView.figures || []) figures[f.key] = f.spec;
      const values = new Map();
      for (const [k, f] of this.fields) values.set(k, { label: f.longLabel, text: f.describe(), raw: String(f.value) });
      this.held = { figures, values, at: new Date() };
    }
    this.holdButton.textContent = this.held ? 'Release held trace' : 'Hold trace';
    this.holdButton.setAttribute('aria-pressed', String(!!this.held));
    if (this.lastView) this.show(this.lastView);
  }

  showHeld() {
    if (!this.held) { this.heldBar.hidden = true; return; }
    const diffs = [];
    for (const [k, f] of this.fields) {
      const old = this.held.values.get(k);
      if (!old) { diffs.push(`${f.longLabel}: (new) → ${f.describe()}`); continue; }
      if (old.raw !== String(f.value)) diffs.push(`${f.longLabel}: ${old.text} → ${f.describe()}`);
    }
    for (const [k, old] of this.held.values) if (!this.fields.has(k)) diffs.push(`${old.label}: ${old.text} → (removed)`);
    this.heldBar.replaceChildren(
      h('strong', { text: 'Held trace (dashed). ' }),
      document.createTextNode(diffs.length ? 'This run differs in: ' : 'This run has the same inputs as the held one.'),
      diffs.length ? h('ul', {}, ...diffs.map((d) => h('li', { text: d }))) : null);
    this.heldBar.hidden = false;
  }

  // ---- export ----

  metadata() {
    const lines = [
      `Membrane workbench: ${this.panel.title}`,
      `exported: ${isoNow()}`,
      `version: membrane ${server.version || 'unknown'}, workbench page v${PAGE_VERSION}`,
      `link: ${location.href}`,
    ];
    for (const c of this.calls) lines.push(`command: ${commandLine(c.command, c.body).replace(/\n/g, ' ; ')}`);
    const inputs = [...this.fields.values()].map((f) => `${f.longLabel} = ${f.describe()}${f.isDefault() ? '' : ' (changed)'}`);
    lines.push(`inputs: ${inputs.join('; ')}`);
    const r = this.calls[0]?.result;
    const constants = r?.constants || r?.state?.constants;
    lines.push(`constants: ${constants === 'neuron-legacy' ? 'NEURON < 8 (F = 96485.309 C/mol, R = 8.3134 J/(mol K))' : 'CODATA 2018 exact (e, N_A, k_B); F = e*N_A = 96485.33212 C/mol, R = k_B*N_A = 8.314462618 J/(mol K)'}`);
    if (r?.temperature_C !== undefined) lines.push(`temperature: ${num(r.temperature_C, 6)} °C (${num(r.temperature_K, 6)} K)`);
    lines.push('conventions: V_m = phi_in - phi_out; outward current positive; concentrations in mM');
    return lines;
  }

  exportCSV() {
    const view = this.lastView;
    if (!view) return;
    let table = view.csv;
    if (!table && view.figures?.length) table = figureColumns({ panels: view.figures.flatMap((f) => f.spec.panels) });
    if (!table) return;
    const text = [...this.metadata().map((l) => `# ${l}`), table.columns.map(csvCell).join(','),
      ...table.rows.map((r) => r.map((v) => csvCell(typeof v === 'number' ? String(v) : v)).join(','))].join('\n') + '\n';
    download(`membrane-${this.panel.id}.csv`, text, 'text/csv');
  }

  exportJSON() {
    const doc = {
      workbench: { page_version: PAGE_VERSION, membrane_version: server.version, panel: this.panel.id, exported: isoNow(), link: location.href },
      inputs: Object.fromEntries([...this.fields].map(([k, f]) => [k, f.value])),
      requests: this.calls.map((c) => ({ endpoint: `/api/${c.command}`, command_line: commandLine(c.command, c.body), body: c.body, response: c.result })),
    };
    download(`membrane-${this.panel.id}.json`, JSON.stringify(doc, null, 2) + '\n', 'application/json');
  }

  exportSVG() {
    const figs = this.lastView?.figures || [];
    if (!figs.length) return;
    const spec = { version: 1, panels: figs.flatMap((f) => f.spec.panels) };
    const held = this.held ? { panels: figs.flatMap((f) => (this.held.figures[f.key]?.panels || f.spec.panels.map(() => ({ series: [] })))) } : null;
    download(`membrane-${this.panel.id}.svg`, figureToSVG(spec, held), 'image/svg+xml');
  }

  exportReport() {
    const view = this.lastView;
    if (!view) return;
    const md = [`# ${this.panel.title}: calculation report`, '', `Exported ${isoNow()} from the Membrane workbench (membrane ${server.version || 'unknown'}, page v${PAGE_VERSION}).`, '',
      '## Methods', '', view.methods || '(none)', '', '## Inputs', '',
      ...[...this.fields.values()].map((f) => `- ${f.longLabel}: ${f.describe()}${f.isDefault() ? '' : ' (changed from the default)'}`), '',
      '## Results', '', ...(view.reportLines || []).map((l) => `- ${l}`), '',
      '## Reproduce', '', ...this.calls.map((c) => ['```sh', commandLine(c.command, c.body), '```']).flat(), '',
      '## Metadata', '', ...this.metadata().map((l) => `- ${l}`), '',
      ...(view.notes?.length ? ['## Notes', '', ...view.notes.map((n) => `- ${n}`), ''] : [])].join('\n');
    download(`membrane-${this.panel.id}-report.md`, md, 'text/markdown');
  }
}
