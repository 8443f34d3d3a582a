// Excitable cells: Hodgkin–Huxley 1952 (NEURON's hh) under a constant current or an ideal voltage clamp (I–V family), with E_Na and E_K fixed, from held
// concentrations, or following the currents; with concentrations a Na⁺/K⁺ pump (`pump-uA-per-cm2`), and with a finite
// extracellular space its exchange (diffusion of K⁺ to a bath, glial K⁺ uptake); and Hübel & Ullah 2016's
// energy-failure neuron (the pump stops, the cell bursts, depolarises and swells) and the other published models, whose
// integrator the `method` field picks. Requests: /api/simulate/hh and /api/plot/simulate/hh (the figure of
// `membrane simulate hh --plot`, as figure JSON).

import { h, num, fixed, mV, conc, SelectField, NumberField, TextField, kvTable, dataTable, stats, warnings } from './ui.js';

const HH = 'hodgkin-huxley-1952';
const HU = 'hubel-ullah-2016';
const HH_KEYS = ['stimulus-uA-per-cm2', 'concentrations', 'duration'];
const HELD_KEYS = ['K_o']; // preset parameters that exist only with held or dynamic concentrations
const VC_KEYS = ['vc-from', 'vc-to', 'vc-step']; // the voltage-clamp family (mV)
// Published models run as their own equations (`membrane simulate hh --preset NAME`): a duration and `--set` overrides.
const OWN = {
  'cressman-2009': { label: 'Cressman et al. 2009 (seizures: K⁺ accumulates outside)', duration: 100, set: 'k_bath=8',
    hint: 'Cressman et al. 2009 (J Comput Neurosci 26:159, erratum 30:781; ModelDB 136773): K⁺ in the extracellular space, cleared by pump, glia and diffusion to a bath of k_bath mM. At 4 mM the cell rests; at 8 mM it bursts every ~30 s.' },
  'wei-ullah-schiff-2014': { label: 'Wei, Ullah & Schiff 2014 (anoxia → spreading depolarization)', duration: 200, set: '',
    hint: 'Wei, Ullah & Schiff 2014 (J Neurosci 34:11733): a neuron with glia, a bath and an O₂-fuelled pump; without O₂ it depolarises (spreading depolarization) and swells, and recovers when O₂ returns.' },
  'luo-rudy-1991': { label: 'Luo & Rudy 1991 (ventricular cell, paced)', duration: 2, set: 'K_o=5.4',
    hint: 'Luo & Rudy 1991 (Circ Res 68:1501) ventricular cell at 37 °C, paced at 1 Hz: rest, V̇max and APD90 per beat. Raise K_o for hyperkalemia (membrane hyperkalemia tabulates it).' },
};
const OWN_KEYS = ['own-duration', 'own-set'];
const HU_KEYS = ['hu-duration', 'g_ClL', 't_pump_stop'];
// The fields of the exchange of a finite extracellular space (dynamic concentrations); `transport` turns them into the
// request's options (the bath diffusion's rate and concentration are K⁺'s: `bath-diffusion-per-s: "K=…"`).
const EXCHANGE_KEYS = ['bath-rate-K', 'bath-K', 'glial-uptake-mM-per-s'];

