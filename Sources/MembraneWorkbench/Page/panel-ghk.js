// Nernst and GHK: a cell at rest. Each ion's equilibrium potential as a bar with V_m across them, the
// driving force (arrow from E_X to V_m) with the current and flux direction, temperature, activities beside
// concentrations, the pump's electrogenic share (GHK against Mullins–Noda), and sweeps of V_m.
// Requests: POST /api/report (the whole cell), /api/ghk (V_m without the pump), /api/report with the ideal
// model (concentrations beside activities); sweeps repeat /api/report per point.

import { commandLine, list, post, runPool } from './api.js';
import { h, num, fixed, signed, mV, conc, ionLabel, ionColor, thermalVoltage, M, NumberField, SelectField, CheckField, dataTable, kvTable } from './ui.js';

const DEFAULT_PRESET = 'mammalian-neuron';
export const ACTIVITY_MODELS = [
  ['ideal', 'ideal (concentrations)'], ['davies', 'Davies'], ['debye-huckel', 'Debye–Hückel (limiting)'],
  ['extended-debye-huckel', 'extended Debye–Hückel'], ['guntelberg', 'Güntelberg'], ['davies-0.2', 'Davies (0.2 I)'],
  ['truesdell-jones', 'Truesdell–Jones'], ['pitzer', 'Pitzer (HMW 1984)'],
];
const SWEEPS = {
  'outside-K': { label: 'outside K⁺', unit: 'mM', from: 1, to: 150, log: true },
  'pna-pk': { label: 'P_Na / P_K', unit: '', from: 0.001, to: 1, log: true },
  temperature: { label: 'temperature', unit: '°C', from: 0, to: 45, log: false },
};

const state = { presets: [], ions: [], charges: {}, presetIons: [], pending: null, sweep: null, sweepInputs: '', ready: null };

function chargeOf(name) { return state.charges[name] ?? 0; }

function solution(ctx, side) {
  return state.ions.map((n) => `${n}=${ctx.value(`${side}.${n}`)}`).join(', ');
}
function permeabilities(ctx) {
  return state.ions.filter((n) => ctx.value(`P.${n}`) !== null && ctx.value(`P.${n}`) !== undefined).map((n) => `${n}=${ctx.value(`P.${n}`)}`).join(', ');
}

function body(ctx, overrides = {}) {
  const b = {
    inside: solution(ctx, 'in'), outside: solution(ctx, 'out'), permeability: permeabilities(ctx),
    temperature: ctx.value('temperature'),
  };
  if (ctx.value('pump')) b['pump-ratio'] = ctx.value('pump-ratio');
  if (ctx.value('activity-model') !== 'ideal') b['activity-model'] = ctx.value('activity-model');
  if (ctx.value('vm') !== null && ctx.value('vm') !== undefined) b.vm = ctx.value('vm');
  return Object.assign(b, overrides);
}

function ionRows(ctx, preset) {
  ctx.removeFields('in.');
  ctx.removeFields('out.');
  ctx.removeFields('P.');
  state.ionBox.replaceChildren();
  for (const name of state.ions) addIonRow(ctx, name, preset);
}

