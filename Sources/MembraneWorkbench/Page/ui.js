// DOM helpers, number formatting, labelled controls (slider + number box + unit + reset), the solution
// editor, MathML building, copy/download. Everything is built with DOM APIs: no HTML strings, no inline
// handlers or style attributes, so the page runs under a Content-Security-Policy of 'self'.

let uid = 0;
/** A unique element id. */
export function nextId(prefix = 'c') { uid += 1; return `${prefix}-${uid}`; }

/** Builds an HTML element: h('div', {class: 'x', text: 'hi', on: {click: f}, aria: {label: '…'}}, ...children). */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'on') for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
    else if (k === 'aria') for (const [a, x] of Object.entries(v)) e.setAttribute(`aria-${a}`, x);
    else if (k === 'data') for (const [a, x] of Object.entries(v)) e.dataset[a] = x;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

// ---- Numbers -------------------------------------------------------------------------------------------

const MINUS = '\u2212';
const SUPER = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
/** A number with `sig` significant digits, trailing zeros dropped, a real minus sign. */
export function num(x, sig = 4) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  let s;
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) {
    const [mant, exp] = x.toExponential(sig - 1).split('e');
    s = `${mant.replace(/\.?0+$/, '')} × 10${String(Number(exp)).split('').map((c) => SUPER[c]).join('')}`;
  } else s = String(Number(x.toPrecision(sig)));
  return s.replace(/^-/, MINUS);
}
/** Fixed decimals with a real minus sign. */
export function fixed(x, d = 2) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = x.toFixed(d);
  return (/^-0\.?0*$/.test(s) ? s.slice(1) : s).replace(/^-/, MINUS);
}
/** Fixed decimals with an explicit sign (+18.64). */
export function signed(x, d = 2) {
  const s = fixed(x, d);
  return x > 0 && s !== fixed(0, d) ? `+${s}` : s;
}
export function mV(x, d = 2) { return `${fixed(x, d)} mV`; }
/** A concentration given in mM, in the unit that reads best (mM, µM or nM). */
export function conc(mM, sig = 4) {
  if (!Number.isFinite(mM)) return '—';
  if (mM === 0 || mM >= 0.1) return `${num(mM, sig)} mM`;
  if (mM >= 1e-4) return `${num(mM * 1e3, sig)} µM`;
  return `${num(mM * 1e6, sig)} nM`;
}

// ---- Ions ----------------------------------------------------------------------------------------------

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUPS = { 1: '', 2: '²', 3: '³', 4: '⁴' };
/** "K⁺", "Ca²⁺", "Cl⁻", "HCO₃⁻", "gluconate⁻": the ion's name as chemists write it. */
export function ionLabel(name, z) {
  const formula = /^[A-Z][a-z]?[0-9A-Z]/.test(name) && !/[a-z]{3}/.test(name);
  const base = formula ? name.replace(/[0-9]/g, (d) => SUB[d]) : name;
  if (!z) return base;
  return base + (SUPS[Math.abs(z)] ?? String(Math.abs(z))) + (z > 0 ? '⁺' : '⁻');
}
const ION_COLORS = { K: '#6f42c1', Na: '#c8402f', Cl: '#2b8a3e', Ca: '#c77700', Mg: '#138496', H: '#c2367f', HCO3: '#8a5a44' };
const EXTRA = ['#1f5fa8', '#5c7c10', '#a0522d', '#0f766e', '#9d174d', '#4d5b6b'];
/** A stable colour per ion, the same in every panel. */
export function ionColor(name, i = 0) { return ION_COLORS[name] || EXTRA[i % EXTRA.length]; }

// ---- Physical constants for the equations shown (CODATA 2018, exact) --------------------------------------

export const CODATA = { e: 1.602176634e-19, NA: 6.02214076e23, kB: 1.380649e-23 };
CODATA.F = CODATA.e * CODATA.NA;
CODATA.R = CODATA.kB * CODATA.NA;
/** RT/F in mV at T in kelvin, for writing the user's numbers into an equation (the results come from the API). */
export function thermalVoltage(T) { return (CODATA.R * T / CODATA.F) * 1e3; }

// ---- Controls --------------------------------------------------------------------------------------------

