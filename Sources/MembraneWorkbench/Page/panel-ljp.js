// Liquid junction potential: pipette and bath editors, the recording configuration, a sign diagram, the
// corrected V_m, Henderson beside Planck, each ion's share, and saved solution pairs (browser storage,
// download/upload). Request: /api/ljp.

import { list } from './api.js';
import { h, num, fixed, signed, mV, ionLabel, ionColor, SelectField, NumberField, SolutionField, TextField, dataTable, stats, warnings, download, upload, M, thermalVoltage } from './ui.js';
import { ACTIVITY_MODELS } from './panel-ghk.js';
import { SOLUTIONS } from './panel-solutions.js';

const PAIRS = [
  ['K-gluconate internal vs ACSF', SOLUTIONS[1][1], SOLUTIONS[0][1]],
  ['KCl internal vs ACSF', SOLUTIONS[2][1], SOLUTIONS[0][1]],
  ['Cs-methanesulfonate internal vs ACSF', SOLUTIONS[3][1], SOLUTIONS[0][1]],
  ['KCl 140 vs NaCl 140', 'K=140, Cl=140', 'Na=140, Cl=140'],
];
const METHODS = [['planck', 'Planck (exact stationary Nernst–Planck)'], ['henderson', 'Henderson (generalized)'], ['npp', 'Poisson–Nernst–Planck (1 µm)']];
const METHOD_TEXT = {
  planck: 'the exact stationary, electroneutral Nernst–Planck solution (Planck 1890)',
  henderson: 'the generalized Henderson equation (Henderson 1907; Barry & Lynch 1991)',
  npp: 'the stationary Poisson–Nernst–Planck equations over a 1 µm junction',
};
const CONFIGS = [['whole-cell', 'whole-cell'], ['perforated-patch', 'perforated patch'], ['outside-out', 'outside-out'], ['inside-out', 'inside-out'], ['cell-attached', 'cell-attached']];
const STORE = 'membrane.ljp.pairs';

/** The API's correction formula ("Vm = Vmeasured - ljp") as people write it, optionally with numbers in it. */
function pretty(formula, values = {}) {
  return formula.replace('Vmeasured', values.measured ?? 'V_measured').replace('ljp', values.ljp ?? 'V_L').replace('Erest', values.rest ?? 'E_rest')
    .replace('Vpatch', 'V_patch').replace(/^Vm/, 'V_m').replace(/-/g, '−');
}

function loadPairs() {
  try { return JSON.parse(localStorage.getItem(STORE) || '{"version":1,"pairs":[]}').pairs || []; } catch { return []; }
}
function savePairs(pairs) { localStorage.setItem(STORE, JSON.stringify({ version: 1, pairs })); }

