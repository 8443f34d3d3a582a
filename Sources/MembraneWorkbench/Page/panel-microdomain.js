// Ca²⁺ microdomains: free Ca²⁺ and the local E_Ca near open channels, c(r) = c∞ + i/(2π·z·F·D·r), with mobile
// buffers (excess-buffer or rapid-buffer approximation) and channel clusters. Request: /api/microdomain.

import { h, num, fixed, mV, conc, SelectField, NumberField, dataTable, stats, warnings, M } from './ui.js';

export default {
  id: 'microdomain',
  title: 'Ca²⁺ microdomain',
  group: 'Applications',
  summary: 'Free Ca²⁺ nanometres from an open channel: how far the local E_Ca falls below the bulk value, and what EGTA or BAPTA do to it.',

  examples: [
    ['One channel, no buffer', {}],
    ['One channel with 10 mM EGTA (slow: little effect at 10 nm)', { 'buffer-name': 'EGTA', 'buffer-mM': 10 }],
    ['One channel with 1 mM BAPTA (fast)', { 'buffer-name': 'BAPTA', 'buffer-mM': 1 }],
    ['Cluster of 9 channels, 30 nm apart', { channels: 9, 'spacing-nm': 30 }],
    ['Nanodomain coupling: 20 nm, 0.3 pA', { 'distance-nm': 20, 'current-pA': 0.3 }],
  ],

  setup(ctx) {
    const ch = ctx.group('Channel');
    ctx.add(new NumberField({ key: 'current-pA', label: 'Single-channel current', unit: 'pA', min: 0.01, max: 5, log: true, def: 0.5 }), ch);
    ctx.add(new NumberField({ key: 'distance-nm', label: 'Distance from the pore', unit: 'nm', min: 1, max: 1000, log: true, def: 10 }), ch);
    ctx.add(new NumberField({ key: 'channels', label: 'Channels in a square cluster', unit: '', min: 1, max: 100, step: 1, def: 1 }), ch);
    ctx.add(new NumberField({ key: 'spacing-nm', label: 'Channel spacing', unit: 'nm', min: 5, max: 200, log: true, def: 20 }), ch);
    const s = ctx.group('Calcium and buffer');
    ctx.add(new NumberField({ key: 'inside', label: 'Bulk cytosolic Ca²⁺', unit: 'mM', min: 1e-6, max: 1e-2, log: true, def: 1e-4, hint: '1e-4 mM = 100 nM' }), s);
    ctx.add(new NumberField({ key: 'outside', label: 'Extracellular Ca²⁺', unit: 'mM', min: 0.1, max: 20, log: true, def: 2 }), s);
    ctx.add(new NumberField({ key: 'diffusion-um2-per-s', label: 'D of free Ca²⁺', unit: 'µm²/s', min: 10, max: 1000, log: true, def: 220 }), s);
    ctx.add(new SelectField({ key: 'buffer-name', label: 'Mobile buffer', options: [['', 'none'], ['EGTA', 'EGTA (slow)'], ['BAPTA', 'BAPTA (fast)'], ['calbindin', 'calbindin-D28k']], def: '', apiField: 'buffer' }), s,
      { onChange: (f) => { ctx.fields.get('buffer-mM').element.hidden = !f.value; ctx.fields.get('approximation').element.hidden = !f.value; } });
    ctx.add(new NumberField({ key: 'buffer-mM', label: 'Buffer concentration', unit: 'mM', min: 0.01, max: 20, log: true, def: 1, apiField: 'buffer' }), s);
    ctx.add(new SelectField({ key: 'approximation', label: 'Approximation', options: [['eba', 'excess buffer (EBA)'], ['rba', 'rapid buffer (RBA)']], def: 'eba' }), s);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 37 }), s);
    ctx.fields.get('buffer-mM').element.hidden = true;
    ctx.fields.get('approximation').element.hidden = true;
  },

  restore(ctx, params) {
    const on = !!(params['buffer-name'] ?? ctx.value('buffer-name'));
    ctx.fields.get('buffer-mM').element.hidden = !on;
    ctx.fields.get('approximation').element.hidden = !on;
  },

  async compute(ctx, signal) {
    const body = ctx.collect(['current-pA', 'distance-nm', 'inside', 'outside', 'diffusion-um2-per-s', 'temperature']);
    if (ctx.value('channels') > 1) Object.assign(body, { channels: Math.round(ctx.value('channels')), 'spacing-nm': ctx.value('spacing-nm') });
    if (ctx.value('buffer-name')) Object.assign(body, { buffer: `${ctx.value('buffer-name')}=${ctx.value('buffer-mM')}`, approximation: ctx.value('approximation') });
    return ctx.post('microdomain', body, signal);
  },

  render(ctx, r) {
    ctx.fields.get('spacing-nm').element.hidden = !(ctx.value('channels') > 1);
    const prof = r.profile || [];
    const d = prof.map((p) => p.distance_nm);
    const fig = {
      version: 1,
      panels: [
        { title: 'free Ca²⁺', x: { label: 'distance', unit: 'nm', log: true }, y: { label: '[Ca²⁺]', unit: 'mM', log: true },
          series: [{ name: 'local [Ca²⁺]', x: d, y: prof.map((p) => p.local_mM), color: '#c77700' }],
          markers: [{ axis: 'y', value: r.inside_mM, label: 'bulk', color: '#5b6673' }, { axis: 'x', value: r.distance_nm, label: `${num(r.distance_nm)} nm`, color: '#111827' }] },
        { title: 'local E_Ca', x: { label: 'distance', unit: 'nm', log: true }, y: { label: 'E_Ca', unit: 'mV' },
          series: [{ name: 'local E_Ca', x: d, y: prof.map((p) => p.local_potential_mV), color: '#c77700' }],
          markers: [{ axis: 'y', value: r.bulk_potential_mV, label: `bulk E_Ca ${fixed(r.bulk_potential_mV, 1)} mV`, color: '#5b6673' }, { axis: 'x', value: r.distance_nm, label: '', color: '#111827' }] },
      ],
    };
    const times = r.steady_state_times || [];
    return {
      main: [
        h('div', { class: 'headline' },
          h('div', { class: 'big-number' },
            h('span', { class: 'big-label', text: `Local free Ca²⁺ at ${num(r.distance_nm)} nm` }),
            h('output', { class: 'big-value', text: conc(r.local_mM) }),
            h('span', { class: 'big-sub', text: `${num(r.enrichment, 4)} × the bulk ${conc(r.inside_mM)}` })),
          stats([
            ['Local E_Ca', mV(r.local_potential_mV, 1), 'from the local concentration'],
            ['Bulk E_Ca', mV(r.bulk_potential_mV, 1), `a fall of ${fixed(r.bulk_potential_mV - r.local_potential_mV, 1)} mV`],
            ['Unbuffered', conc(r.unbuffered_local_mM), r.approximation === 'none' ? 'no buffer' : `with ${r.approximation.toUpperCase()}: ${num(r.local_mM / r.unbuffered_local_mM, 3)} ×`],
            r.length_constant_nm ? ['Buffer length constant λ', `${num(r.length_constant_nm, 4)} nm`, 'Neher 1986'] : null,
            ['Flux per channel', `${num(r.flux_per_channel_mol_per_s * 6.02214076e23, 4)} ions/s`, `${num(r.current_pA)} pA inward`],
          ])),
        times.length ? dataTable(['fraction of steady state', 'time'], times.map((t) => [`${num(100 * t.fraction)} %`, t.time_s < 1e-3 ? `${num(t.time_s * 1e6, 3)} µs` : `${num(t.time_s * 1e3, 3)} ms`]), `Approach to steady state at ${num(r.distance_nm)} nm (${r.transient_model})`) : null,
        warnings(r.warnings),
      ],
      figures: [{ key: 'profile', title: 'Profile away from the channel (log axes)', spec: fig, height: 260 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: r.equation }),
        M.math(M.i('c'), M.paren(M.i('r')), M.o('='), M.sub('c', '∞'), M.o('+'), M.frac(M.i('i'), M.row(M.n('2'), M.i('π'), M.i('z'), M.i('F'), M.i('D'), M.i('r')))),
        r.channels.length !== 1 ? null : M.math(M.o('='), M.q(conc(r.inside_mM).split(' ')[0], conc(r.inside_mM).split(' ')[1]), M.o('+'), M.frac(M.q(num(r.current_pA), 'pA'), M.row(M.n('2'), M.i('π'), M.o('·'), M.n('2'), M.o('·'), M.i('F'), M.o('·'), M.q(num(r.diffusion_um2_per_s), 'µm²/s'), M.o('·'), M.q(num(r.distance_nm), 'nm'))),
          M.o('='), M.q(conc(r.unbuffered_local_mM).split(' ')[0], conc(r.unbuffered_local_mM).split(' ')[1])),
        h('p', { class: 'hint', text: r.transient_equation || '' })),
      methods: `Free Ca²⁺ near ${r.channels.length === 1 ? 'an open channel' : `${r.channels.length} open channels`} was computed as a steady point source into the cytosolic half space (Neher 1986)`
        + ` with i = ${num(r.current_pA)} pA, D = ${num(r.diffusion_um2_per_s)} µm²/s and ${conc(r.inside_mM)} bulk Ca²⁺${r.buffers?.length ? ` and ${r.buffers.map((b) => `${num(b.total_mM)} mM ${b.name}`).join(', ')} (${r.approximation.toUpperCase()})` : ''}:`
        + ` ${conc(r.local_mM)} at ${num(r.distance_nm)} nm, where E_Ca = ${fixed(r.local_potential_mV, 1)} mV (bulk ${fixed(r.bulk_potential_mV, 1)} mV). Calculations with Membrane.`,
      reportLines: [`local [Ca²⁺] ${conc(r.local_mM)} at ${num(r.distance_nm)} nm`, `local E_Ca ${mV(r.local_potential_mV)}, bulk ${mV(r.bulk_potential_mV)}`],
      csv: { columns: ['distance_nm', 'local_mM', 'local_potential_mV'], rows: prof.map((p) => [p.distance_nm, p.local_mM, p.local_potential_mV]) },
      notes: [r.geometry, r.current_convention],
    };
  },
};