/** Base of every control: a key, a label, a default, a "changed" highlight and a reset button. */
class Field {
  constructor({ key, label, longLabel, def, apiField, hint }) {
    // longLabel names the control out of context ("outside K⁺" for a box labelled "outside" in the K⁺ card).
    Object.assign(this, { key, label, longLabel: longLabel || label, def, apiField: apiField || key, hint });
    this.onChange = () => {};
    this.id = nextId('f');
    this.resetButton = h('button', {
      type: 'button', class: 'reset', text: '↺', title: 'Reset to default',
      on: { click: () => { this.set(this.def); this.changed(); this.input()?.focus(); } },
    });
  }
  input() { return null; }
  /** The value a URL parameter stands for. */
  parse(text) { return text; }
  isDefault() { return String(this.value) === String(this.def); }
  describe(v = this.value) { return String(v); }
  refresh() {
    const changed = !this.isDefault();
    this.element.classList.toggle('changed', changed);
    this.resetButton.disabled = !changed;
    this.resetButton.setAttribute('aria-label', `Reset ${this.longLabel} to its default, ${this.describe(this.def)}`);
    this.resetButton.title = `Reset to ${this.describe(this.def)}`;
  }
  changed() { this.refresh(); this.onChange(this); }
  setDefault(v, alsoValue = true) { this.def = v; if (alsoValue) this.set(v); else this.refresh(); }
  markError(on) { this.element.classList.toggle('has-error', on); this.input()?.setAttribute('aria-invalid', on ? 'true' : 'false'); }
}

/** A slider and a number box with its unit; `log` sliders move in decades (concentrations, permeabilities). */
export class NumberField extends Field {
  constructor(o) {
    super(o);
    Object.assign(this, { unit: o.unit || '', min: o.min, max: o.max, log: !!o.log, step: o.step ?? 'any', sig: o.sig ?? 4 });
    this.value = o.value ?? o.def;
    this.optional = !!o.optional; // an empty box means "not given"
    const labelEl = h('label', { for: this.id, text: o.label });
    this.box = h('input', {
      id: this.id, type: 'number', inputmode: 'decimal', step: 'any', class: 'num',
      data: o.testid ? { testid: o.testid } : {},
      on: { input: () => this.fromBox(), change: () => this.fromBox(true) },
    });
    if (o.placeholder) this.box.placeholder = o.placeholder;
    if (this.longLabel !== o.label) this.box.setAttribute('aria-label', `${this.longLabel}${this.unit ? ` (${this.unit})` : ''}`);
    this.slider = h('input', {
      type: 'range', class: 'slider', tabindex: o.noSlider ? -1 : 0,
      aria: { label: `${this.longLabel}${this.unit ? ` (${this.unit})` : ''}` },
      on: { input: () => this.fromSlider() },
    });
    if (this.log) { this.slider.min = 0; this.slider.max = 1000; this.slider.step = 1; } else {
      this.slider.min = o.min; this.slider.max = o.max; this.slider.step = o.step ?? (o.max - o.min) / 200;
    }
    if (o.noSlider) this.slider.hidden = true;
    const unitEl = h('span', { class: 'unit', text: this.unit });
    this.message = h('span', { class: 'field-message', id: `${this.id}-msg`, aria: { live: 'polite' } });
    this.box.setAttribute('aria-describedby', this.message.id);
    this.element = h('div', { class: `field number-field${o.noSlider ? ' no-slider' : ''}` },
      h('div', { class: 'field-top' }, labelEl, o.hint ? h('span', { class: 'hint', text: o.hint }) : null),
      h('div', { class: 'field-row' }, this.slider, h('span', { class: 'box-unit' }, this.box, unitEl), this.resetButton),
      this.message);
    this.set(this.value);
  }
  input() { return this.box; }
  parse(text) { return text === '' ? null : Number(text); }
  describe(v = this.value) { return v === null || v === undefined || v === '' ? 'not set' : `${num(Number(v), this.sig)}${this.unit ? ' ' + this.unit : ''}`; }
  isDefault() {
    const a = this.value, b = this.def;
    if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  }
  toSlider(v) {
    if (!this.log) return v;
    const lo = Math.log10(this.min), hi = Math.log10(this.max);
    return Math.round(((Math.log10(Math.max(v, this.min)) - lo) / (hi - lo)) * 1000);
  }
  fromSliderPosition(p) {
    if (!this.log) return Number(p);
    const lo = Math.log10(this.min), hi = Math.log10(this.max);
    return Number((10 ** (lo + (p / 1000) * (hi - lo))).toPrecision(3));
  }
  set(v) {
    this.value = v === '' ? null : v;
    this.box.value = v === null || v === undefined || v === '' ? '' : boxText(Number(v));
    this.element.classList.toggle('unset', v === null || v === undefined || v === '');
    if (v !== null && v !== undefined && v !== '') {
      this.slider.value = String(this.toSlider(Number(v)));
      this.slider.setAttribute('aria-valuetext', this.describe(v));
    }
    this.message.textContent = '';
    this.element.classList.remove('invalid');
    this.refresh();
  }
  fromSlider() {
    const v = this.fromSliderPosition(Number(this.slider.value));
    this.value = v;
    this.box.value = boxText(v);
    this.element.classList.remove('unset');
    this.slider.setAttribute('aria-valuetext', this.describe(v));
    this.message.textContent = '';
    this.element.classList.remove('invalid');
    this.changed();
  }
  fromBox(final = false) {
    const text = this.box.value.trim();
    if (text === '' && this.optional) { this.value = null; this.element.classList.add('unset'); this.changed(); return; }
    const v = Number(text);
    if (text === '' || !Number.isFinite(v)) {
      if (final || text !== '') { this.element.classList.add('invalid'); this.message.textContent = 'Enter a number.'; }
      return;
    }
    this.element.classList.remove('invalid', 'unset');
    this.message.textContent = '';
    this.value = v;
    this.slider.value = String(this.toSlider(v));
    this.slider.setAttribute('aria-valuetext', this.describe(v));
    this.changed();
  }
}