export default {
  id: 'ljp',
  title: 'Liquid junction potential',
  group: 'Solutions',
  summary: 'The junction potential between pipette and bath, its sign, the corrected V_m, Henderson beside Planck and each ion’s share.',

  setup(ctx) {
    const s = ctx.group('Solutions');
    const pair = ctx.add(new SelectField({ key: 'pair', label: 'Preset pair', options: [['', 'Choose a pair…'], ...PAIRS.map(([n], k) => [String(k), n])], def: '0' }), s, {
      onChange: (f) => { if (f.value !== '') { const [, p, b] = PAIRS[Number(f.value)]; ctx.fields.get('pipette').set(p); ctx.fields.get('bath').set(b); } },
    });
    pair.apiField = null;
    const pip = ctx.add(new SolutionField({ key: 'pipette', label: 'Pipette (internal)', def: PAIRS[0][1] }), s);
    const bath = ctx.add(new SolutionField({ key: 'bath', label: 'Bath (external)', def: PAIRS[0][2] }), s);
    list('ions').then((ions) => { for (const f of [pip, bath]) f.setIonNames(ions.map((i) => i.name)); }).catch(() => {});

    const m = ctx.group('Method');
    ctx.add(new SelectField({ key: 'method', label: 'Method', options: METHODS, def: 'planck' }), m);
    ctx.add(new SelectField({ key: 'mobilities', label: 'Mobility table', options: [['catalog', 'catalog (CRC λ°, 25 °C)'], ['barry', 'Barry (JPCalc)'], ['ljpcalc', 'LJPcalc']], def: 'catalog' }), m);
    ctx.add(new SelectField({ key: 'activity-model', label: 'Activity model', options: ACTIVITY_MODELS, def: 'ideal' }), m);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 25 }), m);
    ctx.add(new TextField({ key: 'electroneutralize', label: 'Adjust for electroneutrality', def: '', placeholder: 'ion, e.g. Cl', hint: 'optional' }), m);

    const r = ctx.group('Recording');
    ctx.add(new SelectField({ key: 'configuration', label: 'Configuration', options: CONFIGS, def: 'whole-cell' }), r,
      { onChange: (f) => { ctx.fields.get('resting-potential').element.hidden = f.value !== 'cell-attached'; } });
    ctx.add(new NumberField({ key: 'measured-vm', label: 'Measured potential', unit: 'mV', min: -120, max: 60, step: 0.5, def: -60, optional: true, placeholder: 'none' }), r);
    const rest = ctx.add(new NumberField({ key: 'resting-potential', label: 'Cell resting potential', unit: 'mV', min: -100, max: 0, step: 1, def: -70, optional: true }), r);
    rest.element.hidden = true;
    ctx.add(new TextField({ key: 'bath-change', label: 'Bath exchanged after zeroing', def: '', placeholder: 'e.g. Na=75, K=75, Cl=150', hint: 'optional' }), r,
      { onChange: (f) => { ctx.fields.get('reference').element.hidden = !f.value.trim(); } });
    const ref = ctx.add(new SelectField({ key: 'reference', label: 'Bath reference', options: [['agcl', 'bare Ag/AgCl wire'], ['bath-bridge', 'agar bridge (original bath)'], ['kcl-bridge', '3 M KCl bridge']], def: 'agcl' }), r);
    ref.element.hidden = true;

    buildStore(ctx);
  },

  restore(ctx, params) {
    if (params.configuration) ctx.fields.get('resting-potential').element.hidden = params.configuration !== 'cell-attached';
    if (params['bath-change']) ctx.fields.get('reference').element.hidden = false;
  },

  async compute(ctx, signal) {
    const body = ctx.collect(['pipette', 'bath', 'method', 'mobilities', 'temperature', 'configuration', 'measured-vm', 'resting-potential', 'electroneutralize', 'bath-change', 'reference']);
    if (ctx.value('activity-model') !== 'ideal') body['activity-model'] = ctx.value('activity-model');
    return ctx.post('ljp', body, signal);
  },

  render(ctx, r) {
    const L = r.ljp_mV;
    const formula = r.corrected_vm_formula;
    const substituted = r.measured_vm_mV !== undefined && r.measured_vm_mV !== null
      ? pretty(formula, { measured: `(${fixed(r.measured_vm_mV, 1)})`, ljp: `(${signed(L, 2)})`, rest: `(${fixed(ctx.value('resting-potential'), 1)})` })
      : null;
    const head = h('div', { class: 'headline' },
      h('div', { class: 'big-number' },
        h('span', { class: 'big-label', text: 'Junction potential (bath relative to pipette)' }),
        h('output', { class: 'big-value', data: { testid: 'ljp' }, text: `${signed(L, 2)} mV` }),
        h('span', { class: 'big-sub', text: `${METHODS.find(([k]) => k === r.method)?.[1] || r.method} · ${r.mobilities} mobilities · ${num(r.temperature_C)} °C` })),
      h('div', { class: 'correction' },
        h('p', { class: 'big-label', text: `Correction (${r.configuration})` }),
        h('p', { class: 'formula', text: pretty(formula) }),
        substituted ? h('p', { class: 'formula' }, `= ${substituted.split('=').slice(1).join('=').trim()} = `, h('strong', { text: mV(r.corrected_vm_mV) })) : null,
        r.bath_offset_mV ? h('p', { class: 'hint', text: `bath offset ${signed(r.bath_offset_mV)} mV (${r.bath_offset_source})` }) : null));
    const compare = stats([
      ['Planck', `${signed(r.planck_mV, 3)} mV`, 'exact stationary Nernst–Planck'],
      ['Henderson', `${signed(r.henderson_mV, 3)} mV`, `differs by ${fixed(r.henderson_mV - r.planck_mV, 3)} mV`],
      r.method === 'npp' ? ['Poisson–Nernst–Planck', `${signed(L, 3)} mV`, '1 µm junction'] : null,
      ['Pipette relative to bath', `${signed(r.pipette_relative_to_bath_mV, 2)} mV`, 'the other sign convention'],
    ]);
    const contributions = Object.entries(r.contributions_mV || {}).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    const shown = contributions.slice(0, 8);
    const rest = contributions.slice(8).reduce((s, [, v]) => s + v, 0);
    if (contributions.length > 8) shown.push([`${contributions.length - 8} others`, rest]);
    const charges = Object.fromEntries((r.species || []).map((s) => [s.name, s.charge]));
    const fig = {
      version: 1,
      panels: [{
        title: '',
        x: { label: 'species', categories: shown.map(([n]) => (n in charges ? ionLabel(n, charges[n]) : n)) },
        y: { label: 'share of the junction potential', unit: 'mV' },
        series: [{ name: 'contribution', x: shown.map((_, k) => k), y: shown.map(([, v]) => v), style: 'bars', colors: shown.map(([n], k) => ionColor(n, k)) }],
        markers: [{ axis: 'y', value: L, label: `V_L ${signed(L, 1)} mV`, color: '#111827' }],
      }],
    };
    const species = dataTable(['Species', 'z', 'pipette (mM)', 'bath (mM)', 'D (10⁻⁹ m²/s)', 'share (mV)'],
      (r.species || []).map((s) => [ionLabel(s.name, s.charge), String(s.charge), num(s.pipette_mM, 4), num(s.bath_mM, 4), num(s.diffusion_m2_per_s * 1e9, 4), signed(r.contributions_mV?.[s.name] ?? NaN, 3)]),
      'Species entering the junction (mobility sources in the JSON)');
    const rtf = thermalVoltage(r.temperature_K);
    return {
      main: [head, signDiagram(L, formula), compare, (r.species || []).length > 8 ? h('details', { class: 'species' }, h('summary', { text: `${r.species.length} species enter the junction (pipette, bath, D, share)` }), species) : species, warnings([...(r.warnings || [])]), r.notes?.length ? h('details', {}, h('summary', { text: `Notes (${r.notes.length})` }), h('ul', { class: 'notes' }, ...r.notes.map((n) => h('li', { text: n })))) : null],
      figures: [{ key: 'shares', title: 'Each species’ share of the junction potential', spec: fig, height: 300 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: 'Generalized Henderson equation (the bath relative to the pipette; u = D, mobilities ∝ D)' }),
        M.math(M.sub('V', 'L'), M.o('='), M.frac(M.row(M.i('R'), M.i('T')), M.i('F')),
          M.frac(M.row(M.o('∑'), M.sub('z', 'i'), M.sub('u', 'i'), M.paren(M.sub('c', 'i,bath'), M.o('−'), M.sub('c', 'i,pip'))), M.row(M.o('∑'), M.sup(M.sub('z', 'i'), '2'), M.sub('u', 'i'), M.paren(M.sub('c', 'i,bath'), M.o('−'), M.sub('c', 'i,pip')))),
          M.ln(), M.frac(M.row(M.o('∑'), M.sup(M.sub('z', 'i'), '2'), M.sub('u', 'i'), M.sub('c', 'i,pip')), M.row(M.o('∑'), M.sup(M.sub('z', 'i'), '2'), M.sub('u', 'i'), M.sub('c', 'i,bath'))),
          M.o('='), M.q(signed(r.henderson_mV, 2), 'mV')),
        h('p', { class: 'hint', text: `RT/F = ${num(rtf, 5)} mV. Planck’s exact solution of the stationary electroneutral Nernst–Planck equations gives ${signed(r.planck_mV, 2)} mV; the two agree exactly for a single binary salt.` }),
        M.math(M.sub('V', 'm'), M.o('='), M.sub('V', 'measured'), M.o('−'), M.sub('V', 'L'))),
      methods: `Liquid junction potentials were calculated with ${METHOD_TEXT[r.method] || r.method} using ${r.mobilities === 'catalog' ? 'limiting ionic mobilities from the CRC Handbook' : `the ${r.mobilities} mobility table`} at ${num(r.temperature_C)} °C`
        + `${r.activity_model !== 'ideal' ? ` with ${r.activity_model} activity coefficients` : ''} (Membrane). The junction potential of the bath relative to the pipette solution was ${signed(L, 1)} mV `
        + `(sign convention of Barry & Lynch 1991 and Neher 1992; Henderson ${signed(r.henderson_mV, 1)} mV), and ${r.configuration} potentials were corrected as ${pretty(formula, { ljp: `(${signed(L, 1)} mV)` })}.`,
      reportLines: [`V_L = ${signed(L, 3)} mV (bath relative to pipette)`, `Planck ${signed(r.planck_mV, 3)} mV, Henderson ${signed(r.henderson_mV, 3)} mV`, `correction: ${formula}`, r.corrected_vm_mV !== undefined ? `corrected potential ${mV(r.corrected_vm_mV)}` : null,
        ...contributions.map(([n, v]) => `share of ${n}: ${signed(v, 3)} mV`)].filter(Boolean),
      csv: { columns: ['species', 'charge', 'pipette_mM', 'bath_mM', 'diffusion_m2_per_s', 'contribution_mV'], rows: (r.species || []).map((s) => [s.name, s.charge, s.pipette_mM, s.bath_mM, s.diffusion_m2_per_s, r.contributions_mV?.[s.name] ?? '']) },
      notes: [r.sign_convention, ...(r.notes || [])],
    };
  },
};