function addIonRow(ctx, name, preset) {
  const label = ionLabel(name, chargeOf(name));
  const card = h('div', { class: 'ion-card', data: { ion: name } });
  const head = h('div', { class: 'ion-head' },
    h('span', { class: 'ion-swatch', aria: { hidden: 'true' } }),
    h('strong', { text: label }),
    h('button', { type: 'button', class: 'icon', text: '×', aria: { label: `Remove ${label}` },
      on: { click: () => { state.ions = state.ions.filter((n) => n !== name); ctx.removeFields(`in.${name}`); ctx.removeFields(`out.${name}`); ctx.removeFields(`P.${name}`); card.remove(); ctx.changed(); } } }));
  head.firstChild.style.background = ionColor(name);
  card.append(head);
  const pIn = preset?.inside_mM?.[name], pOut = preset?.outside_mM?.[name], pP = preset?.permeabilities?.[name];
  const apiIn = 'inside', apiOut = 'outside', apiP = 'permeability';
  ctx.add(new NumberField({ key: `in.${name}`, label: 'inside', longLabel: `inside ${label}`, unit: 'mM', min: 1e-5, max: 1000, log: true, def: pIn ?? 1, apiField: apiIn, testid: `inside-${name}` }), card);
  ctx.add(new NumberField({ key: `out.${name}`, label: 'outside', longLabel: `outside ${label}`, unit: 'mM', min: 1e-5, max: 1000, log: true, def: pOut ?? 1, apiField: apiOut, testid: `outside-${name}` }), card);
  ctx.add(new NumberField({ key: `P.${name}`, label: 'P (relative)', longLabel: `P ${label} (relative)`, unit: '', min: 1e-4, max: 10, log: true, def: pP ?? null, optional: true, placeholder: 'impermeant', apiField: apiP, testid: `permeability-${name}` }), card);
  state.ionBox.append(card);
}

function applyPreset(ctx, name, params = {}) {
  const preset = state.presets.find((p) => p.name === name) || state.presets.find((p) => p.name === DEFAULT_PRESET);
  state.presetIons = Object.keys(preset.inside_mM);
  state.ions = params.ions ? params.ions.split(',').filter(Boolean) : [...state.presetIons];
  ctx.fields.get('temperature').setDefault(preset.temperature_C);
  ionRows(ctx, preset);
  state.presetDescription.textContent = `${preset.description}. ${preset.notes?.length ? preset.notes.join(' ') : ''}`;
  state.presetSource.textContent = preset.source;
}

async function ready(ctx) {
  if (!state.ready) {
    state.ready = (async () => {
      const [presets, ions] = await Promise.all([list('presets'), list('ions')]);
      state.presets = presets.filter((p) => p.kind === 'cell');
      for (const i of ions) state.charges[i.name] = i.charge;
      state.catalog = ions.map((i) => i.name);
      const preset = ctx.fields.get('preset');
      preset.setOptions(state.presets.map((p) => [p.name, p.name.replace(/-/g, ' ')]));
      const params = state.pending || {};
      preset.set(params.preset || DEFAULT_PRESET);
      applyPreset(ctx, preset.value, params);
      state.addSelect.replaceChildren(h('option', { value: '', text: 'Add an ion…' }), ...state.catalog.map((n) => h('option', { value: n, text: ionLabel(n, state.charges[n]) })));
      ctx.restoring = true;
      for (const [k, v] of Object.entries(params)) { const f = ctx.fields.get(k); if (f && k !== 'preset') f.set(f.parse(v)); }
      ctx.restoring = false;
      state.pending = null;
      ctx.onState(ctx); // the URL now lists the restored inputs too
    })();
  }
  return state.ready;
}

