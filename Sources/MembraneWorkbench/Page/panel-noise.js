// Membrane noise: Johnson–Nyquist 4kTG and kT/C, the shot noise of a GHK channel population against the
// thermal noise of its slope conductance, and binomial gating noise with its Lorentzian spectrum.
// Request: /api/noise.

import { h, num, CheckField, NumberField, SelectField, stats, warnings, M } from './ui.js';

export default {
  id: 'noise',
  title: 'Membrane noise',
  group: 'Applications',
  summary: 'Thermal (4kTG, kT/C), shot and channel gating noise of a membrane, as spectra and RMS values in the recording bandwidth.',

  examples: [
    ['Small cell in whole-cell (1 nS, 10 pF)', {}],
    ['Large neuron (10 nS, 100 pF)', { 'conductance-nS': 10, 'capacitance-pF': 100 }],
    ['Shot noise at the K⁺ reversal potential (equals 4kT·G)', { vm: -89.06 }],
    ['Few channels, high open probability', { channels: 20, 'open-probability': 0.5, 'unitary-current-pA': 2 }],
  ],

  setup(ctx) {
    const t = ctx.group('Thermal noise');
    ctx.add(new NumberField({ key: 'conductance-nS', label: 'Membrane conductance G', unit: 'nS', min: 0.01, max: 100, log: true, def: 1 }), t);
    ctx.add(new NumberField({ key: 'bandwidth-Hz', label: 'Recording bandwidth', unit: 'Hz', min: 10, max: 100000, log: true, def: 1000 }), t);
    ctx.add(new NumberField({ key: 'capacitance-pF', label: 'Membrane capacitance C', unit: 'pF', min: 0.1, max: 1000, log: true, def: 10, optional: true, placeholder: 'none' }), t);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 37 }), t);
    const s = ctx.group('Shot noise of a GHK channel population');
    const shotKeys = ['ion', 'inside', 'outside', 'permeability', 'area-um2', 'vm'];
    const gateKeys = ['channels', 'open-probability', 'unitary-current-pA', 'channel-tau-ms'];
    const toggle = (keys, on) => keys.forEach((k) => { ctx.fields.get(k).element.hidden = !on; });
    ctx.add(new CheckField({ key: 'shot', label: 'Include a GHK population', def: true }), s, { onChange: (f) => toggle(shotKeys, f.value) });
    ctx.add(new SelectField({ key: 'ion', label: 'Ion', options: [['K', 'K⁺'], ['Na', 'Na⁺'], ['Cl', 'Cl⁻'], ['Ca', 'Ca²⁺']], def: 'K' }), s);
    ctx.add(new NumberField({ key: 'inside', label: 'Inside', unit: 'mM', min: 1e-5, max: 1000, log: true, def: 140 }), s);
    ctx.add(new NumberField({ key: 'outside', label: 'Outside', unit: 'mM', min: 1e-5, max: 1000, log: true, def: 5 }), s);
    ctx.add(new NumberField({ key: 'permeability', label: 'Permeability', unit: 'cm/s', min: 1e-9, max: 1e-4, log: true, def: 1e-6 }), s);
    ctx.add(new NumberField({ key: 'area-um2', label: 'Membrane area', unit: 'µm²', min: 1, max: 10000, log: true, def: 100 }), s);
    ctx.add(new NumberField({ key: 'vm', label: 'V_m', unit: 'mV', min: -150, max: 80, step: 1, def: -50 }), s);
    const g = ctx.group('Channel gating noise');
    ctx.add(new CheckField({ key: 'gating', label: 'Include binomial gating noise', def: true }), g, { onChange: (f) => toggle(gateKeys, f.value) });
    ctx.add(new NumberField({ key: 'channels', label: 'Channels N', unit: '', min: 1, max: 100000, log: true, def: 1000 }), g);
    ctx.add(new NumberField({ key: 'open-probability', label: 'Open probability p', unit: '', min: 0.001, max: 0.999, step: 0.001, def: 0.1 }), g);
    ctx.add(new NumberField({ key: 'unitary-current-pA', label: 'Unitary current i', unit: 'pA', min: 0.01, max: 20, log: true, def: 1 }), g);
    ctx.add(new NumberField({ key: 'channel-tau-ms', label: 'Gating time constant τ', unit: 'ms', min: 0.01, max: 1000, log: true, def: 5 }), g);
    this.toggle = toggle;
    this.keys = { shotKeys, gateKeys };
  },

  restore(ctx, params) {
    this.toggle(this.keys.shotKeys, (params.shot ?? String(ctx.value('shot'))) !== 'false');
    this.toggle(this.keys.gateKeys, (params.gating ?? String(ctx.value('gating'))) !== 'false');
  },

  async compute(ctx, signal) {
    const keys = ['conductance-nS', 'bandwidth-Hz', 'capacitance-pF', 'temperature'];
    if (ctx.value('shot')) keys.push(...this.keys.shotKeys);
    if (ctx.value('gating')) keys.push(...this.keys.gateKeys);
    const body = ctx.collect(keys);
    if (body.channels) body.channels = Math.round(body.channels);
    return ctx.post('noise', body, signal);
  },

  render(ctx, r) {
    const B = r.bandwidth_Hz;
    const f = Array.from({ length: 121 }, (_, k) => 10 ** (0 + 5 * k / 120));
    const series = [{ name: '4kTG (thermal)', x: f, y: f.map(() => r.current_psd_A2_per_Hz), color: '#1f5fa8' }];
    if (r.shot_psd_A2_per_Hz !== undefined) series.push({ name: 'GHK shot noise', x: f, y: f.map(() => r.shot_psd_A2_per_Hz), color: '#c8402f', dash: true });
    if (r.channel_psd_at_zero_A2_per_Hz !== undefined) {
      const fc = r.channel_corner_frequency_Hz;
      series.push({ name: 'gating (Lorentzian)', x: f, y: f.map((x) => r.channel_psd_at_zero_A2_per_Hz / (1 + (x / fc) ** 2)), color: '#2b8a3e' });
    }
    const fig = {
      version: 1,
      panels: [{ title: '', x: { label: 'frequency', unit: 'Hz', log: true }, y: { label: 'current noise PSD', unit: 'A²/Hz', log: true }, series,
        markers: [{ axis: 'x', value: B, label: 'bandwidth', color: '#111827' }] }],
    };
    return {
      main: [
        stats([
          ['Thermal current noise', `${num(r.current_rms_pA, 4)} pA rms`, `4kTG = ${num(r.current_psd_A2_per_Hz, 4)} A²/Hz over ${num(B)} Hz`],
          r.voltage_rms_uV !== undefined ? ['kT/C voltage noise', `${num(r.voltage_rms_uV, 4)} µV rms`, `${num(r.voltage_rms_in_band_uV, 4)} µV in the band; corner ${num(r.corner_frequency_Hz, 4)} Hz`] : null,
          r.shot_psd_A2_per_Hz !== undefined ? ['GHK shot noise', `${num(r.shot_rms_pA, 4)} pA rms`, `shot/thermal = ${num(r.shot_to_thermal_ratio, 4)} at ${num(r.vm_mV)} mV`] : null,
          r.shot_psd_A2_per_Hz !== undefined ? ['Slope conductance', `${num(r.slope_conductance_pS, 4)} pS`, `mean current ${num(r.current_pA, 4)} pA; E_rev ${num(r.reversal_potential_mV, 4)} mV`] : null,
          r.binomial_rms_pA !== undefined ? ['Gating noise', `${num(r.binomial_rms_pA, 4)} pA rms`, `${num(r.binomial_rms_in_band_pA, 4)} pA in the band; mean ${num(r.mean_current_pA, 4)} pA`] : null,
        ]),
        h('p', { class: 'hint', text: r.spectral_densities }),
        warnings(r.warnings),
      ],
      figures: [{ key: 'psd', title: 'Current noise spectra (one-sided)', spec: fig, height: 300 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: r.thermal_equation }),
        M.math(M.sub('S', 'I'), M.o('='), M.n('4'), M.sub('k', 'B'), M.i('T'), M.i('G'), M.o('='), M.q(num(r.current_psd_A2_per_Hz, 4), 'A²/Hz'), M.o(','), M.sub('I', 'rms'), M.o('='), M.q(num(r.current_rms_pA, 4), 'pA')),
        r.shot_equation ? h('p', { class: 'eq-title', text: r.shot_equation }) : null,
        r.binomial_equation ? h('p', { class: 'eq-title', text: r.binomial_equation }) : null),
      methods: `Noise was computed at ${num(r.temperature_C)} °C: Johnson–Nyquist current noise 4kTG of G = ${num(r.conductance_nS)} nS (${num(r.current_rms_pA, 3)} pA rms in ${num(B)} Hz)`
        + `${r.voltage_rms_uV !== undefined ? `, kT/C voltage noise of ${num(r.capacitance_pF)} pF (${num(r.voltage_rms_uV, 3)} µV rms)` : ''}`
        + `${r.shot_psd_A2_per_Hz !== undefined ? `, GHK shot noise of ${r.ion} at ${num(r.vm_mV)} mV (${num(r.shot_to_thermal_ratio, 3)} × the thermal noise of the slope conductance)` : ''}`
        + `${r.binomial_rms_pA !== undefined ? `, and binomial gating noise of ${num(r.channel_count)} channels (p = ${num(r.open_probability)}, i = ${num(r.unitary_current_pA)} pA; ${num(r.binomial_rms_pA, 3)} pA rms)` : ''}. Calculations with Membrane.`,
      reportLines: [`thermal ${num(r.current_rms_pA, 4)} pA rms`, r.voltage_rms_uV !== undefined ? `kT/C ${num(r.voltage_rms_uV, 4)} µV rms` : null].filter(Boolean),
    };
  },
};