// ---- the sign diagram: which side is positive, and how the reading is corrected ----

const SVGNS = 'http://www.w3.org/2000/svg';
function s(tag, attrs, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
function signDiagram(L, formula) {
  const pos = L >= 0;
  const root = s('svg', { viewBox: '0 0 560 200', class: 'sign-diagram', role: 'img', 'font-family': 'system-ui, sans-serif', 'font-size': 15,
    'aria-label': `Sign diagram: the bath is ${pos ? 'positive' : 'negative'} relative to the pipette solution by ${fixed(Math.abs(L), 1)} mV at the pipette tip.` });
  root.append(
    s('rect', { x: 10, y: 118, width: 540, height: 74, rx: 6, fill: '#dcebf8', stroke: '#8bb3d9' }),
    s('text', { x: 540, y: 184, 'text-anchor': 'end', fill: '#1f4f7a' }, 'bath'),
    s('path', { d: 'M238 8 L322 8 L286 150 L274 150 Z', fill: '#fdf3d8', stroke: '#c9a64a' }),
    s('text', { x: 280, y: 30, 'text-anchor': 'middle', fill: '#7a5a12' }, 'pipette'),
    s('line', { x1: 280, y1: 40, x2: 280, y2: 118, stroke: '#8a8f96', 'stroke-width': 2 }),
    s('circle', { cx: 280, cy: 151, r: 7, fill: '#fff', stroke: '#b42318', 'stroke-width': 2.5 }),
    s('text', { x: 266, y: 116, 'text-anchor': 'end', 'font-size': 22, 'font-weight': 700, fill: pos ? '#1d4ed8' : '#b42318' }, pos ? '−' : '+'),
    s('text', { x: 300, y: 172, 'font-size': 22, 'font-weight': 700, fill: pos ? '#b42318' : '#1d4ed8' }, pos ? '+' : '−'),
    s('text', { x: 312, y: 146, fill: '#1d2733' }, `bath ${signed(L, 1)} mV vs pipette`),
    s('rect', { x: 24, y: 134, width: 26, height: 14, rx: 3, fill: '#b0b6bd' }),
    s('text', { x: 58, y: 146, fill: '#33404d', 'font-size': 13 }, 'Ag/AgCl ground'),
    s('text', { x: 20, y: 40, fill: '#33404d', 'font-size': 13 }, 'Zeroed with the tip in the bath:'),
    s('text', { x: 20, y: 58, fill: '#33404d', 'font-size': 13 }, 'the offset absorbs the junction,'),
    s('text', { x: 20, y: 76, fill: '#33404d', 'font-size': 13 }, 'which is gone once the seal forms:'),
    s('text', { x: 20, y: 96, fill: '#1d2733', 'font-size': 14, 'font-weight': 600 }, pretty(formula, { measured: 'V_meas', ljp: `(${signed(L, 1)} mV)` })));
  return h('figure', { class: 'sign-figure' }, root);
}

// ---- saved solution pairs: browser storage, download, upload ----

function buildStore(ctx) {
  const g = ctx.group('Saved pairs (this browser)');
  const nameId = 'ljp-save-name';
  const name = h('input', { id: nameId, type: 'text', class: 'text', placeholder: 'name, e.g. “rig 2 internal”' });
  const select = h('select', { aria: { label: 'Saved pairs' } });
  const status = h('p', { class: 'hint', aria: { live: 'polite' } });
  const refresh = () => {
    const pairs = loadPairs();
    select.replaceChildren(...(pairs.length ? pairs.map((p, k) => h('option', { value: String(k), text: p.name })) : [h('option', { value: '', text: 'none saved yet' })]));
    select.disabled = !pairs.length;
  };
  const current = () => ({ name: name.value.trim() || `pair ${new Date().toLocaleString()}`, pipette: ctx.value('pipette'), bath: ctx.value('bath'),
    temperature: ctx.value('temperature'), method: ctx.value('method'), saved: new Date().toISOString() });
  const apply = (p) => {
    ctx.fields.get('pair').set('');
    ctx.fields.get('pipette').set(p.pipette);
    ctx.fields.get('bath').set(p.bath);
    if (p.temperature !== undefined) ctx.fields.get('temperature').set(p.temperature);
    if (p.method) ctx.fields.get('method').set(p.method);
    ctx.changed();
  };
  g.append(
    h('div', { class: 'field-row' }, h('label', { for: nameId, class: 'offscreen', text: 'Name of the pair to save' }), name,
      h('button', { type: 'button', class: 'small', text: 'Save', on: { click: () => {
        const pairs = loadPairs().filter((p) => p.name !== current().name);
        pairs.push(current());
        savePairs(pairs);
        refresh();
        select.value = String(pairs.length - 1);
        status.textContent = `Saved “${current().name}”.`;
      } } })),
    h('div', { class: 'field-row' }, select,
      h('button', { type: 'button', class: 'small', text: 'Load', on: { click: () => { const p = loadPairs()[Number(select.value)]; if (p) { apply(p); status.textContent = `Loaded “${p.name}”.`; } } } }),
      h('button', { type: 'button', class: 'small', text: 'Delete', on: { click: () => { const pairs = loadPairs(); const [p] = pairs.splice(Number(select.value), 1); savePairs(pairs); refresh(); if (p) status.textContent = `Deleted “${p.name}”.`; } } })),
    h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'small', text: 'Download pairs (.json)', on: { click: () => download('membrane-solution-pairs.json', JSON.stringify({ version: 1, pairs: loadPairs().length ? loadPairs() : [current()] }, null, 2) + '\n', 'application/json') } }),
      h('button', { type: 'button', class: 'small', text: 'Upload pairs…', on: { click: async () => {
        try {
          const doc = JSON.parse(await upload());
          const incoming = (doc.pairs || []).filter((p) => typeof p.pipette === 'string' && typeof p.bath === 'string');
          if (!incoming.length) throw new Error('no pairs with “pipette” and “bath” strings in the file');
          const names = new Set(incoming.map((p) => p.name));
          savePairs([...loadPairs().filter((p) => !names.has(p.name)), ...incoming]);
          refresh();
          apply(incoming[0]);
          status.textContent = `Loaded ${incoming.length} pair${incoming.length > 1 ? 's' : ''} from the file.`;
        } catch (e) { status.textContent = `Could not read the file: ${e.message}`; }
      } } })),
    status);
  refresh();
}