export default {
  id: 'ghk',
  title: 'Nernst & GHK',
  group: 'Resting potential',
  summary: 'Equilibrium potentials of each ion, the GHK resting potential, driving forces, activities and the electrogenic pump.',

  setup(ctx) {
    const top = ctx.group('Cell');
    ctx.add(new SelectField({ key: 'preset', label: 'Preset', options: [[DEFAULT_PRESET, 'mammalian neuron']], def: DEFAULT_PRESET, hint: 'membrane presets' }), top,
      { onChange: (f) => { applyPreset(ctx, f.value); } });
    state.presetDescription = h('p', { class: 'hint preset-description' });
    state.presetSource = h('span');
    top.append(state.presetDescription, h('details', { class: 'source' }, h('summary', { text: 'Sources' }), h('p', { class: 'hint' }, state.presetSource)));
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 37 }), top);

    const ions = ctx.group('Ions');
    ions.append(h('p', { class: 'hint', text: 'Concentrations in mM (sliders move in decades); P relative to any scale, empty = impermeant.' }));
    state.ionBox = h('div', { class: 'ion-cards' });
    state.addSelect = h('select', { aria: { label: 'Add an ion' } });
    state.addSelect.addEventListener('change', () => {
      const n = state.addSelect.value;
      state.addSelect.value = '';
      if (!n || state.ions.includes(n)) return;
      state.ions.push(n);
      addIonRow(ctx, n, null);
      ctx.changed();
    });
    ions.append(state.ionBox, h('div', { class: 'add-ion' }, state.addSelect));

    const more = ctx.group('Activities, pump and V_m');
    ctx.add(new SelectField({ key: 'activity-model', label: 'Activity model', options: ACTIVITY_MODELS, def: 'ideal', hint: 'a = γ·c' }), more);
    ctx.add(new CheckField({ key: 'pump', label: 'Electrogenic Na⁺/K⁺ pump (Mullins–Noda)', def: false, apiField: 'pump-ratio' }), more);
    ctx.add(new NumberField({ key: 'pump-ratio', label: 'Pump ratio r (Na⁺ : K⁺)', unit: '', min: 1, max: 3, step: 0.05, def: 1.5, hint: '3 : 2 = 1.5' }), more);
    ctx.add(new NumberField({ key: 'vm', label: 'Driving forces at V_m', unit: 'mV', min: -150, max: 80, step: 1, def: null, optional: true, placeholder: 'GHK', hint: 'empty: at the GHK V_m' }), more);
    buildSweep(ctx);
  },

  restore(ctx, params) {
    if (state.ready && state.presets.length) {
      const preset = ctx.fields.get('preset');
      const name = params.preset || DEFAULT_PRESET;
      if (preset.value !== name || params.ions) { preset.set(name); applyPreset(ctx, name, params); }
    } else {
      state.pending = params;
    }
  },

  reset(ctx) {
    if (!state.presets.length) return; // not loaded yet: ready() applies the preset
    const preset = ctx.fields.get('preset');
    applyPreset(ctx, preset.value);
  },

  state() {
    return state.presetIons.join(',') === state.ions.join(',') ? {} : { ions: state.ions.join(',') };
  },

  async compute(ctx, signal) {
    await ready(ctx);
    ctx.fields.get('pump-ratio').element.hidden = !ctx.value('pump');
    const pump = ctx.value('pump'), activity = ctx.value('activity-model') !== 'ideal';
    const [report, noPump, ideal] = await Promise.all([
      ctx.post('report', body(ctx), signal),
      pump ? ctx.post('ghk', body(ctx, { 'pump-ratio': undefined, vm: undefined }), signal) : null,
      activity ? ctx.post('report', body(ctx, { 'activity-model': undefined }), signal) : null,
    ]);
    return { report, noPump, ideal };
  },

  render(ctx, { report, noPump, ideal }) {
    const pump = ctx.value('pump');
    const T = report.temperature_K;
    const vGHK = report.ghk_mV;
    const ions = report.ions;
    const permeant = ions.filter((i) => i.permeability !== null);

    const headline = h('div', { class: 'headline' },
      h('div', { class: 'big-number' },
        h('span', { class: 'big-label', text: pump ? 'V_m (GHK with the Mullins–Noda pump)' : 'V_m (GHK)' }),
        h('output', { class: 'big-value', data: { testid: 'vm' }, text: mV(vGHK) }),
        h('span', { class: 'big-sub', text: `${ctx.fields.get('preset').describe()} · ${num(report.temperature_C, 4)} °C · ${report.activity_model === 'ideal' ? 'concentrations' : `activities (${report.activity_model})`}` })),
      pump && noPump ? kvTable([
        ['Without the pump (GHK)', mV(noPump.potential_mV)],
        ['With the pump, r = ' + num(ctx.value('pump-ratio')), mV(vGHK)],
        ['Electrogenic share of the pump', `${signed(vGHK - noPump.potential_mV)} mV`, `${fixed(100 * (vGHK - noPump.potential_mV) / vGHK, 1)} % of V_m`],
      ], 'The pump’s electrogenic share') : null,
      ctx.value('vm') !== null ? h('p', { class: 'hint', text: `Driving forces below are evaluated at V_m = ${mV(report.vm_mV)} (${report.vm_source}).` }) : null);

    // E_X bars, V_m across them, arrows from E_X to V_m (the driving force).
    const cats = ions.map((i) => ionLabel(i.name, i.charge));
    const figure = {
      version: 1,
      panels: [{
        title: '',
        x: { label: 'ion', categories: cats },
        y: { label: 'potential', unit: 'mV' },
        series: [{ name: 'equilibrium potential E_X', x: ions.map((_, k) => k), y: ions.map((i) => i.nernst_mV), style: 'bars', colors: ions.map((i, k) => ionColor(i.name, k)), color: '#5b6673' }],
        markers: [{ axis: 'y', value: report.vm_mV, label: `V_m ${mV(report.vm_mV, 1)}`, color: '#111827', labelAt: 'start' }],
        arrows: ions.map((i, k) => ({ x: k + 0.3, from: i.nernst_mV, to: report.vm_mV, label: `${signed(i.driving_force_mV, 1)}`, color: ionColor(i.name, k) })),
      }],
    };

    const activity = report.activity_model !== 'ideal';
    const gIn = report.activity_coefficients_inside || {}, gOut = report.activity_coefficients_outside || {};
    const rows = ions.map((i) => {
      const arrow = i.flux_direction === 'efflux' ? '↑ efflux' : i.flux_direction === 'influx' ? '↓ influx' : '· none';
      return [
        h('span', { class: 'ion-name' }, h('span', { class: 'dot', aria: { hidden: 'true' } }), ionLabel(i.name, i.charge)),
        ...(activity ? [`${num(gIn[i.name], 3)} / ${num(gOut[i.name], 3)}`] : []),
        mV(i.nernst_mV), `${signed(i.driving_force_mV)} mV`,
        h('span', { class: `dir ${i.flux_direction}` }, arrow, h('span', { class: 'dir-current', text: `${i.current_direction} I` })),
        `${signed(i.delta_g_kJ_per_mol)}`,
      ];
    });
    const columns = ['Ion', ...(activity ? ['γᵢ / γₒ'] : []), 'E_X', 'V_m − E_X', 'Net flux · current', 'ΔG in (kJ/mol)'];
    const table = dataTable(columns, rows, 'Each ion at this V_m (ΔG: one mole moved inward)');
    table.querySelectorAll('tbody .dot').forEach((d, k) => { d.style.background = ionColor(ions[k].name, k); });

    const side = activity && ideal ? h('div', { class: 'side-by-side' },
      h('h3', { text: `Concentrations beside activities (${report.activity_model})` }),
      dataTable(['', 'with concentrations', `with activities (${report.activity_model})`, 'difference'], [
        ['V_m', mV(ideal.ghk_mV), mV(vGHK), `${signed(vGHK - ideal.ghk_mV)} mV`],
        ...ions.map((i) => [`E ${ionLabel(i.name, i.charge)}`, mV(ideal.nernst_mV[i.name]), mV(i.nernst_mV), `${signed(i.nernst_mV - ideal.nernst_mV[i.name])} mV`]),
        ...ions.map((i) => [`a ${ionLabel(i.name, i.charge)} in / out`, `${conc(ctx.value(`in.${i.name}`))} / ${conc(ctx.value(`out.${i.name}`))}`, `${conc(i.inside_mM)} / ${conc(i.outside_mM)}`, `γ ${num(gIn[i.name], 3)} / ${num(gOut[i.name], 3)}`]),
      ], null),
      h('p', { class: 'hint', text: `Ionic strength ${num(report.ionic_strength_inside_M * 1e3, 4)} mM inside, ${num(report.ionic_strength_outside_M * 1e3, 4)} mM outside.` }),
      ...(report.activity_warnings || []).map((w) => h('p', { class: 'warning', text: w }))) : null;

    const figures = [{ key: 'bars', title: 'Equilibrium potentials, V_m and driving forces (arrows)', spec: figure, height: 320 }];
    if (state.sweep) {
      const stale = state.sweepInputs !== JSON.stringify(body(ctx));
      figures.push({ key: 'sweep', title: `Sweep: V_m against ${SWEEPS[state.sweep.kind].label}${stale ? ' (computed for earlier inputs)' : ''}`, spec: state.sweep.spec, height: 320 });
    }

    return {
      main: [headline, table, side, ...(report.warnings || []).map((w) => h('p', { class: 'warning', text: w }))],
      figures,
      equation: equation(report, T, permeant, pump ? ctx.value('pump-ratio') : null),
      methods: methods(ctx, report, permeant, noPump),
      reportLines: [`V_m = ${mV(vGHK)} (${report.vm_source})`, ...ions.map((i) => `E_${i.name} = ${mV(i.nernst_mV)}, V_m − E = ${signed(i.driving_force_mV)} mV, ${i.current_direction} current, ${i.flux_direction}`)],
      csv: {
        columns: ['ion', 'charge', 'inside_mM', 'outside_mM', 'permeability_relative', 'nernst_mV', 'vm_mV', 'driving_force_mV', 'current_direction', 'flux_direction', 'delta_g_kJ_per_mol'],
        rows: ions.map((i) => [i.name, i.charge, i.inside_mM, i.outside_mM, i.permeability ?? '', i.nernst_mV, report.vm_mV, i.driving_force_mV, i.current_direction, i.flux_direction, i.delta_g_kJ_per_mol]),
      },
      notes: [report.concentration_basis].filter(Boolean),
    };
  },
};