/** A number as the box shows it: 140, 0.04, 1e-6 (short enough for the box, exact to 10 digits). */
function boxText(v) {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return v.toExponential(9).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(10)));
}

/** A labelled drop-down. `options`: [[value, text], …]. */
export class SelectField extends Field {
  constructor(o) {
    super(o);
    this.select = h('select', { id: this.id, on: { change: () => { this.value = this.select.value; this.changed(); } } });
    this.setOptions(o.options);
    this.element = h('div', { class: 'field select-field' },
      h('div', { class: 'field-top' }, h('label', { for: this.id, text: o.label }), o.hint ? h('span', { class: 'hint', text: o.hint }) : null),
      h('div', { class: 'field-row' }, this.select, this.resetButton));
    this.set(o.value ?? o.def);
  }
  setOptions(options) {
    this.options = options;
    this.select.replaceChildren(...options.map(([v, t]) => h('option', { value: v, text: t })));
  }
  input() { return this.select; }
  describe(v = this.value) { return this.options.find(([x]) => x === v)?.[1] ?? String(v); }
  set(v) { this.value = v; this.select.value = v; this.refresh(); }
}

/** A labelled checkbox. */
export class CheckField extends Field {
  constructor(o) {
    super(o);
    this.box = h('input', { type: 'checkbox', id: this.id, on: { change: () => { this.value = this.box.checked; this.changed(); } } });
    this.element = h('div', { class: 'field check-field' },
      h('div', { class: 'field-row' }, h('span', { class: 'check' }, this.box, h('label', { for: this.id, text: o.label })), this.resetButton));
    this.set(o.value ?? o.def);
  }
  input() { return this.box; }
  isDefault() { return !!this.value === !!this.def; }
  parse(text) { return text === 'true' || text === '1'; }
  describe(v = this.value) { return v ? 'on' : 'off'; }
  set(v) { this.value = !!v; this.box.checked = !!v; this.refresh(); }
}

