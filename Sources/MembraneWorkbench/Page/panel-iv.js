// I–V curves: the GHK current of each ion and their sum (absolute permeabilities, cm/s), the ohmic
// currents g·(V − E) with the chord-conductance potential, reversal potentials marked, the chord
// conductance of each GHK current at the zero-current potential, and permeability ratios from a measured
// reversal potential. Requests: /api/ghk-current per ion (with from/to/step), /api/ghk, /api/chord,
// /api/permeability-ratio.

import { list } from './api.js';
import { h, num, fixed, signed, mV, ionLabel, ionColor, NumberField, SelectField, dataTable, stats, M, thermalVoltage } from './ui.js';

const IONS = [
  { name: 'K', z: 1, inside: 140, outside: 5, P: 1e-6, g: 1 },
  { name: 'Na', z: 1, inside: 12, outside: 145, P: 4e-8, g: 0.05 },
  { name: 'Cl', z: -1, inside: 7, outside: 120, P: 4.5e-7, g: 0.2 },
  { name: 'Ca', z: 2, inside: 1e-4, outside: 1.5, P: null, g: null },
];
const A_PER_M2_TO_UA_PER_CM2 = 100;

function present(ctx, key) { const v = ctx.value(key); return v !== null && v !== undefined; }

export default {
  id: 'iv',
  title: 'I–V curves',
  group: 'Resting potential',
  summary: 'GHK and ohmic current–voltage relations of each ion, reversal potentials, chord conductances and permeability ratios.',

  setup(ctx) {
    const cell = ctx.group('Cell');
    const preset = ctx.add(new SelectField({ key: 'cell', label: 'Concentrations and P ratios of', options: [['', 'the mammalian neuron (defaults)']], def: '', hint: 'membrane presets' }), cell,
      { onChange: (f) => this.applyCell(ctx, f.value) });
    preset.apiField = null;
    cell.append(h('p', { class: 'hint', text: 'A preset’s relative permeabilities become absolute with P_K = 10⁻⁶ cm/s.' }));
    list('presets').then((all) => {
      this.cells = all.filter((p) => p.kind === 'cell');
      preset.setOptions([['', 'the mammalian neuron (defaults)'], ...this.cells.filter((p) => p.name !== 'mammalian-neuron').map((p) => [p.name, p.name.replace(/-/g, ' ')])]);
      preset.set(preset.value);
    }).catch(() => {});
    const ions = ctx.group('Ions');
    ions.append(h('p', { class: 'hint', text: 'Defaults: the mammalian neuron. P in cm/s for the GHK current; g in mS/cm² for the ohmic current. Empty = not conducting.' }));
    for (const i of IONS) {
      const card = h('div', { class: 'ion-card wide-units' }, h('div', { class: 'ion-head' }, h('span', { class: 'ion-swatch', aria: { hidden: 'true' } }), h('strong', { text: ionLabel(i.name, i.z) })));
      card.querySelector('.ion-swatch').style.background = ionColor(i.name);
      ctx.add(new NumberField({ key: `in.${i.name}`, label: 'inside', longLabel: `inside ${ionLabel(i.name, i.z)}`, unit: 'mM', min: 1e-5, max: 1000, log: true, def: i.inside, apiField: 'inside' }), card);
      ctx.add(new NumberField({ key: `out.${i.name}`, label: 'outside', longLabel: `outside ${ionLabel(i.name, i.z)}`, unit: 'mM', min: 1e-5, max: 1000, log: true, def: i.outside, apiField: 'outside' }), card);
      ctx.add(new NumberField({ key: `P.${i.name}`, label: 'P', longLabel: `P ${ionLabel(i.name, i.z)}`, unit: 'cm/s', min: 1e-10, max: 1e-4, log: true, def: i.P, optional: true, placeholder: 'none', apiField: 'permeability' }), card);
      ctx.add(new NumberField({ key: `g.${i.name}`, label: 'g', longLabel: `g ${ionLabel(i.name, i.z)}`, unit: 'mS/cm²', min: 1e-4, max: 10, log: true, def: i.g, optional: true, placeholder: 'none', apiField: 'conductance' }), card);
      ions.append(card);
    }
    const range = ctx.group('Voltage range and temperature');
    ctx.add(new NumberField({ key: 'from', label: 'From', unit: 'mV', min: -200, max: 0, step: 5, def: -120 }), range);
    ctx.add(new NumberField({ key: 'to', label: 'To', unit: 'mV', min: 0, max: 200, step: 5, def: 60 }), range);
    ctx.add(new NumberField({ key: 'step', label: 'Step', unit: 'mV', min: 0.5, max: 20, step: 0.5, def: 2 }), range);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 37 }), range);
    const ratio = ctx.group('Permeability ratio from a measured reversal potential');
    ctx.add(new SelectField({ key: 'test', label: 'Unknown (test) ion', options: IONS.map((i) => [i.name, ionLabel(i.name, i.z)]), def: 'Na' }), ratio);
    ctx.add(new NumberField({ key: 'reversal', label: 'Measured reversal potential', unit: 'mV', min: -120, max: 60, step: 0.5, def: null, optional: true, placeholder: 'none' }), ratio);
    ratio.append(h('p', { class: 'hint', text: 'With these solutions and the other ions’ permeabilities (relative), the P of the test ion that puts the GHK zero-current potential at the measured value.' }));
  },

  /** A cell preset's concentrations, relative permeabilities (× 10⁻⁶ cm/s) and temperature. */
  applyCell(ctx, name) {
    const p = (this.cells || []).find((c) => c.name === name);
    ctx.restoring = true;
    for (const i of IONS) {
      ctx.fields.get(`in.${i.name}`).set(p?.inside_mM?.[i.name] ?? i.inside);
      ctx.fields.get(`out.${i.name}`).set(p?.outside_mM?.[i.name] ?? i.outside);
      const rel = p?.permeabilities?.[i.name];
      ctx.fields.get(`P.${i.name}`).set(p ? (rel === undefined ? null : Number((rel * 1e-6).toPrecision(6))) : i.P);
    }
    ctx.fields.get('temperature').set(p ? Number(p.temperature_C.toPrecision(6)) : 37);
    ctx.restoring = false;
  },

  async compute(ctx, signal) {
    const T = ctx.value('temperature');
    const solution = (side) => IONS.map((i) => `${i.name}=${ctx.value(`${side}.${i.name}`)}`).join(', ');
    const permeant = IONS.filter((i) => present(ctx, `P.${i.name}`));
    const ohmic = IONS.filter((i) => present(ctx, `g.${i.name}`));
    const range = { from: ctx.value('from'), to: ctx.value('to'), step: ctx.value('step') };
    const ghk = permeant.length ? await ctx.post('ghk', { inside: solution('in'), outside: solution('out'),
      permeability: permeant.map((i) => `${i.name}=${ctx.value(`P.${i.name}`)}`).join(', '), temperature: T }, signal) : null;
    // Each curve's single point is taken at the zero-current potential, for the chord conductance there.
    const curves = permeant.map((i) => ctx.post('ghk-current', {
      ion: i.name, inside: ctx.value(`in.${i.name}`), outside: ctx.value(`out.${i.name}`), permeability: ctx.value(`P.${i.name}`),
      voltage: ghk ? Number(ghk.potential_mV.toPrecision(10)) : 0, ...range, temperature: T }, signal));
    const chord = ohmic.length ? ctx.post('chord', { conductance: ohmic.map((i) => `${i.name}=${ctx.value(`g.${i.name}`)}`).join(', '),
      inside: solution('in'), outside: solution('out'), temperature: T }, signal) : null;
    let ratio = null;
    if (present(ctx, 'reversal')) {
      const test = ctx.value('test');
      const known = IONS.filter((i) => i.name !== test && present(ctx, `P.${i.name}`));
      ratio = ctx.post('permeability-ratio', { test, 'inside-solution': solution('in'), 'outside-solution': solution('out'),
        known: known.map((i) => `${i.name}=${ctx.value(`P.${i.name}`)}`).join(', '), reversal: ctx.value('reversal'), temperature: T }, signal);
    }
    const [c, ch, r] = await Promise.all([Promise.all(curves), chord, ratio]);
    return { permeant, ohmic, curves: c, ghk, chord: ch, ratio: r };
  },

  render(ctx, { permeant, ohmic, curves, ghk, chord, ratio }) {
    const vs = curves[0]?.curve.map((p) => p.voltage_mV) || [];
    const total = vs.map((_, j) => curves.reduce((s, c) => s + c.curve[j].current_density_A_per_m2 * A_PER_M2_TO_UA_PER_CM2, 0));
    const E = Object.fromEntries(curves.map((c) => [c.ion, c.reversal_potential_mV]));
    const Eohm = chord?.reversal_mV || {};
    const ghkFig = {
      version: 1,
      panels: [{
        title: '',
        x: { label: 'V_m', unit: 'mV' },
        y: { label: 'I', unit: 'µA/cm², outward +' },
        series: [
          ...curves.map((c, k) => ({ name: ionLabel(c.ion, c.valence), x: c.curve.map((p) => p.voltage_mV), y: c.curve.map((p) => p.current_density_A_per_m2 * A_PER_M2_TO_UA_PER_CM2), color: ionColor(c.ion, k) })),
          ...(curves.length > 1 ? [{ name: 'total', x: vs, y: total, color: '#111827' }] : []),
        ],
        markers: [
          ...curves.map((c, k) => ({ axis: 'x', value: c.reversal_potential_mV, label: `E_${c.ion}`, color: ionColor(c.ion, k) })),
          ...(ghk ? [{ axis: 'x', value: ghk.potential_mV, label: 'V_rev', color: '#111827' }] : []),
        ],
      }],
    };
    const x0 = ctx.value('from'), x1 = ctx.value('to');
    const line = Array.from({ length: 61 }, (_, k) => x0 + (x1 - x0) * k / 60);
    const ohmFig = {
      version: 1,
      panels: [{
        title: '',
        x: { label: 'V_m', unit: 'mV' },
        y: { label: 'I = g·(V − E)', unit: 'µA/cm², outward +' },
        series: [
          ...ohmic.map((i, k) => ({ name: ionLabel(i.name, i.z), x: line, y: line.map((v) => ctx.value(`g.${i.name}`) * (v - Eohm[i.name])), color: ionColor(i.name, k) })),
          ...(ohmic.length > 1 ? [{ name: 'total', x: line, y: line.map((v) => ohmic.reduce((s, i) => s + ctx.value(`g.${i.name}`) * (v - Eohm[i.name]), 0)), color: '#111827' }] : []),
        ],
        markers: chord ? [{ axis: 'x', value: chord.potential_mV, label: 'V_chord', color: '#111827' }] : [],
      }],
    };
    // Chord conductance of each GHK current at the zero-current potential: g = I(V)/(V − E).
    const rows = curves.map((c) => {
      const iAt = c.current_density_A_per_m2 * A_PER_M2_TO_UA_PER_CM2;
      const dv = c.voltage_mV - c.reversal_potential_mV;
      const g = Math.abs(dv) > 1e-9 ? iAt / dv : NaN;
      return [ionLabel(c.ion, c.valence), num(c.permeability_cm_per_s), mV(c.reversal_potential_mV), signed(iAt, 3), Number.isFinite(g) ? num(g * 1e3, 4) : '—'];
    });
    const pRef = permeant.find((i) => i.name === 'K') || permeant[0];
    const ratios = pRef ? permeant.filter((i) => i !== pRef).map((i) => [`P_${i.name}/P_${pRef.name}`, num(ctx.value(`P.${i.name}`) / ctx.value(`P.${pRef.name}`), 4)]) : [];

    const main = [
      stats([
        ghk ? ['GHK zero-current potential', mV(ghk.potential_mV), 'V where the GHK currents sum to zero'] : null,
        chord ? ['Chord-conductance potential', mV(chord.potential_mV), 'V = Σ g·E / Σ g'] : null,
        ratio ? [`P_${ratio.test}/P_${ratio.reference} (measured)`, num(ratio.permeability_ratio, 4), `from V_rev = ${mV(ratio.reversal_mV)}`] : null,
        ratios.length ? [`${ratios[0][0]} (inputs)`, ratios[0][1], ratios.slice(1).map(([k, v]) => `${k} = ${v}`).join(' · ')] : null,
      ]),
      curves.length ? dataTable(['Ion', 'P (cm/s)', 'E_X', `I at V_rev (µA/cm²)`, 'chord g at V_rev (µS/cm²)'], rows,
        'Each GHK current at the zero-current potential; its chord conductance g = I/(V − E) depends on V, unlike an ohmic g') : null,
    ];
    const rtf = thermalVoltage(curves[0]?.temperature_K ?? 310.15);
    return {
      main,
      figures: [
        ...(curves.length ? [{ key: 'ghk', title: 'GHK currents (constant-field), reversal potentials marked', spec: ghkFig, height: 340 }] : []),
        ...(ohmic.length ? [{ key: 'ohmic', title: 'Ohmic currents g·(V − E) and the chord-conductance potential', spec: ohmFig, height: 300 }] : []),
      ],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: 'GHK current equation (Goldman 1943; Hodgkin & Katz 1949), outward positive' }),
        M.math(M.sub('I', 'X'), M.o('='), M.sub('P', 'X'), M.sup(M.sub('z', 'X'), '2'), M.frac(M.row(M.i('V'), M.sup('F', '2')), M.row(M.i('R'), M.i('T'))),
          M.frac(M.row(M.c('X', 'i'), M.o('−'), M.c('X', 'o'), M.sup('e', M.row(M.o('−'), M.i('z'), M.i('F'), M.i('V'), M.o('/'), M.i('R'), M.i('T')))),
            M.row(M.n('1'), M.o('−'), M.sup('e', M.row(M.o('−'), M.i('z'), M.i('F'), M.i('V'), M.o('/'), M.i('R'), M.i('T')))))),
        h('p', { class: 'eq-title', text: `with RT/F = ${num(rtf, 5)} mV; reversal potentials:` }),
        ...curves.map((c) => M.math(M.sub('E', c.ion), M.o('='), M.q(fixed(c.reversal_potential_mV, 2), 'mV'))),
        chord ? h('p', { class: 'eq-title', text: 'Chord-conductance equation (ohmic channels)' }) : null,
        chord ? M.math(M.i('V'), M.o('='), M.frac(M.row(M.o('∑'), M.sub('g', 'X'), M.sub('E', 'X')), M.row(M.o('∑'), M.sub('g', 'X'))), M.o('='),
          M.frac(M.row(...ohmic.flatMap((i, k) => [...(k ? [M.o('+')] : []), M.n(num(ctx.value(`g.${i.name}`))), M.o('·'), M.n(fixed(Eohm[i.name], 2))])),
            M.row(...ohmic.flatMap((i, k) => [...(k ? [M.o('+')] : []), M.n(num(ctx.value(`g.${i.name}`)))]))), M.o('='), M.q(fixed(chord.potential_mV, 2), 'mV')) : null),
      methods: `Current–voltage relations were computed with the GHK current equation (Goldman 1943; Hodgkin & Katz 1949) at ${num(ctx.value('temperature'))} °C for `
        + curves.map((c) => `${ionLabel(c.ion, c.valence)} (P = ${num(c.permeability_cm_per_s)} cm/s, ${num(c.inside_mM)} mM inside, ${num(c.outside_mM)} mM outside)`).join(', ')
        + `${ghk ? `; the zero-current (reversal) potential of the summed currents is ${fixed(ghk.potential_mV, 1)} mV` : ''}`
        + `${chord ? `; with ohmic conductances ${ohmic.map((i) => `g_${i.name} = ${num(ctx.value(`g.${i.name}`))} mS/cm²`).join(', ')} the chord-conductance potential is ${fixed(chord.potential_mV, 1)} mV` : ''}`
        + '. Constants CODATA 2018; calculations with Membrane.',
      reportLines: [ghk ? `GHK zero-current potential ${mV(ghk.potential_mV)}` : null, chord ? `chord-conductance potential ${mV(chord.potential_mV)}` : null,
        ...curves.map((c) => `E_${c.ion} = ${mV(c.reversal_potential_mV)}`), ratio ? `P_${ratio.test}/P_${ratio.reference} = ${num(ratio.permeability_ratio, 4)}` : null].filter(Boolean),
    };
  },
};
