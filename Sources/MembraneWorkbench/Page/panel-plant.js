// Plant and fungal cells run on H⁺: E_H, Δp = V_m − E_H, the H⁺-ATPase's limit, how far K⁺ can be
// accumulated by a channel or a K⁺/H⁺ symporter, and the wall's turgor; and the pump–leak steady state (V_m, K⁺ and
// Cl⁻ in the cytosol, the pump's current and ATP use) from the H⁺-ATPase, the K⁺/H⁺ symporter and the leaks.
// Request: /api/plant.

import { post } from './api.js';
import { h, num, fixed, signed, mV, conc, SelectField, NumberField, stats, dataTable, M } from './ui.js';

const KEYS = ['vm', 'ph-inside', 'ph-outside', 'k-inside', 'k-outside', 'protons-per-k', 'temperature'];
const STEADY = ['pump-max-uA-per-cm2', 'p-h-cm-per-s', 'p-k-cm-per-s', 'symport-max-pmol-per-cm2-s', 'cl-symport-max-pmol-per-cm2-s'];
const BASE = { vm: -150, 'ph-inside': 7.3, 'ph-outside': 5.5, 'k-inside': 80, 'k-outside': 0.1, 'protons-per-k': 1, temperature: 25 };

export default {
  id: 'plant',
  title: 'Plant cell',
  group: 'Applications',
  summary: 'H⁺-driven transport: the proton-motive force across the plasma membrane, the H⁺-ATPase’s stall potential, K⁺ uptake by channels and symporters, and turgor.',

  setup(ctx) {
    const g = ctx.group('Cell');
    ctx.add(new SelectField({ key: 'preset', label: 'Preset', options: [['arabidopsis-root', 'Arabidopsis root cell'], ['', 'none (values below)']], def: 'arabidopsis-root' }), g,
      { onChange: (f) => this.loadPreset(ctx, f.value) });
    this.hint = h('p', { class: 'hint' });
    g.append(this.hint);
    ctx.add(new NumberField({ key: 'vm', label: 'V_m', unit: 'mV', min: -250, max: 0, step: 1, def: BASE.vm }), g);
    ctx.add(new NumberField({ key: 'ph-inside', label: 'Cytosolic pH', unit: '', min: 5, max: 9, step: 0.05, def: BASE['ph-inside'] }), g);
    ctx.add(new NumberField({ key: 'ph-outside', label: 'Apoplastic pH', unit: '', min: 3, max: 9, step: 0.05, def: BASE['ph-outside'] }), g);
    ctx.add(new NumberField({ key: 'k-inside', label: 'Cytosolic K⁺', unit: 'mM', min: 1, max: 500, log: true, def: BASE['k-inside'] }), g);
    ctx.add(new NumberField({ key: 'k-outside', label: 'Apoplastic K⁺', unit: 'mM', min: 1e-4, max: 100, log: true, def: BASE['k-outside'] }), g);
    ctx.add(new NumberField({ key: 'protons-per-k', label: 'H⁺ per K⁺ (symporter)', unit: '', min: 1, max: 3, step: 1, def: BASE['protons-per-k'] }), g);
    ctx.add(new NumberField({ key: 'delta-g-atp-kJ-per-mol', label: 'ΔG of ATP hydrolysis', unit: 'kJ/mol', min: -70, max: -30, step: 0.5, def: -50 }), g);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: BASE.temperature }), g);
    const t = ctx.group('Steady state: transporters');
    ctx.add(new NumberField({ key: 'pump-max-uA-per-cm2', label: 'H⁺-ATPase saturating current', unit: 'µA/cm²', min: 0, max: 20, step: 0.1, def: 1 }), t);
    ctx.add(new NumberField({ key: 'p-h-cm-per-s', label: 'H⁺ leak permeability', unit: 'cm/s', min: 1e-7, max: 1e-2, log: true, def: 1e-4 }), t);
    ctx.add(new NumberField({ key: 'p-k-cm-per-s', label: 'K⁺ leak permeability', unit: 'cm/s', min: 1e-9, max: 1e-4, log: true, def: 1e-6 }), t);
    ctx.add(new NumberField({ key: 'symport-max-pmol-per-cm2-s', label: 'K⁺/H⁺ symport J_max', unit: 'pmol/cm²/s', min: 0, max: 50, step: 0.1, def: 1 }), t);
    ctx.add(new NumberField({ key: 'cl-symport-max-pmol-per-cm2-s', label: 'Cl⁻/2 H⁺ symport J_max', unit: 'pmol/cm²/s', min: 0, max: 10, step: 0.05, def: null, optional: true, placeholder: 'none' }), t);
    this.loadPreset(ctx, 'arabidopsis-root', false);
  },

  async loadPreset(ctx, name, recompute = true) {
    const defaults = { ...BASE };
    this.hint.textContent = '';
    if (name) {
      const r = await post('plant', { preset: name });
      Object.assign(defaults, { vm: r.vm_mV, 'ph-inside': r.ph_inside, 'ph-outside': r.ph_outside, 'k-inside': r.potassium.inside_mM,
        'k-outside': r.potassium.outside_mM, 'protons-per-k': r.potassium.protons_per_potassium, temperature: r.temperature_C });
      this.hint.textContent = r.description || '';
    }
    const restoring = ctx.restoring;
    ctx.restoring = true;
    for (const k of KEYS) { const f = ctx.fields.get(k); f.setDefault(defaults[k], f.isDefault()); }
    ctx.restoring = restoring;
    if (recompute) ctx.changed();
  },

  restore(ctx, params) {
    if ('preset' in params) this.loadPreset(ctx, params.preset);
  },

  async compute(ctx, signal) {
    const body = ctx.collect(['preset']);
    Object.assign(body, ctx.collect([...KEYS, 'delta-g-atp-kJ-per-mol', ...STEADY], { changedOnly: !!body.preset }));
    return ctx.post('plant', body, signal);
  },

  render(ctx, r) {
    const k = r.potassium, a = r.h_atpase;
    const ss = (r.steady_state && typeof r.steady_state === 'object') ? r.steady_state : null;
    const fig = {
      version: 1,
      panels: [{
        title: '', x: { label: 'mechanism', categories: ['present ratio', 'K⁺ channel (uniport)', `K⁺/${k.protons_per_potassium} H⁺ symport`] },
        y: { label: 'log₁₀ ([K⁺]ᵢ / [K⁺]ₒ)', unit: '' },
        series: [{ name: 'log₁₀ ratio', x: [0, 1, 2], y: [Math.log10(k.inside_mM / k.outside_mM), k.log10_uniporter_max_ratio, k.log10_symporter_max_ratio], style: 'bars', colors: ['#6f42c1', '#1f5fa8', '#2b8a3e'] }],
      }],
    };
    return {
      main: [
        h('div', { class: 'headline' },
          h('div', { class: 'big-number' },
            h('span', { class: 'big-label', text: 'Δp across the plasma membrane' }),
            h('output', { class: 'big-value', text: mV(r.pmf_mV, 1) }),
            h('span', { class: 'big-sub', text: `V_m ${mV(r.vm_mV, 0)} − E_H ${mV(r.proton_potential_mV, 1)} · ${num(r.temperature_C)} °C` })),
          stats([
            ['ΔG per H⁺ entering', `${signed(r.delta_g_kJ_per_mol, 2)} kJ/mol`, null],
            ['H⁺-ATPase stall potential', mV(a.stall_potential_mV, 0), a.beyond_stall ? 'beyond stall: the pump cannot run' : `efficiency ${fixed(100 * a.efficiency, 0)} %`],
            ['E_K', mV(k.reversal_potential_mV, 1), `K⁺ ${conc(k.inside_mM)} in / ${conc(k.outside_mM)} out`],
            r.turgor_MPa !== null && r.turgor_MPa !== undefined ? ['Turgor', `${num(r.turgor_MPa, 3)} MPa`, r.wall?.note || null] : null,
          ])),
        dataTable(['K⁺ uptake by', 'largest [K⁺]ᵢ/[K⁺]ₒ', 'least [K⁺]ₒ for uptake'], [
          ['a channel (uniport)', num(k.uniporter_max_ratio, 4), conc(k.min_outside_uniporter_mM)],
          [`symport with ${k.protons_per_potassium} H⁺`, num(k.symporter_max_ratio, 4), conc(k.min_outside_symporter_mM)],
        ], 'How far K⁺ can be accumulated at this V_m and pH'),
        ss ? dataTable(['quantity', 'value'], [
          ['V_m', mV(ss.vm_mV, 1)],
          ['E_H · E_K · E_Cl', `${mV(ss.proton_potential_mV, 1)} · ${mV(ss.potassium_potential_mV, 1)} · ${ss.chloride_potential_mV === null ? '—' : mV(ss.chloride_potential_mV, 1)}`],
          ['pump stall potential', mV(ss.stall_potential_mV, 1)],
          ['cytosolic K⁺ · Cl⁻', `${conc(ss.inside_mM.K)} · ${conc(ss.inside_mM.Cl)}`],
          ['[K⁺]ᵢ/[K⁺]ₒ (channel bound · symporter bound)', `${num(ss.potassium_ratio, 4)} (10^${fixed(ss.log10_uniporter_max_ratio, 2)} · 10^${fixed(ss.log10_symporter_max_ratio, 2)})`],
          ['H⁺-ATPase current · ATP use', `${num(ss.pump_current_uA_per_cm2, 4)} µA/cm² · ${num(ss.atp_use_pmol_per_cm2_s, 4)} pmol/cm²/s`],
          ['H⁺ leak · symport current', `${num(ss.leak_current_uA_per_cm2.H, 4)} · ${num(ss.symport_current_uA_per_cm2, 4)} µA/cm²`],
          ['K⁺ influx by symport', `${num(ss.symport_influx_pmol_per_cm2_s, 4)} pmol/cm²/s`],
          ss.log10_chloride_symporter_max_ratio === null ? null : ['Cl⁻ influx by Cl⁻/2 H⁺ symport', `${num(ss.chloride_symport_influx_pmol_per_cm2_s, 4)} pmol/cm²/s`],
          ['impermeant charge (electroneutrality)', `${fixed(ss.impermeant_charge_mM, 2)} mM`],
          ['turgor', ss.turgor_MPa === null ? '—' : `${num(ss.turgor_MPa, 3)} MPa (volume ${num(ss.volume_relative, 4)})`],
        ].filter(Boolean), 'Pump–leak steady state: net current and net K⁺, Cl⁻ flux zero, cytosolic pH clamped') : null,
        h('p', { class: 'hint', text: `Conventions: ${r.convention}.` + (ss ? '' : ` Steady state ${r.steady_state}.`) }),
      ],
      figures: [{ key: 'k', title: 'K⁺ accumulation: what each mechanism allows', spec: fig, height: 260 }],
      equation: h('div', { class: 'equations' },
        M.math(M.sub('E', 'H'), M.o('='), M.frac(M.row(M.n('ln 10'), M.o('·'), M.i('R'), M.i('T')), M.i('F')), M.paren(M.sub('pH', 'in'), M.o('−'), M.sub('pH', 'out')), M.o('='), M.q(fixed(r.proton_potential_mV, 1), 'mV')),
        M.math(M.i('Δp'), M.o('='), M.sub('V', 'm'), M.o('−'), M.sub('E', 'H'), M.o('='), M.q(fixed(r.vm_mV, 1), 'mV'), M.o('−'), M.q(fixed(r.proton_potential_mV, 1), 'mV'), M.o('='), M.q(fixed(r.pmf_mV, 1), 'mV')),
        h('p', { class: 'eq-title', text: a.equation }),
        h('p', { class: 'eq-title', text: k.uniporter_equation }),
        h('p', { class: 'eq-title', text: k.symporter_equation })),
      methods: `H⁺-coupled transport of the plant cell was evaluated at V_m = ${fixed(r.vm_mV, 0)} mV, cytosolic pH ${num(r.ph_inside)} and apoplastic pH ${num(r.ph_outside)} (${num(r.temperature_C)} °C): Δp = ${fixed(r.pmf_mV, 1)} mV; `
        + `a ${k.protons_per_potassium} H⁺ : 1 K⁺ symporter can accumulate K⁺ up to ${num(k.symporter_max_ratio, 3)}-fold, a channel ${num(k.uniporter_max_ratio, 3)}-fold. Calculations with Membrane.`,
      reportLines: [`Δp = ${mV(r.pmf_mV)}`, `E_H = ${mV(r.proton_potential_mV)}`, `stall potential ${mV(a.stall_potential_mV)}`]
        .concat(ss ? [`steady-state V_m ${mV(ss.vm_mV, 1)}`, `steady-state K⁺ ${conc(ss.inside_mM.K)}`] : []),
      notes: (r.sources || []).concat(ss ? ss.sources : []),
    };
  },
};