/** A labelled line of text (a CLI string such as "K=1, Na=0.04"), sent after a pause in typing. */
export class TextField extends Field {
  constructor(o) {
    super(o);
    this.box = h(o.multiline ? 'textarea' : 'input', {
      id: this.id, class: 'text', spellcheck: false, autocomplete: 'off',
      rows: o.multiline ? 2 : undefined, placeholder: o.placeholder,
      on: { input: () => { this.value = this.box.value; this.changed(); } },
    });
    if (!o.multiline) this.box.type = 'text';
    this.element = h('div', { class: 'field text-field' },
      h('div', { class: 'field-top' }, h('label', { for: this.id, text: o.label }), o.hint ? h('span', { class: 'hint', text: o.hint }) : null),
      h('div', { class: 'field-row' }, this.box, this.resetButton));
    this.set(o.value ?? o.def ?? '');
  }
  input() { return this.box; }
  describe(v = this.value) { return v === '' ? 'empty' : `“${v}”`; }
  set(v) { this.value = v ?? ''; this.box.value = this.value; this.refresh(); }
}

/** "K=140, Cl=10uM" → [["K","140"],["Cl","10uM"]]; null when the text is a recipe or not a plain list. */
export function parseAssignments(text) {
  const parts = String(text || '').split(',').map((p) => p.trim()).filter(Boolean);
  const out = [];
  for (const p of parts) {
    const m = /^([^=\s][^=]*?)\s*=\s*(\S+)$/.exec(p);
    if (!m) return null;
    out.push([m[1], m[2]]);
  }
  return out;
}
function writeAssignments(pairs) {
  return pairs.filter(([k, v]) => k.trim() && String(v).trim()).map(([k, v]) => `${k.trim()}=${String(v).trim()}`).join(', ');
}

/**
 * A solution editor: a table of ions (name, concentration with an optional unit) or, for recipes and
 * pasted lists, the text the command line takes ("K-gluconate 135, KCl 5, HEPES 10, pH 7.3 KOH").
 */