export default {
  id: 'hh',
  title: 'Action potentials',
  group: 'Excitable cells',
  summary: 'Hodgkin–Huxley spikes under a current or voltage clamp, and what their ions cost; published models with changing concentrations: energy failure (Hübel & Ullah 2016), seizures (Cressman et al. 2009), anoxia and spreading depolarization (Wei, Ullah & Schiff 2014), a paced ventricular cell (Luo & Rudy 1991).',

  setup(ctx) {
    const g = ctx.group('Model');
    ctx.add(new SelectField({ key: 'preset', label: 'Preset', options: [[HH, 'Hodgkin–Huxley 1952 (NEURON hh, 6.3 °C)'], [HU, 'Hübel & Ullah 2016 (energy failure)'], ...Object.entries(OWN).map(([k, o]) => [k, o.label])], def: HH, hint: 'membrane presets' }), g,
      { onChange: (f) => {
        const own = OWN[f.value];
        if (own) { ctx.fields.get('own-duration').set(own.duration); ctx.fields.get('own-set').set(own.set); }
        this.show(ctx, f.value);
      } });
    this.hint = h('p', { class: 'hint' });
    g.append(this.hint);
    const c = ctx.group('Clamp and concentrations');
    ctx.add(new SelectField({ key: 'clamp', label: 'Clamp', options: [['current', 'current clamp (spikes)'], ['voltage', 'voltage clamp (I–V family, as HH 1952)']], def: 'current' }), c,
      { onChange: () => this.show(ctx, ctx.value('preset')) });
    ctx.add(new NumberField({ key: 'stimulus-uA-per-cm2', label: 'Stimulus', unit: 'µA/cm²', min: 0, max: 50, step: 0.5, def: 10 }), c);
    ctx.add(new SelectField({ key: 'concentrations', label: 'E_Na and E_K', options: [['fixed', 'fixed numbers (NEURON’s ena, ek)'], ['held', 'Nernst of held concentrations'], ['dynamic', 'follow the currents (Na⁺, K⁺ change)']], def: 'fixed' }), c,
      { onChange: () => this.show(ctx, ctx.value('preset')) });
    ctx.add(new NumberField({ key: 'K_o', label: 'Bath K⁺ K_o', unit: 'mM', min: 0.5, max: 30, step: 0.5, def: 2.5, hint: 'hyperkalemia: raise it; E_K = (RT/F) ln(K_o/K_i) moves, K⁺ inside stays' }), c);
    ctx.add(new NumberField({ key: 'pump-uA-per-cm2', label: 'Na⁺/K⁺ pump ρ', unit: 'µA/cm²', min: 0, max: 50, step: 0.1, def: null, optional: true, placeholder: 'no pump',
      hint: 'Kager 2000, Cressman 2009 saturation; Hübel & Ullah 2016: 6.8; empty: none' }), c, { onChange: () => this.show(ctx, ctx.value('preset')) });
    ctx.add(new NumberField({ key: 'extracellular-volume-relative', label: 'Extracellular space', unit: '× cell volume', min: 0.01, max: 10, log: true, def: null, optional: true,
      placeholder: 'infinite bath', hint: 'its Na⁺ and K⁺ change too; empty: infinite' }), c, { onChange: () => this.show(ctx, ctx.value('preset')) });
    ctx.add(new NumberField({ key: 'duration', label: 'Duration', unit: 's', min: 0.005, max: 10, log: true, def: 0.1 }), c);
    ctx.add(new NumberField({ key: 'vc-from', label: 'Steps from', unit: 'mV', min: -150, max: 100, step: 5, def: -80, hint: 'from −65 mV, 20 ms steps' }), c);
    ctx.add(new NumberField({ key: 'vc-to', label: 'Steps to', unit: 'mV', min: -150, max: 100, step: 5, def: 40 }), c);
    ctx.add(new NumberField({ key: 'vc-step', label: 'Step size', unit: 'mV', min: 1, max: 100, step: 1, def: 20 }), c);
    const e = ctx.group('Energy failure');
    ctx.add(new NumberField({ key: 'hu-duration', apiField: 'duration', label: 'Duration', unit: 's', min: 60, max: 2000, log: true, def: 200 }), e);
    ctx.add(new NumberField({ key: 'g_ClL', label: 'Cl⁻ leak g_ClL', unit: 'mS/cm²', min: 0, max: 0.2, step: 0.005, def: 0.05, hint: '0: no swelling (Fig. 4)' }), e);
    ctx.add(new NumberField({ key: 't_pump_stop', label: 'The pump stops at', unit: 's', min: 0, max: 1000, step: 5, def: 50 }), e);
    const x = ctx.group('Extracellular exchange');
    ctx.add(new NumberField({ key: 'bath-rate-K', apiField: 'bath-diffusion-per-s', label: 'K⁺ diffusion to a distant bath k', unit: '1/s', min: 0, max: 10, step: 0.01, def: null, optional: true,
      placeholder: 'none', hint: 'd[K]o/dt = −k([K]o − [K]bath); Cressman et al. 2009: 4/3 s⁻¹' }), x);
    ctx.add(new NumberField({ key: 'bath-K', apiField: 'bath-concentration', label: 'Distant bath K⁺', unit: 'mM', min: 0.5, max: 30, step: 0.5, def: null, optional: true,
      placeholder: 'initial [K]o', hint: 'the concentration the space relaxes to; empty: the initial [K]o' }), x);
    ctx.add(new NumberField({ key: 'glial-uptake-mM-per-s', label: 'Glial K⁺ uptake G_max', unit: 'mM/s', min: 0, max: 100, step: 1, def: null, optional: true,
      placeholder: 'none', hint: 'd[K]o/dt = −G/(1 + e^((18 − [K]o)/2.5)); Cressman et al. 2009: 66 mM/s' }), x);
    const o = ctx.group('Published model');
    ctx.add(new NumberField({ key: 'own-duration', apiField: 'duration', label: 'Duration', unit: 's', min: 0.5, max: 2000, log: true, def: 100 }), o);
    ctx.add(new TextField({ key: 'own-set', apiField: 'set', label: 'Parameters (--set)', placeholder: 'NAME=VALUE, … (empty: the preset’s example)', def: '', hint: 'membrane presets --json lists them' }), o);
    const m = ctx.group('Integrator');
    ctx.add(new SelectField({ key: 'method', label: 'Method', def: '', hint: 'membrane simulate hh --method',
      options: [['', 'the preset’s default (auto; luo-rudy-1991: bdf)'], ['auto', 'auto: Dormand–Prince 5(4), BDF where stiff (as LSODA)'], ['bdf', 'bdf: variable-order NDF/BDF (as ode15s)'], ['rodas4', 'rodas4: Rosenbrock']] }), m);
    this.groups = { hh: c.parentElement, hu: e.parentElement, own: o.parentElement, exchange: x.parentElement, method: m.parentElement };
    this.show(ctx, HH);
  },

  /** Shows the inputs of the chosen preset (hidden fields are left out of the request). */
  show(ctx, preset) {
    const own = OWN[preset];
    const hu = preset === HU || Boolean(own); // not the HH current/voltage clamp
    this.groups.hh.hidden = hu;
    this.groups.hu.hidden = preset !== HU;
    this.groups.own.hidden = !own;
    for (const k of OWN_KEYS) ctx.fields.get(k).element.hidden = !own;
    for (const k of HH_KEYS) ctx.fields.get(k).element.hidden = hu;
    for (const k of HU_KEYS) ctx.fields.get(k).element.hidden = preset !== HU;
    const fixedE = (ctx.value('concentrations') ?? 'fixed') === 'fixed';
    const vc = ctx.value('clamp') === 'voltage';
    for (const k of HELD_KEYS) ctx.fields.get(k).element.hidden = hu || fixedE;
    for (const k of VC_KEYS) ctx.fields.get(k).element.hidden = hu || !vc;
    for (const k of ['stimulus-uA-per-cm2', 'duration']) ctx.fields.get(k).element.hidden = hu || vc;
    // The pump needs concentrations (held or dynamic); the exchange a finite extracellular space (dynamic); both run
    // under the current clamp. The method belongs to the presets with their own model.
    const dynamic = ctx.value('concentrations') === 'dynamic';
    ctx.fields.get('pump-uA-per-cm2').element.hidden = hu || vc || fixedE;
    ctx.fields.get('extracellular-volume-relative').element.hidden = hu || vc || !dynamic;
    this.groups.exchange.hidden = hu || vc || !dynamic || ctx.value('extracellular-volume-relative') == null;
    for (const k of EXCHANGE_KEYS) ctx.fields.get(k).element.hidden = this.groups.exchange.hidden;
    this.groups.method.hidden = !hu;
    ctx.fields.get('method').element.hidden = !hu;
    this.hint.textContent = own ? own.hint : preset === HU
      ? 'ModelDB 187599 code_Fig3.ode equation for equation (RT/F = 26.64 mV as published): a cell in a closed extracellular space; no current clamp.'
      : 'Hodgkin & Huxley 1952 as NEURON’s built-in hh: g_Na 120, g_K 36, g_L 0.3 mS/cm², Q10 = 3 from 6.3 °C; rest from the steady-state gates at −65 mV.';
  },

  /** The pump, the extracellular space and its exchange, as the request's options (the shown fields that are given). */
  transport(ctx) {
    const body = {};
    const given = (k) => !ctx.fields.get(k).element.hidden && ctx.value(k) != null;
    for (const k of ['pump-uA-per-cm2', 'extracellular-volume-relative']) if (given(k)) body[k] = ctx.value(k);
    // Sent as given, also a bath concentration without a rate: the server's refusal then names the field.
    if (given('bath-rate-K')) body['bath-diffusion-per-s'] = `K=${ctx.value('bath-rate-K')}`;
    if (given('bath-K')) body['bath-concentration'] = `K=${ctx.value('bath-K')}`;
    if (given('glial-uptake-mM-per-s')) body['glial-uptake-mM-per-s'] = ctx.value('glial-uptake-mM-per-s');
    return body;
  },

  request(ctx) {
    const preset = ctx.value('preset');
    this.show(ctx, preset); // also after a restore from the URL, which sets the preset without a change event
    const method = ctx.value('method') || null; // empty: the preset's default
    if (OWN[preset]) {
      const body = { preset, duration: ctx.value('own-duration') ?? OWN[preset].duration };
      const set = (ctx.value('own-set') ?? '').trim() || OWN[preset].set; // empty: the preset's own example
      if (set) body.set = set;
      if (method) body.method = method;
      body.interval = Number((body.duration / 2000).toPrecision(3));
      return body;
    }
    if (preset === HU) {
      const body = { preset, duration: ctx.value('hu-duration') ?? 200 };
      body.set = `g_ClL=${ctx.value('g_ClL')}, t_pump_stop=${ctx.value('t_pump_stop')}`;
      if (method) body.method = method;
      body.interval = Number((body.duration / 2000).toPrecision(3));
      return body;
    }
    if (ctx.value('clamp') === 'voltage') {
      const body = { preset, 'voltage-clamp': `${ctx.value('vc-from') ?? -80}:${ctx.value('vc-to') ?? 40}:${ctx.value('vc-step') ?? 20}` };
      if (ctx.value('concentrations') && ctx.value('concentrations') !== 'fixed') {
        body.concentrations = ctx.value('concentrations');
        body.set = `K_o=${ctx.value('K_o') ?? 2.5}`;
      }
      body.interval = 5e-5;
      return body;
    }
    const body = { preset, ...ctx.collect(HH_KEYS), ...this.transport(ctx) };
    // K_o exists only when concentrations enter (held or dynamic); with E fixed the request would be refused.
    if ((body.concentrations ?? 'fixed') !== 'fixed') body.set = `K_o=${ctx.value('K_o') ?? 2.5}`;
    body.duration ??= 0.1;
    body['spike-cost'] = true; // what each action potential costs: Na⁺ entering against C·ΔV, ATP
    body.interval = Number((body.duration / 2000).toPrecision(3));
    return body;
  },

  async compute(ctx, signal) {
    const body = this.request(ctx);
    const { interval, ...run } = body;
    const { 'spike-cost': cost, ...plotBody } = body; // the figure does not need the cost
    const [sim, figure] = await Promise.all([ctx.post('simulate/hh', run, signal), ctx.plot('simulate/hh', plotBody, signal)]);
    return { sim, figure };
  },

  /** The voltage-clamp family: the I–V table (peak inward and late current per step) and the clamp currents. */
  renderClamp(sim, figure) {
    const rows = (sim.iv || []).map((r) => [fixed(r.V_mV, 1), num(r.I_min_uA_per_cm2, 4), num(r.peak_hh_Na_uA_per_cm2, 4), num(r.I_end_uA_per_cm2, 4), num(r.end_hh_K_uA_per_cm2, 4)]);
    for (const p of figure.panels || []) p.height = 220;
    return {
      main: [
        h('p', { class: 'hint', text: `${sim.clamp}. Holding ${fixed(sim.holding_mV, 1)} mV; test steps ${sim.window_ms?.[0]}–${sim.window_ms?.[1]} ms.` }),
        dataTable(['V step (mV)', 'I peak inward (µA/cm²)', 'I_Na peak (µA/cm²)', 'I late (µA/cm²)', 'I_K late (µA/cm²)'], rows, 'I–V family (outward positive): the peak Na⁺ current reverses at E_Na, the late K⁺ current at E_K'),
        warnings(sim.warnings || []),
      ],
      figures: [{ key: 'clamp', title: 'Clamp currents and I–V (the figure of membrane simulate hh --voltage-clamp --plot)', spec: figure, height: 220 }],
      equation: h('div', { class: 'equations' }, h('p', { class: 'eq-title', text: 'Ideal voltage clamp' }),
        h('p', { text: 'V_m = V_cmd(t); I_clamp = C dV_cmd/dt + ḡ_Na m³h (V − E_Na) + ḡ_K n⁴ (V − E_K) + g_L (V − E_L); at a fixed step each gate relaxes as x(t) = x∞ − (x∞ − x₀) e^(−t/τ_x).' })),
      methods: `An ideal voltage clamp of the Hodgkin–Huxley 1952 membrane (NEURON’s hh) from ${fixed(sim.holding_mV, 0)} mV, ${rows.length} steps (${sim.method}). Calculations with Membrane.`,
      reportLines: [`voltage clamp: ${rows.length} steps`],
      notes: [...(sim.notes || [])],
    };
  },

  /** A published model run as its own equations: spikes, the final state, and what the model reports besides. */
  renderOwn(sim, figure) {
    const f = sim.final || {};
    const spikes = sim.spike_times_ms || [];
    const when = (ms) => (sim.duration_s > 5 ? `${fixed(ms / 1000, 3)} s` : `${fixed(ms, 2)} ms`);
    const rows = [
      ['Spikes', String(sim.spike_count), spikes.length ? `first ${when(spikes[0])}, last ${when(spikes[spikes.length - 1])}` : ''],
      ['Final V_m', mV(f.vm_mV, 2)],
      ...Object.keys(f.inside_mM || {}).filter((n) => f.outside_mM?.[n] != null).map((n) => [`[${n}] in / out`, `${conc(f.inside_mM[n])} / ${conc(f.outside_mM[n])}`]),
      f.volume_relative != null && f.volume_relative !== 1 ? ['Cell volume', `${num(f.volume_relative, 4)} × initial`] : null,
      sim.burst_count != null ? ['Bursts', String(sim.burst_count), sim.burst_period_s != null ? `every ${num(sim.burst_period_s, 4)} s` : ''] : null,
      sim.rest_mV != null ? ['Rest', mV(sim.rest_mV, 2)] : null,
    ];
    const beats = (sim.beats || []).map((b) => [fixed(b.onset_ms, 0), mV(b.rest_mV, 2), mV(b.peak_mV, 1), num(b.vmax_V_per_s, 4), b.apd90_ms == null ? '–' : num(b.apd90_ms, 4), b.excited ? 'yes' : 'no']);
    for (const p of figure.panels || []) p.height = 200;
    return {
      main: [
        h('div', { class: 'headline' }, kvTable(rows, `${sim.preset}: ${num(sim.duration_s)} s, ${sim.termination}`)),
        beats.length ? dataTable(['onset (ms)', 'rest', 'peak', 'V̇max (V/s)', 'APD90 (ms)', 'fired'], beats, 'Beats') : null,
        warnings(sim.warnings || []),
      ].filter(Boolean),
      figures: [{ key: 'own', title: 'Time course (the figure of membrane simulate hh --plot)', spec: figure, height: 200 }],
      methods: `The ${sim.preset} model was integrated for ${num(sim.duration_s)} s (${sim.method}); ${sim.spike_count} spikes; final V_m ${fixed(f.vm_mV, 2)} mV. Calculations with Membrane.`,
      reportLines: [`${sim.preset}: ${sim.spike_count} spikes in ${num(sim.duration_s)} s`, `final V_m ${mV(f.vm_mV)}`],
      notes: [...(sim.notes || []), ...Object.entries(sim.sources || {}).map(([k, v]) => `${k}: ${v}`)],
    };
  },

  /** Where each exchanged ion went (cell, extracellular space, each process), in fmol; null without an exchange. */
  exchangeTable(sim) {
    const ions = sim.extracellular_exchange?.ions;
    if (!ions) return null;
    const fmol = (mol) => `${num(mol * 1e15, 4)} fmol`;
    const rows = [];
    for (const [ion, b] of Object.entries(ions)) {
      rows.push([`${ion}: cell / extracellular space`, `${fmol(b.cell_change_mol)} / ${fmol(b.extracellular_change_mol)}`, 'change over the run']);
      for (const [k, v] of Object.entries(b)) {
        const m = /^(.+)_removed_mol$/.exec(k);
        if (m) rows.push([`${ion}: removed by ${m[1]}`, fmol(v), `now ${num(b[`${m[1]}_rate_mM_per_s`], 4)} mM/s`]);
      }
    }
    return h('div', { data: { testid: 'hh-exchange' } }, kvTable(rows, 'Extracellular exchange: where the ions went (they sum to zero)'));
  },

  render(ctx, { sim, figure }) {
    if (sim.mode === 'voltage_clamp') return this.renderClamp(sim, figure);
    if (OWN[sim.preset]) return this.renderOwn(sim, figure);
    const f = sim.final || {};
    const hu = sim.preset === HU;
    const spikes = sim.spike_times_ms || [];
    const rate = sim.duration_s > 0 ? sim.spike_count / sim.duration_s : 0;
    const when = (ms) => (hu ? `${fixed(ms / 1000, 4)} s` : `${fixed(ms, 3)} ms`);
    const head = h('div', { class: 'headline' },
      h('div', { class: 'big-number' },
        h('span', { class: 'big-label', text: 'Spikes (upward crossings of 0 mV)' }),
        h('output', { class: 'big-value', text: String(sim.spike_count) }),
        h('span', { class: 'big-sub', text: `in ${num(sim.duration_s)} s · ${num(rate, 3)} /s · ${sim.termination}` })),
      kvTable([
        ['First spike', spikes.length ? when(spikes[0]) : '–'],
        ['Last spike', spikes.length ? when(spikes[spikes.length - 1]) : '–'],
        ['Final V_m', mV(f.vm_mV, 3)],
        ...Object.keys(f.inside_mM || {}).map((n) => [`[${n}] in / out`, `${conc(f.inside_mM[n])} / ${conc(f.outside_mM[n])}`]),
        hu ? ['Cell volume', `${num(f.volume_um3, 5)} µm³`, `${num(f.volume_relative, 4)} × 2160 µm³`] : null,
      ].filter(Boolean), 'Final state'));
    const sources = stats(Object.entries(sim.reversal_potentials || {}).map(([ion, s]) =>
      [`E_${ion}`, s.source === 'fixed' ? mV(s.E_mV, 1) : f.reversal_mV?.[ion] != null ? mV(f.reversal_mV[ion], 1) : s.source.replace('_', ' '),
        s.source === 'fixed' ? s.description : `${s.description} (at the end of the run)`]));
    const cost = sim.action_potential_cost;
    const m = cost?.mean;
    const costTable = m ? kvTable([
      ['Na⁺ charge entering', `${num(m.sodium_charge_nC_per_cm2, 4)} nC/cm²`, 'per trough-to-trough cycle'],
      ['Least charge C·ΔV', `${num(m.capacitive_charge_nC_per_cm2, 4)} nC/cm²`],
      ['Overlap factor', num(m.overlap_factor, 3), 'Na⁺ entry over C·ΔV (1: no overlap of Na⁺ entry and K⁺ exit)'],
      ['Na⁺ ions per spike', num(m.sodium_ions, 3), `fewest possible ${num(m.minimum_ions, 3)}`],
      ['ATP to pump them out', num(m.atp, 3), '3 Na⁺ per ATP'],
    ], `The cost of an action potential (mean of ${cost.cycles} cycles)`)
      : cost ? h('p', { class: 'hint', text: 'The cost of an action potential needs three spikes (a full cycle between two others): raise the stimulus or the duration.' }) : null;
    for (const p of figure.panels || []) p.height = 200;
    return {
      main: [head, costTable, this.exchangeTable(sim), h('h3', { text: 'Where each E comes from' }), sources, warnings(sim.warnings || [])].filter(Boolean),
      figures: [{ key: 'course', title: 'Time course (the figure of membrane simulate hh --plot)', spec: figure, height: 200 }],
      equation: h('div', { class: 'equations' },
        h('p', { class: 'eq-title', text: hu ? 'Hübel & Ullah 2016' : 'Hodgkin–Huxley 1952' }),
        h('p', { text: hu
          ? 'C dV/dt = −(I_Na + I_K + I_Cl + I_pump); I_Na = (g_NaL + g_Na m∞³ h)(V − E_Na); amounts in the cell and its extracellular space follow the currents; the volume follows the osmotic balance.'
          : 'C_m dV/dt = J − ḡ_Na m³h (V − E_Na) − ḡ_K n⁴ (V − E_K) − g_L (V − E_L); dx/dt = α_x(V)(1 − x) − β_x(V) x for x = m, h, n.' })),
      methods: `${hu ? 'The Hübel & Ullah 2016 neuron (ModelDB 187599)' : 'The Hodgkin–Huxley 1952 model (NEURON’s hh)'} was integrated for ${num(sim.duration_s)} s (${sim.method}); `
        + `${sim.spike_count} spikes; final V_m ${fixed(f.vm_mV, 2)} mV. Calculations with Membrane.`,
      reportLines: [`${sim.spike_count} spikes in ${num(sim.duration_s)} s`, `final V_m ${mV(f.vm_mV)}`],
      notes: [...(sim.notes || []), ...Object.entries(sim.sources || {}).map(([k, v]) => `${k}: ${v}`)],
    };
  },
};
