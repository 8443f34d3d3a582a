// The Gibbs–Donnan equilibrium: impermeant charge inside, permeant ions distributed so that each is at
// equilibrium; V_D, the Donnan ratio, the product rule, the osmotic imbalance (rigid, osmotic or walled
// compartment). Request: /api/donnan.

import { list } from './api.js';
import { h, num, fixed, mV, conc, ionLabel, ionColor, SelectField, NumberField, SolutionField, CheckField, dataTable, stats, warnings, M, thermalVoltage } from './ui.js';
import { ACTIVITY_MODELS } from './panel-ghk.js';

const PERMEANT = ['K', 'Na', 'Cl'];

export default {
  id: 'donnan',
  title: 'Donnan equilibrium',
  group: 'Cell volume',
  summary: 'Impermeant anions inside, permeant ions at equilibrium: the Donnan potential, concentration ratios, the product rule and the osmotic imbalance that makes cells swell.',

  examples: [
    ['K⁺ and Cl⁻ against an impermeant anion (100 mM KCl bath)', { outside: 'K=100, Cl=100', charge: -1.2, concentration: 120 }],
    ['Double Donnan: Na⁺ kept out (animal cell)', { outside: 'K=5, Na=145, Cl=150' }],
    ['Cell free to swell (osmotic compartment)', { compartment: 'osmotic' }],
    ['Plant cell with a wall (turgor)', { outside: 'K=1, Cl=1', compartment: 'walled', 'wall-relative-volume': 1.1, 'wall-modulus-MPa': 10 }],
  ],

  setup(ctx) {
    const g = ctx.group('Bath and impermeant');
    const out = ctx.add(new SolutionField({ key: 'outside', label: 'Bath (outside)', def: 'K=5, Na=145, Cl=150' }), g);
    list('ions').then((ions) => out.setIonNames(ions.map((i) => i.name))).catch(() => {});
    ctx.add(new NumberField({ key: 'charge', label: 'Impermeant mean charge z_X', unit: '', min: -3, max: -0.1, step: 0.05, def: -1.2, apiField: 'inside-impermeant' }), g);
    ctx.add(new NumberField({ key: 'concentration', label: 'Impermeant concentration', unit: 'mM', min: 1, max: 400, step: 1, def: 120, apiField: 'inside-impermeant' }), g);
    const p = ctx.group('Permeant ions');
    for (const ion of PERMEANT) ctx.add(new CheckField({ key: `permeant.${ion}`, label: `${ionLabel(ion, ion === 'Cl' ? -1 : 1)} crosses the membrane`, def: ion !== 'Na', apiField: 'permeant' }), p);
    p.append(h('p', { class: 'hint', text: 'An impermeant bath ion (Na⁺ when unchecked) balances the impermeant charge inside: the double Donnan of real cells.' }));
    const c = ctx.group('Compartment');
    ctx.add(new SelectField({ key: 'compartment', label: 'Compartment', options: [['rigid', 'rigid (fixed volume)'], ['osmotic', 'osmotic (volume follows water)'], ['walled', 'walled (cell wall, turgor)']], def: 'rigid' }), c,
      { onChange: (f) => { for (const k of ['wall-relative-volume', 'wall-modulus-MPa']) ctx.fields.get(k).element.hidden = f.value !== 'walled'; } });
    const w1 = ctx.add(new NumberField({ key: 'wall-relative-volume', label: 'Wall: largest free volume', unit: '× ref.', min: 0.5, max: 3, step: 0.05, def: 1.1 }), c);
    const w2 = ctx.add(new NumberField({ key: 'wall-modulus-MPa', label: 'Wall elastic modulus', unit: 'MPa', min: 0.1, max: 50, log: true, def: null, optional: true, placeholder: 'rigid' }), c);
    w1.element.hidden = w2.element.hidden = true;
    ctx.add(new SelectField({ key: 'activity-model', label: 'Activity model', options: ACTIVITY_MODELS, def: 'ideal' }), c);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 37 }), c);
  },

  restore(ctx, params) {
    const walled = (params.compartment || ctx.value('compartment')) === 'walled';
    for (const k of ['wall-relative-volume', 'wall-modulus-MPa']) ctx.fields.get(k).element.hidden = !walled;
  },

  async compute(ctx, signal) {
    const body = {
      outside: ctx.value('outside'),
      'inside-impermeant': `charge=${ctx.value('charge')},concentration=${ctx.value('concentration')}`,
      permeant: PERMEANT.filter((i) => ctx.value(`permeant.${i}`)).join(','),
      ...ctx.collect(['compartment', 'wall-relative-volume', 'wall-modulus-MPa', 'temperature']),
    };
    if (ctx.value('activity-model') !== 'ideal') body['activity-model'] = ctx.value('activity-model');
    return ctx.post('donnan', body, signal);
  },

  render(ctx, r) {
    const names = Object.keys(r.inside);
    const z = (n) => (n === 'Cl' ? -1 : 1);
    const head = h('div', { class: 'headline' },
      h('div', { class: 'big-number' },
        h('span', { class: 'big-label', text: 'Donnan potential V_D' }),
        h('output', { class: 'big-value', text: mV(r.potential_mV) }),
        h('span', { class: 'big-sub', text: `r = ${num(r.donnan_ratio, 4)} · ${r.compartment} · ${num(r.temperature_C)} °C` })),
      stats([
        ['Osmolarity inside', `${num(r.osmolarity_inside_mOsm, 4)} mOsm`, `outside ${num(r.osmolarity_outside_mOsm, 4)}`],
        ['Osmotic pressure difference', `${num(r.osmotic_pressure_difference_kPa, 4)} kPa`, r.osmotic_pressure_difference_kPa > 0 ? 'water enters: the cell would swell' : 'water leaves'],
        ['Volume', `${num(r.volume_relative, 4)} × reference`, r.compartment],
        r.turgor_MPa !== null ? ['Turgor', `${num(r.turgor_MPa, 3)} MPa`, 'wall pressure'] : null,
      ]));
    const table = dataTable(['Ion', 'inside', 'outside', 'in/out'],
      names.map((n) => [ionLabel(n, z(n)), conc(r.inside[n]), conc(r.outside[n] ?? NaN), num(r.inside[n] / r.outside[n], 4)]),
      `Permeant ions at equilibrium (c_in/c_out = r^z)`);
    const product = r.product_rule?.length ? dataTable(['Pair', 'inside', 'outside', 'relative deviation'],
      r.product_rule.map((p) => [p.pair, num(p.inside, 6), num(p.outside, 6), num(p.relative_deviation, 2)]), 'Donnan product rule: [K]ᵢ[Cl]ᵢ = [K]ₒ[Cl]ₒ') : null;
    const fig = {
      version: 1,
      panels: [{
        title: '',
        x: { label: 'ion', categories: names.map((n) => ionLabel(n, z(n))) },
        y: { label: 'concentration', unit: 'mM', log: true },
        series: [
          { name: 'inside', x: names.map((_, k) => k), y: names.map((n) => r.inside[n]), style: 'bars', colors: names.map((n, k) => ionColor(n, k)), color: '#1f5fa8' },
          { name: 'outside', x: names.map((_, k) => k), y: names.map((n) => r.outside[n]), style: 'bars', color: '#9aa5b1' },
        ],
      }],
    };
    const rtf = thermalVoltage(r.temperature_K);
    return {
      main: [head, table, product, r.note ? h('p', { class: 'hint', text: r.note }) : null, warnings(r.warnings)],
      figures: [{ key: 'donnan', title: 'Concentrations inside and outside (log scale)', spec: fig, height: 280 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: 'Every permeant ion at its Nernst potential (Donnan 1911), the inside electroneutral' }),
        M.math(M.i('r'), M.o('='), M.frac(M.c('K', 'i'), M.c('K', 'o')), M.o('='), M.frac(M.c('Cl', 'o'), M.c('Cl', 'i')), M.o('='), M.sup('e', M.row(M.o('−'), M.i('F'), M.sub('V', 'D'), M.o('/'), M.i('R'), M.i('T'))), M.o('='), M.n(num(r.donnan_ratio, 5))),
        M.math(M.sub('V', 'D'), M.o('='), M.o('−'), M.frac(M.row(M.i('R'), M.i('T')), M.i('F')), M.ln(), M.i('r'), M.o('='), M.o('−'), M.q(rtf, 'mV'), M.o('×'), M.ln(), M.n(num(r.donnan_ratio, 5)), M.o('='), M.q(fixed(r.potential_mV, 2), 'mV')),
        M.math(M.o('∑'), M.sub('z', 'i'), M.sub('c', 'i,in'), M.o('+'), M.sub('z', 'X'), M.sub('c', 'X'), M.o('='), M.n('0'))),
      methods: `The Gibbs–Donnan equilibrium was computed for a ${r.compartment} compartment with ${num(ctx.value('concentration'))} mM impermeant solute of mean charge ${num(ctx.value('charge'))} inside and a bath of ${ctx.value('outside')} mM `
        + `(permeant: ${names.join(', ')}) at ${num(r.temperature_C)} °C: V_D = ${fixed(r.potential_mV, 1)} mV, Donnan ratio ${num(r.donnan_ratio, 4)}, osmotic imbalance ${num(r.osmolarity_inside_mOsm - r.osmolarity_outside_mOsm, 4)} mOsm (${r.osmotic_model}). Calculations with Membrane.`,
      reportLines: [`V_D = ${mV(r.potential_mV)}`, `Donnan ratio ${num(r.donnan_ratio, 5)}`, ...names.map((n) => `${n}: ${num(r.inside[n])} mM inside, ${num(r.outside[n])} mM outside`), `osmotic pressure difference ${num(r.osmotic_pressure_difference_kPa, 4)} kPa`],
      csv: { columns: ['ion', 'inside_mM', 'outside_mM'], rows: names.map((n) => [n, r.inside[n], r.outside[n] ?? '']) },
      notes: [r.donnan_ratio_definition, r.osmotic_model],
    };
  },
};