export class SolutionField extends Field {
  constructor(o) {
    super(o);
    this.ionNames = o.ionNames || [];
    this.listId = nextId('ions');
    this.rows = h('tbody');
    this.tableMode = h('button', { type: 'button', class: 'seg', text: 'Ions', aria: { pressed: 'true' }, on: { click: () => this.mode('table') } });
    this.textMode = h('button', { type: 'button', class: 'seg', text: 'Text / recipe', aria: { pressed: 'false' }, on: { click: () => this.mode('text') } });
    this.text = h('textarea', {
      id: this.id, class: 'text', rows: 3, spellcheck: false,
      aria: { label: `${o.label} as text: NAME=VALUE pairs or a recipe` },
      on: { input: () => { this.value = this.text.value; this.changed(); } },
    });
    this.table = h('table', { class: 'ion-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Ion' }), h('th', { scope: 'col', text: 'Concentration' }), h('th', { scope: 'col', text: '' }))),
      this.rows);
    this.addButton = h('button', { type: 'button', class: 'small', text: '+ Add ion', on: { click: () => { this.addRow('', ''); this.rows.lastChild.querySelector('input').focus(); } } });
    this.tablePane = h('div', { class: 'table-pane' }, this.table, this.addButton);
    this.textPane = h('div', { class: 'text-pane' }, this.text,
      h('p', { class: 'hint', text: 'Ions as “Na=145, K=5uM”, or a recipe: “KCl 140, HEPES 10, MgCl2 1, pH 7.3 KOH”.' }));
    this.datalist = h('datalist', { id: this.listId }, ...this.ionNames.map((n) => h('option', { value: n })));
    this.element = h('fieldset', { class: 'field solution-field' },
      h('legend', {}, h('span', { text: o.label })),
      h('div', { class: 'field-row seg-row' }, h('span', { class: 'segmented', role: 'group', aria: { label: `${o.label}: edit as` } }, this.tableMode, this.textMode), this.resetButton),
      this.tablePane, this.textPane, this.datalist);
    this.set(o.value ?? o.def ?? '');
  }
  setIonNames(names) {
    this.ionNames = names;
    this.datalist.replaceChildren(...names.map((n) => h('option', { value: n })));
  }
  input() { return this.current === 'text' ? this.text : this.rows.querySelector('input'); }
  describe(v = this.value) { return `“${v}”`; }
  isDefault() { return normalise(this.value) === normalise(this.def); }
  mode(m) {
    if (m === 'table' && !parseAssignments(this.value)) m = 'text';
    this.current = m;
    this.tableMode.setAttribute('aria-pressed', String(m === 'table'));
    this.textMode.setAttribute('aria-pressed', String(m === 'text'));
    this.tableMode.disabled = !parseAssignments(this.value);
    this.tablePane.hidden = m !== 'table';
    this.textPane.hidden = m !== 'text';
    if (m === 'table') this.fillRows(); else this.text.value = this.value;
  }
  fillRows() {
    this.rows.replaceChildren();
    for (const [k, v] of parseAssignments(this.value) || []) this.addRow(k, v);
  }
  addRow(name, value) {
    const nameId = nextId('ion');
    const nameBox = h('input', { id: nameId, type: 'text', class: 'ion-name', list: this.listId, value: name, spellcheck: false, autocomplete: 'off', aria: { label: 'ion' } });
    const valueBox = h('input', { type: 'text', class: 'ion-value', inputmode: 'decimal', value, spellcheck: false, autocomplete: 'off', placeholder: 'mM', aria: { label: `concentration (mM unless a unit is written)` } });
    const sync = () => { nameBox.setAttribute('aria-label', 'ion'); valueBox.setAttribute('aria-label', `${nameBox.value || 'ion'} concentration (mM unless a unit is written)`); this.fromRows(); };
    nameBox.addEventListener('input', sync);
    valueBox.addEventListener('input', sync);
    const remove = h('button', { type: 'button', class: 'icon', text: '×', aria: { label: `Remove ${name || 'this ion'}` },
      on: { click: () => { row.remove(); this.fromRows(); } } });
    const row = h('tr', {}, h('td', {}, nameBox), h('td', {}, valueBox), h('td', {}, remove));
    this.rows.append(row);
    valueBox.setAttribute('aria-label', `${name || 'ion'} concentration (mM unless a unit is written)`);
  }
  fromRows() {
    const pairs = [...this.rows.querySelectorAll('tr')].map((r) => [r.querySelector('.ion-name').value, r.querySelector('.ion-value').value]);
    this.value = writeAssignments(pairs);
    this.changed();
  }
  set(v) {
    this.value = v ?? '';
    this.mode(parseAssignments(this.value) ? (this.current === 'text' ? 'text' : 'table') : 'text');
    this.refresh();
  }
}
function normalise(s) { return String(s || '').replace(/\s+/g, '').toLowerCase(); }

// ---- MathML ----------------------------------------------------------------------------------------------

const MATHNS = 'http://www.w3.org/1998/Math/MathML';
function m(tag, ...children) {
  const e = document.createElementNS(MATHNS, tag);
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}
/** A small MathML builder (MathML Core, rendered natively by Chromium and Firefox). */
export const M = {
  math(...c) { const e = m('math', m('mrow', ...c)); e.setAttribute('display', 'block'); return e; },
  row: (...c) => m('mrow', ...c),
  i: (t) => m('mi', t),
  n: (t) => m('mn', typeof t === 'number' ? num(t) : t),
  o: (t) => m('mo', t),
  t: (t) => m('mtext', t),
  sub: (b, s) => m('msub', typeof b === 'string' ? m('mi', b) : b, typeof s === 'string' ? m('mi', s) : s),
  sup: (b, s) => m('msup', typeof b === 'string' ? m('mi', b) : b, typeof s === 'string' ? m('mn', s) : s),
  frac: (a, b) => m('mfrac', m('mrow', a), m('mrow', b)),
  paren: (...c) => m('mrow', m('mo', '('), ...c, m('mo', ')')),
  bracket: (...c) => m('mrow', m('mo', '['), ...c, m('mo', ']')),
  ln: () => m('mrow', m('mi', 'ln'), m('mo', '\u2061')),
  /** A quantity with its unit: 26.73 mV. */
  q: (x, unit, sig = 4) => m('mrow', m('mn', typeof x === 'number' ? num(x, sig) : x), unit ? m('mtext', `\u2009${unit}`) : null),
  /** [X]_o as the textbooks write it. */
  c: (ion, side) => m('msub', m('mrow', m('mo', '['), m('mi', ion), m('mo', ']')), m('mi', side)),
};