function equation(report, T, permeant, r) {
  const rtf = thermalVoltage(T);
  const mono = permeant.every((i) => Math.abs(i.charge) === 1);
  const parts = [];
  const term = (i, side, sym) => {
    const P = r && i.name === 'K' ? M.row(M.i('r'), M.sub('P', i.name)) : M.sub('P', i.name);
    return sym ? M.row(P, M.c(i.name, side)) : M.row(M.n(r && i.name === 'K' ? `${num(r)}·${num(i.permeability)}` : num(i.permeability)), M.o('·'), M.n(num(side === 'o' ? i.outside_mM : i.inside_mM)));
  };
  const sum = (items) => items.flatMap((x, k) => (k ? [M.o('+'), x] : [x]));
  if (mono && permeant.length) {
    const num_ = (sym) => sum(permeant.map((i) => term(i, i.charge > 0 ? 'o' : 'i', sym)));
    const den = (sym) => sum(permeant.map((i) => term(i, i.charge > 0 ? 'i' : 'o', sym)));
    parts.push(h('p', { class: 'eq-title', text: r ? 'GHK voltage equation with the Mullins–Noda pump term (Mullins & Noda 1963): K⁺ weighted by the pump ratio r' : 'Goldman–Hodgkin–Katz voltage equation (Goldman 1943; Hodgkin & Katz 1949)' }));
    parts.push(M.math(M.sub('V', 'm'), M.o('='), M.frac(M.row(M.i('R'), M.i('T')), M.i('F')), M.ln(), M.paren(M.frac(M.row(...num_(true)), M.row(...den(true))))));
    parts.push(M.math(M.o('='), M.q(rtf, 'mV'), M.o('×'), M.ln(), M.paren(M.frac(M.row(...num_(false)), M.row(...den(false)))), M.o('='), M.q(fixed(report.ghk_mV, 2), 'mV')));
  } else if (permeant.length) {
    parts.push(h('p', { class: 'eq-title', text: 'With a polyvalent permeant ion the GHK voltage has no closed form: V_m is the root of the summed GHK currents (solved numerically by Brent’s method).' }));
    parts.push(M.math(M.row(M.o('∑'), M.sub('P', 'X'), M.sup(M.sub('z', 'X'), '2'), M.frac(M.row(M.sub('V', 'm'), M.sup('F', '2')), M.row(M.i('R'), M.i('T'))),
      M.frac(M.row(M.c('X', 'i'), M.o('−'), M.c('X', 'o'), M.sup('e', M.row(M.o('−'), M.sub('z', 'X'), M.i('F'), M.sub('V', 'm'), M.o('/'), M.i('R'), M.i('T')))),
        M.row(M.n('1'), M.o('−'), M.sup('e', M.row(M.o('−'), M.sub('z', 'X'), M.i('F'), M.sub('V', 'm'), M.o('/'), M.i('R'), M.i('T')))))), M.o('='), M.n('0')));
    parts.push(M.math(M.sub('V', 'm'), M.o('='), M.q(fixed(report.ghk_mV, 2), 'mV')));
  }
  parts.push(h('p', { class: 'eq-title', text: `Nernst equation for each ion (RT/F = ${num(rtf, 5)} mV at ${num(T, 5)} K, CODATA 2018)` }));
  for (const i of report.ions) {
    parts.push(M.math(M.sub('E', i.name), M.o('='), M.frac(M.row(M.i('R'), M.i('T')), M.row(M.i('z'), M.i('F'))), M.ln(), M.frac(M.c(i.name, 'o'), M.c(i.name, 'i')),
      M.o('='), M.frac(M.q(rtf, 'mV'), M.n(String(i.charge).replace('-', '−'))), M.ln(), M.frac(M.n(num(i.outside_mM)), M.n(num(i.inside_mM))), M.o('='), M.q(fixed(i.nernst_mV, 2), 'mV')));
  }
  if (report.activity_model !== 'ideal') parts.push(h('p', { class: 'hint', text: 'The bracketed quantities are activities a = γ·c from the activity model.' }));
  return h('div', { class: 'equations' }, ...parts);
}

