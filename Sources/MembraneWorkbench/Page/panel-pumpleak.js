// The pump–leak cell: the steady state with the pump's energy budget, and a time course (pump block →
// swelling) with V_m, concentrations and volume. Requests: /api/steady-state, /api/simulate/pump-leak and
// /api/plot/simulate/pump-leak (the figure `membrane simulate pump-leak --plot` draws, as figure JSON).

import { list } from './api.js';
import { h, num, fixed, mV, conc, SelectField, NumberField, dataTable, stats, warnings, kvTable } from './ui.js';

export default {
  id: 'pump-leak',
  title: 'Pump–leak cell',
  group: 'Cell volume',
  summary: 'The Na⁺/K⁺ pump against the leaks: steady state, the pump’s energy budget, and what happens when the pump stops — depolarisation and swelling.',

  setup(ctx) {
    const g = ctx.group('Model');
    const preset = ctx.add(new SelectField({ key: 'preset', label: 'Preset', options: [['kay-2017', 'Kay 2017 (charge difference)'], ['keener-sneyd', 'Keener & Sneyd (electroneutral)']], def: 'kay-2017', hint: 'membrane presets' }), g);
    const about = h('p', { class: 'hint' });
    g.append(about);
    list('presets').then((all) => {
      const models = all.filter((p) => p.kind && p.kind.startsWith('pump-leak'));
      if (models.length) preset.setOptions(models.map((p) => [p.name, p.name]));
      preset.set(preset.value);
      const show = () => { about.textContent = models.find((p) => p.name === preset.value)?.description || ''; };
      show();
      preset.select.addEventListener('change', show);
    }).catch(() => {});
    ctx.add(new NumberField({ key: 'pump-current-uA-per-cm2', label: 'Pump current (max.)', unit: 'µA/cm²', min: 0.01, max: 10, log: true, def: null, optional: true, placeholder: 'preset' }), g);
    ctx.add(new NumberField({ key: 'atp-mM', label: 'ATP at the pump', unit: 'mM', min: 0.001, max: 10, log: true, def: null, optional: true, placeholder: 'saturating' }), g);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: null, optional: true, placeholder: 'preset' }), g);
    const t = ctx.group('Time course');
    ctx.add(new SelectField({ key: 'start', label: 'Start from', options: [['steady-state', 'the pump-on steady state'], ['initial', 'the preset’s initial state']], def: 'steady-state' }), t);
    ctx.add(new NumberField({ key: 'duration', label: 'Duration', unit: 's', min: 10, max: 100000, log: true, def: 3000 }), t);
    ctx.add(new NumberField({ key: 'pump-block-at', label: 'Block the pump at', unit: 's', min: 0, max: 10000, step: 10, def: 60, optional: true, placeholder: 'never' }), t);
    ctx.add(new NumberField({ key: 'pump-release-at', label: 'Release the pump at', unit: 's', min: 0, max: 100000, step: 10, def: null, optional: true, placeholder: 'never' }), t);
  },

  async compute(ctx, signal) {
    const model = ctx.collect(['preset', 'pump-current-uA-per-cm2', 'atp-mM', 'temperature']);
    const run = { ...model, ...ctx.collect(['start', 'duration', 'pump-block-at', 'pump-release-at']) };
    if (ctx.value('pump-block-at') === null) run['pump-block-at'] = 'none';
    run.interval = Number((ctx.value('duration') / 300).toPrecision(3));
    const [steady, sim, figure] = await Promise.all([
      ctx.post('steady-state', model, signal),
      ctx.post('simulate/pump-leak', run, signal),
      ctx.plot('simulate/pump-leak', run, signal),
    ]);
    return { steady, sim, figure };
  },

  render(ctx, { steady, sim, figure }) {
    const s = steady.state, e = steady.energy, f = sim.final, i0 = sim.initial;
    const ions = Object.keys(s.inside_mM);
    const head = h('div', { class: 'headline' },
      h('div', { class: 'big-number' },
        h('span', { class: 'big-label', text: 'Steady-state V_m (pump on)' }),
        h('output', { class: 'big-value', text: mV(s.vm_mV) }),
        h('span', { class: 'big-sub', text: `${steady.preset} · ${steady.converged ? `converged (${steady.method}, ${steady.iterations} iterations)` : 'NOT converged'} · ${num(steady.temperature_C)} °C` })),
      kvTable([
        ['Volume', `${num(s.volume_um3, 4)} µm³`, `${num(steady.volume_reference_relative, 4)} × reference`],
        ...ions.map((n) => [`[${n}] in / out`, `${conc(s.inside_mM[n])} / ${conc(s.outside_mM[n])}`]),
        ['Impermeant inside', conc(s.impermeant_inside_mM)],
      ], 'Steady state'));
    const energy = stats([
      ['Pump current', `${num(e.pump_current_uA_per_cm2, 4)} µA/cm²`, `P = ${num(steady.pump_rate, 4)} (Keener–Sneyd)`],
      ['ATP consumed', `${num(e.atp_per_s, 3)} /s`, `${num(e.pump_cycles_per_s, 3)} cycles/s`],
      ['Work per cycle', `${num(e.work_per_cycle_kJ_per_mol, 4)} kJ/mol`, `Na ${num(e.work_sodium_kJ_per_mol, 3)}, K ${num(e.work_potassium_kJ_per_mol, 3)}, electrical ${num(e.work_electrical_kJ_per_mol, 3)}`],
      ['Efficiency', `${fixed(100 * e.efficiency, 1)} %`, `of ΔG_ATP = ${num(e.delta_g_atp_kJ_per_mol, 3)} kJ/mol`],
      ['Power', `${num(e.power_consumed_W * 1e15, 4)} fW`, `stored ${num(e.power_stored_W * 1e15, 4)} fW`],
      ['Stall voltage', mV(e.stall_voltage_mV, 1), e.beyond_stall ? 'beyond stall!' : 'the pump still runs forward'],
      steady.existence?.[0] ? ['Steady states exist for', `0 – ${num(steady.existence[0].pump_current_max_uA_per_cm2, 3)} µA/cm²`, `P up to ${num(steady.existence[0].pump_rate_max, 4)}`] : null,
    ]);
    const course = dataTable(['', 'start', 'end'], [
      ['time (s)', num(i0.time_s), num(f.time_s)],
      ['V_m', mV(i0.vm_mV), mV(f.vm_mV)],
      ['volume (× start)', num(i0.volume_relative, 4), num(f.volume_relative, 4)],
      ...ions.map((n) => [`[${n}]ᵢ`, conc(i0.inside_mM[n]), conc(f.inside_mM[n])]),
    ], `Time course: ${sim.termination}${sim.termination_reason ? ` (${sim.termination_reason})` : ''}; ${sim.events.map((ev) => `${ev.event} at ${num(ev.time_s)} s`).join(', ') || 'no events'}; ${sim.statistics.accepted_steps} steps (${sim.solver.method})`);
    for (const p of figure.panels || []) p.height = 220;
    return {
      main: [head, h('h3', { text: 'The pump’s energy budget at steady state' }), energy, course, warnings([...(steady.warnings || []), ...(sim.warnings || [])])],
      figures: [{ key: 'course', title: 'Time course after the pump stops (the figure of membrane simulate pump-leak --plot)', spec: figure, height: 220 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: 'Pump–leak model' }),
        h('p', { text: `${steady.voltage_model === 'charge-difference' ? 'V = Q/(C·A), Q the net charge of the cell (Fraser & Huang 2004; Kay 2017)' : 'electroneutral: the C → 0 limit (Keener & Sneyd)'}; leaks ${steady.sources?.conductances || ''}; pump ${steady.pump_kinetics}, 3 Na⁺ out : 2 K⁺ in per ATP; water in osmotic balance (${steady.osmotic_model}).` }),
        h('p', { class: 'hint', text: 'd(n_X)/dt = −A·(J_leak,X + ν_X·J_pump),  Σ osmoles in = Σ osmoles out at every instant' })),
      methods: `The pump–leak cell (${steady.sources?.model || steady.preset}) was solved for its steady state (Newton's method with continuation) and integrated in time (${sim.solver.method}, rtol ${sim.solver.rtol}) from ${ctx.value('start') === 'steady-state' ? 'the pump-on steady state' : 'its initial state'}`
        + `${ctx.value('pump-block-at') !== null ? ` with the pump blocked at ${num(ctx.value('pump-block-at'))} s` : ''}: steady-state V_m ${fixed(s.vm_mV, 1)} mV; after ${num(f.time_s)} s V_m ${fixed(f.vm_mV, 1)} mV and volume ${num(f.volume_relative, 3)} × the start. Calculations with Membrane.`,
      reportLines: [`steady-state V_m ${mV(s.vm_mV)}`, `pump current ${num(e.pump_current_uA_per_cm2, 4)} µA/cm², efficiency ${fixed(100 * e.efficiency, 1)} %`, `final V_m ${mV(f.vm_mV)}, volume ${num(f.volume_relative, 4)} × start at t = ${num(f.time_s)} s`],
      notes: [...(steady.notes || []), ...Object.entries(steady.sources || {}).map(([k, v]) => `${k}: ${v}`)],
    };
  },
};
