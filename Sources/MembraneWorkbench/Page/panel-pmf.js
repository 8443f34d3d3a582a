// The proton-motive force Δp = Δψ − (ln10·RT/F)·ΔpH of mitochondria, chloroplasts and bacteria, ΔG per H⁺
// entering and the least number of H⁺ per ATP. Request: /api/pmf (a preset's values come from the same API).

import { post } from './api.js';
import { h, num, fixed, signed, mV, SelectField, NumberField, stats, M } from './ui.js';

const PRESETS = [['', 'none (values below)'], ['mitochondrion-state-4', 'mitochondrion, state 4'], ['mitochondrion-state-3', 'mitochondrion, state 3'], ['chloroplast-thylakoid', 'chloroplast thylakoid']];
const KEYS = ['delta-psi-mV', 'ph-inside', 'ph-outside', 'temperature'];

export default {
  id: 'pmf',
  title: 'Proton-motive force',
  group: 'Applications',
  summary: 'Δp from the membrane potential and the pH difference: what drives ATP synthesis in mitochondria and chloroplasts.',

  setup(ctx) {
    const g = ctx.group('Gradient');
    ctx.add(new SelectField({ key: 'preset', label: 'Published gradient', options: PRESETS, def: '' }), g, { onChange: (f) => this.loadPreset(ctx, f.value) });
    ctx.add(new NumberField({ key: 'delta-psi-mV', label: 'Δψ = ψ_in − ψ_out', unit: 'mV', min: -250, max: 100, step: 1, def: -150 }), g);
    ctx.add(new NumberField({ key: 'ph-inside', label: 'pH inside (N-side)', unit: '', min: 4, max: 10, step: 0.05, def: 7.8 }), g);
    ctx.add(new NumberField({ key: 'ph-outside', label: 'pH outside (P-side)', unit: '', min: 4, max: 10, step: 0.05, def: 7.0 }), g);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 37 }), g);
    const e = ctx.group('ATP');
    ctx.add(new NumberField({ key: 'delta-g-atp-kJ-per-mol', label: 'ΔG of ATP hydrolysis', unit: 'kJ/mol', min: -70, max: -30, step: 0.5, def: -50 }), e);
    this.hint = h('p', { class: 'hint' });
    g.append(this.hint);
  },

  /** The preset's own values become the defaults (changed-from-default then means changed from the paper). */
  async loadPreset(ctx, name) {
    const defaults = { 'delta-psi-mV': -150, 'ph-inside': 7.8, 'ph-outside': 7.0, temperature: 37 };
    this.hint.textContent = '';
    if (name) {
      const r = await post('pmf', { preset: name });
      Object.assign(defaults, { 'delta-psi-mV': r.delta_psi_mV, 'ph-inside': r.ph_inside, 'ph-outside': r.ph_outside, temperature: r.temperature_C });
      this.hint.textContent = `${r.description ?? ''} ${r.source ? `— ${r.source}` : ''}`;
    }
    const restoring = ctx.restoring;
    ctx.restoring = true;
    // Values at the old defaults follow the preset; values the user (or a link) changed stay.
    for (const k of KEYS) { const f = ctx.fields.get(k); f.setDefault(defaults[k], f.isDefault()); }
    ctx.restoring = restoring;
    ctx.changed();
  },

  restore(ctx, params) {
    if ('preset' in params) this.loadPreset(ctx, params.preset);
  },

  async compute(ctx, signal) {
    const body = ctx.collect(['preset']);
    Object.assign(body, ctx.collect([...KEYS, 'delta-g-atp-kJ-per-mol'], { changedOnly: !!body.preset }));
    return ctx.post('pmf', body, signal);
  },

  render(ctx, r) {
    const fig = {
      version: 1,
      panels: [{
        title: '', x: { label: 'component', categories: ['Δψ', '−(ln10·RT/F)·ΔpH', 'Δp'] }, y: { label: 'potential', unit: 'mV' },
        series: [{ name: 'mV', x: [0, 1, 2], y: [r.delta_psi_mV, r.ph_term_mV, r.pmf_mV], style: 'bars', colors: ['#1f5fa8', '#c2367f', '#111827'] }],
      }],
    };
    return {
      main: [
        h('div', { class: 'headline' },
          h('div', { class: 'big-number' },
            h('span', { class: 'big-label', text: 'Proton-motive force Δp' }),
            h('output', { class: 'big-value', text: mV(r.pmf_mV, 1) }),
            h('span', { class: 'big-sub', text: `${fixed(100 * r.ph_share, 0)} % from ΔpH · ${num(r.temperature_C)} °C` })),
          stats([
            ['ΔG per H⁺ entering', `${signed(r.delta_g_kJ_per_mol, 2)} kJ/mol`, r.delta_g_direction],
            ['Least H⁺ per ATP', num(r.min_protons_per_atp, 3), `|ΔG_ATP| = ${num(-r.delta_g_atp_kJ_per_mol)} kJ/mol`],
            ['ΔpH = pH_in − pH_out', num(r.delta_ph, 3), `${num(r.nernst_slope_mV_per_pH, 4)} mV per pH unit`],
          ])),
        h('p', { class: 'hint', text: r.convention }),
      ],
      figures: [{ key: 'pmf', title: 'The two components of Δp', spec: fig, height: 260 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: 'Mitchell’s proton-motive force' }),
        M.math(M.i('Δp'), M.o('='), M.i('Δψ'), M.o('−'), M.frac(M.row(M.n('ln 10'), M.o('·'), M.i('R'), M.i('T')), M.i('F')), M.i('ΔpH'),
          M.o('='), M.q(fixed(r.delta_psi_mV, 1), 'mV'), M.o('−'), M.q(num(r.nernst_slope_mV_per_pH, 4), 'mV'), M.o('×'), M.n(num(r.delta_ph, 3)), M.o('='), M.q(fixed(r.pmf_mV, 1), 'mV')),
        M.math(M.i('ΔG'), M.o('='), M.i('F'), M.o('·'), M.i('Δp'), M.o('='), M.q(signed(r.delta_g_kJ_per_mol, 2), 'kJ/mol'))),
      methods: `The proton-motive force was computed as Δp = Δψ − (ln10·RT/F)·ΔpH (Mitchell 1966) at ${num(r.temperature_C)} °C with Δψ = ${fixed(r.delta_psi_mV, 0)} mV and pH ${num(r.ph_inside)} inside, ${num(r.ph_outside)} outside: Δp = ${fixed(r.pmf_mV, 1)} mV (ΔG = ${signed(r.delta_g_kJ_per_mol, 1)} kJ/mol per H⁺ entering; at least ${num(r.min_protons_per_atp, 3)} H⁺ per ATP for ΔG_ATP = ${num(r.delta_g_atp_kJ_per_mol)} kJ/mol). Calculations with Membrane.`,
      reportLines: [`Δp = ${mV(r.pmf_mV)}`, `ΔG = ${signed(r.delta_g_kJ_per_mol, 3)} kJ/mol`, `least H⁺/ATP ${num(r.min_protons_per_atp, 4)}`],
      notes: [r.delta_g_atp_source],
    };
  },
};