function methods(ctx, report, permeant, noPump) {
  const list_ = (side) => report.ions.map((i) => `${ionLabel(i.name, i.charge)} ${num(ctx.value(`${side}.${i.name}`))}`).join(', ');
  const ratio = permeant.map((i) => `P_${i.name}`).join(' : ') + ' = ' + permeant.map((i) => num(i.permeability)).join(' : ');
  const pump = ctx.value('pump');
  return `The resting membrane potential was computed with the Goldman–Hodgkin–Katz voltage equation (Goldman 1943; Hodgkin & Katz 1949)`
    + `${pump ? ` including an electrogenic Na⁺/K⁺ pump in the Mullins–Noda form with coupling ratio r = ${num(ctx.value('pump-ratio'))} (Mullins & Noda 1963)` : ''}`
    + ` at ${num(report.temperature_C, 4)} °C, with relative permeabilities ${ratio}, intracellular ${list_('in')} mM and extracellular ${list_('out')} mM`
    + `${report.activity_model !== 'ideal' ? `, using single-ion activities from the ${report.activity_model} model` : ''}: V_m = ${fixed(report.ghk_mV, 1)} mV`
    + `${pump && noPump ? ` (${fixed(noPump.potential_mV, 1)} mV without the pump)` : ''}. Equilibrium potentials (Nernst): `
    + report.ions.map((i) => `E_${i.name} = ${fixed(i.nernst_mV, 1)} mV`).join(', ')
    + '. Physical constants CODATA 2018; calculations with Membrane.';
}