const MATH_ELEMENTS = new Set(['math', 'mrow', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'ms', 'msub', 'msup', 'msubsup', 'mfrac',
  'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mstyle', 'mpadded', 'mphantom', 'mtable', 'mtr', 'mtd', 'semantics']);
const MATH_ATTRIBUTES = new Set(['display', 'width', 'height', 'depth', 'mathvariant', 'stretchy', 'fence', 'separator',
  'lspace', 'rspace', 'accent', 'accentunder', 'displaystyle', 'scriptlevel', 'linethickness', 'form', 'largeop',
  'movablelimits', 'symmetric', 'minsize', 'maxsize']);
/**
 * MathML markup from the server (a lesson's equation) as DOM nodes, rebuilt element by element from a whitelist of
 * MathML Core elements and presentation attributes: no markup is inserted as HTML, so nothing in a lesson file
 * can add a script, a handler or a style. Null when the markup is not well-formed MathML.
 */
export function mathFromMarkup(markup) {
  if (typeof markup !== 'string' || !markup) return null;
  const doc = new DOMParser().parseFromString(markup, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'math' || root.namespaceURI !== MATHNS || doc.getElementsByTagName('parsererror').length) return null;
  const copy = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.nodeValue);
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    if (node.namespaceURI !== MATHNS || !MATH_ELEMENTS.has(node.localName)) return document.createTextNode(node.textContent);
    const e = document.createElementNS(MATHNS, node.localName);
    for (const a of node.attributes) if (MATH_ATTRIBUTES.has(a.name)) e.setAttribute(a.name, a.value);
    for (const c of node.childNodes) { const x = copy(c); if (x) e.append(x); }
    return e;
  };
  return copy(root);
}

// ---- Copy, download, upload -----------------------------------------------------------------------------

/** Copies text to the clipboard and says so on the button. */
export async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h('textarea', { class: 'offscreen', value: text });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  if (button) {
    const old = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = old; }, 1200);
  }
}

/** Saves text as a file (Blob URL, no server round trip). */
export function download(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = h('a', { href: url, download: name, class: 'offscreen' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** Lets the user pick a text file and resolves with its contents. */
export function upload(accept = '.json,application/json') {
  return new Promise((resolve, reject) => {
    const input = h('input', { type: 'file', accept, class: 'offscreen' });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) { reject(new Error('no file chosen')); return; }
      file.text().then(resolve, reject);
    });
    document.body.append(input);
    input.click();
  });
}

/** A small key–value table (readouts). rows: [[label, value, note?], …]. */
export function kvTable(rows, caption) {
  return h('table', { class: 'kv' },
    caption ? h('caption', { text: caption }) : null,
    h('tbody', {}, ...rows.filter(Boolean).map(([k, v, note]) => h('tr', {}, h('th', { scope: 'row', text: k }), h('td', {}, v instanceof Node ? v : String(v)), note !== undefined ? h('td', { class: 'note', text: note }) : null))));
}

/** A data table. columns: [label, …]; rows: [[cell, …], …] (cells: strings or nodes). */
export function dataTable(columns, rows, caption, cls = 'data') {
  return h('div', { class: 'table-scroll' }, h('table', { class: cls },
    caption ? h('caption', { text: caption }) : null,
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))))))));
}

/** A grid of headline numbers: [[label, value, note?], …]. */
export function stats(items) {
  return h('div', { class: 'stat-grid' }, ...items.filter(Boolean).map(([k, v, n, testid]) => h('div', { class: 'stat' },
    h('span', { class: 'k', text: k }), h('span', { class: 'v', text: v, data: testid ? { testid } : {} }), n ? h('span', { class: 'n', text: n }) : null)));
}

/** Warnings of an answer as a compact list. */
export function warnings(list, title = 'Warnings') {
  const items = (list || []).filter(Boolean);
  if (!items.length) return null;
  if (items.length === 1) return h('p', { class: 'warning', text: items[0] });
  return h('details', { class: 'warning' }, h('summary', { text: `${title} (${items.length})` }), h('ul', {}, ...items.map((w) => h('li', { text: w }))));
}