// ---- sweeps: V_m against log [K⁺]o, P_Na/P_K or temperature, one request per point ----

function buildSweep(ctx) {
  const box = ctx.group('Sweep (on demand)');
  const kind = new SelectField({ key: 'sweep', label: 'Vary', options: Object.entries(SWEEPS).map(([k, s]) => [k, s.label]), def: 'outside-K' });
  const points = new NumberField({ key: 'sweep-points', label: 'Points', unit: '', min: 5, max: 60, step: 1, def: 25 });
  box.append(kind.element, points.element);
  const progress = h('progress', { max: 1, value: 0, hidden: true, aria: { label: 'sweep progress' } });
  let controller = null;
  const run = h('button', { type: 'button', class: 'primary', text: 'Run sweep' });
  const cancel = h('button', { type: 'button', class: 'small', text: 'Cancel', hidden: true, on: { click: () => controller?.abort() } });
  run.addEventListener('click', async () => {
    controller?.abort();
    controller = new AbortController();
    const spec = SWEEPS[kind.value];
    const n = Math.max(3, Math.min(200, Math.round(points.value || 25)));
    const xs = Array.from({ length: n }, (_, k) => spec.log ? spec.from * (spec.to / spec.from) ** (k / (n - 1)) : spec.from + (spec.to - spec.from) * k / (n - 1));
    const base = body(ctx);
    const bodyAt = (x) => {
      if (kind.value === 'temperature') return { ...base, temperature: Number(x.toPrecision(6)) };
      if (kind.value === 'outside-K') {
        if (!state.ions.includes('K')) throw new Error('the cell has no K⁺');
        return { ...base, outside: state.ions.map((i) => `${i}=${i === 'K' ? Number(x.toPrecision(6)) : ctx.value(`out.${i}`)}`).join(', ') };
      }
      const pk = ctx.value('P.K') || 1;
      return { ...base, permeability: state.ions.filter((i) => ctx.value(`P.${i}`) !== null || i === 'Na').map((i) => `${i}=${i === 'Na' ? Number((x * pk).toPrecision(6)) : ctx.value(`P.${i}`)}`).join(', ') };
    };
    progress.hidden = false; cancel.hidden = false; run.disabled = true;
    try {
      // Sweep points are not the panel's own requests: they stay out of its command line and JSON.
      const results = await runPool(xs.map((x) => (signal) => post('report', bodyAt(x), signal)), 4, controller.signal,
        (done, total) => { progress.value = done / total; });
      const ok = results.map((r, k) => ({ x: xs[k], r: r.value })).filter((p) => p.r);
      const ionsShown = ok[0]?.r.ions.map((i) => i.name) || [];
      state.sweep = {
        kind: kind.value,
        spec: {
          version: 1,
          panels: [{
            title: '',
            x: { label: spec.label, unit: spec.unit, log: spec.log },
            y: { label: 'potential', unit: 'mV' },
            series: [
              { name: 'V_m (GHK)', x: ok.map((p) => p.x), y: ok.map((p) => p.r.ghk_mV), color: '#111827' },
              ...ionsShown.filter((n) => n === 'K' || kind.value !== 'outside-K').filter((n) => ['K', 'Na', 'Cl'].includes(n)).map((n, k) => ({
                name: `E_${n}`, x: ok.map((p) => p.x), y: ok.map((p) => p.r.nernst_mV[n]), color: ionColor(n, k), dash: true })),
            ],
          }],
        },
      };
      state.sweepInputs = JSON.stringify(base);
      const vary = { 'outside-K': `outside.K=${spec.from}:${spec.to}:${n}:log`, temperature: `temperature=${spec.from}:${spec.to}:${n}` }[kind.value];
      const line = vary ? commandLine('report', base).replace(/^membrane report /, `membrane sweep --vary ${vary} -- report `).replace(/ --json$/, '') : null;
      equivalent.replaceChildren(...(line ? [h('p', { class: 'hint', text: 'The same sweep from a terminal (CSV):' }), h('pre', { class: 'sweep-line' }, h('code', { text: line }))] : []));
      ctx.runner.schedule(true);
    } catch (e) {
      if (e.name !== 'AbortError') ctx.showError(e);
    } finally {
      progress.hidden = true; cancel.hidden = true; run.disabled = false;
    }
  });
  const equivalent = h('div');
  box.append(h('div', { class: 'row-actions' }, run, cancel, progress), equivalent,
    h('p', { class: 'hint', text: 'Each point is one request to /api/report; the other inputs stay as they are. The E_K curve of the K⁺ sweep is the Nernst line V_m approaches when P_K dominates.' }));
}
