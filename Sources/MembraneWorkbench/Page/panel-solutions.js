// Solutions: an ion list or a recipe → activity coefficients and activities under an activity model,
// ionic strength, osmolarity, osmolality and the osmotic coefficient; for a recipe also the titrant, the
// free Ca²⁺/Mg²⁺ and the charge states of buffers and chelators.
// Requests: /api/activity + /api/osmolarity (an ion list) or /api/recipe (a recipe).

import { list } from './api.js';
import { h, num, conc, ionLabel, ionColor, SelectField, NumberField, SolutionField, TextField, dataTable, stats, warnings, parseAssignments, M } from './ui.js';
import { ACTIVITY_MODELS } from './panel-ghk.js';

/** Solutions a physiologist reaches for; shared with the LJP panel. */
export const SOLUTIONS = [
  ['ACSF (bicarbonate)', 'Na=151.25, K=2.5, Cl=132.5, Ca=2, Mg=1, HCO3=26, H2PO4=1.25'],
  ['K-gluconate internal (recipe)', 'K-gluconate 135, KCl 5, HEPES 10, MgATP 4, EGTA 0.5, pH 7.3 KOH'],
  ['KCl internal (recipe)', 'KCl 140, HEPES 10, EGTA 1, MgCl2 2, pH 7.3 KOH'],
  ['Cs-methanesulfonate internal (recipe)', 'Cs-methanesulfonate 130, CsCl 10, HEPES 10, EGTA 0.5, pH 7.3 CsOH'],
  ['Ringer (frog)', 'Na=113.5, K=2.5, Ca=1.8, Cl=117.2, HCO3=2.4'],
  ['Tyrode (HEPES)', 'Na=140, K=5.4, Ca=1.8, Mg=1, Cl=146, HEPES=5'],
  ['NaCl 140', 'Na=140, Cl=140'],
  ['KCl 140', 'K=140, Cl=140'],
  ['3 M KCl (bridge)', 'K=3000, Cl=3000'],
];

function presetOptions() { return [['', 'Choose a solution…'], ...SOLUTIONS.map(([name], k) => [String(k), name])]; }

export default {
  id: 'solutions',
  title: 'Solutions',
  group: 'Solutions',
  summary: 'Activity coefficients, activities, ionic strength and osmolarity of a solution — an ion list or a recipe with its pH titration.',

  setup(ctx) {
    const g = ctx.group('Solution');
    const pick = ctx.add(new SelectField({ key: 'preset', label: 'Preset', options: presetOptions(), def: '' }), g, {
      onChange: (f) => { if (f.value !== '') ctx.fields.get('solution').set(SOLUTIONS[Number(f.value)][1]); },
    });
    pick.apiField = null;
    const sol = ctx.add(new SolutionField({ key: 'solution', label: 'Ions or recipe', def: SOLUTIONS[0][1] }), g);
    list('ions').then((ions) => sol.setIonNames(ions.map((i) => i.name))).catch(() => {});
    const m = ctx.group('Model');
    ctx.add(new SelectField({ key: 'model', label: 'Activity model', options: ACTIVITY_MODELS, def: 'davies' }), m);
    ctx.add(new NumberField({ key: 'temperature', label: 'Temperature', unit: '°C', min: 0, max: 45, step: 0.5, def: 25 }), m);
    ctx.add(new TextField({ key: 'target-osmolarity', label: 'Target osmolarity', def: '', placeholder: 'e.g. 290±10', hint: 'mOsm/L; warns outside' }), m);
  },

  async compute(ctx, signal) {
    const solution = ctx.value('solution');
    const common = ctx.collect(['model', 'temperature', 'target-osmolarity']);
    if (parseAssignments(solution)) {
      const [activity, osm] = await Promise.all([
        ctx.post('activity', { solution, ...ctx.collect(['model', 'temperature']) }, signal),
        ctx.post('osmolarity', { solution, ...common }, signal),
      ]);
      return { kind: 'list', activity, osm };
    }
    return { kind: 'recipe', recipe: await ctx.post('recipe', { recipe: solution, ...common }, signal) };
  },

  render(ctx, r) {
    const isRecipe = r.kind === 'recipe';
    const a = isRecipe ? r.recipe : r.activity;
    const o = isRecipe ? r.recipe : r.osm;
    const ions = a.ions;
    const I = isRecipe ? a.ionic_strength_M : a.ionic_strength_M;
    const head = stats([
      ['Ionic strength', `${num(I * 1e3, 4)} mM`, isRecipe ? null : `${num(a.ionic_strength_molal * 1e3, 4)} mmol/kg`],
      ['Osmolarity', `${num(o.osmolarity_mOsm_per_L, 4)} mOsm/L`, `ideal ${num(o.ideal_osmolarity_mOsm_per_L, 4)}`],
      ['Osmolality', `${num(o.osmolality_mOsm_per_kg, 4)} mOsm/kg`, null],
      ['Osmotic coefficient φ', num(o.osmotic_coefficient, 4), `model: ${isRecipe ? a.activity_model : o.model}`],
      !isRecipe ? ['Osmotic pressure', `${num(o.osmotic_pressure_kPa / 1000, 4)} MPa`, 'van ’t Hoff with φ'] : null,
      ['Charge balance Σz·c', `${num(o.charge_imbalance_mM, 3)} mM`, Math.abs(o.charge_imbalance_mM) > 0.01 ? 'not electroneutral' : 'electroneutral'],
      o.within_target !== null && o.within_target !== undefined ? ['Target', o.within_target ? 'within' : 'outside', `${o.target_mOsm ?? ''}`] : null,
      isRecipe && a.titrant ? ['Titrant', `${a.titrant.name} ${num(a.titrant.amount_mM, 4)} mM`, `to pH ${a.pH}`] : null,
      isRecipe && a.free_calcium_mM !== null ? ['Free Ca²⁺', conc(a.free_calcium_mM), null] : null,
      isRecipe && a.free_magnesium_mM !== null ? ['Free Mg²⁺', conc(a.free_magnesium_mM), null] : null,
    ]);
    const table = dataTable(['Ion', 'c', 'γ', 'a = γ·c', ...(isRecipe ? [] : ['fallback'])],
      ions.map((i) => [ionLabel(i.name, i.charge), conc(i.concentration_mM), num(i.gamma, 4), conc(i.activity_mM), ...(isRecipe ? [] : [i.fallback || ''])]),
      `Single-ion activity coefficients (${isRecipe ? a.activity_model : a.model}, ${num(a.temperature_C)} °C)`);
    const spread = Math.max(...ions.map((i) => i.concentration_mM)) / Math.max(1e-12, Math.min(...ions.map((i) => i.concentration_mM)));
    const fig = {
      version: 1,
      panels: [{
        title: '',
        x: { label: 'ion', categories: ions.map((i) => ionLabel(i.name, i.charge)) },
        y: { label: 'concentration, activity', unit: 'mM', log: spread > 50 },
        series: [
          { name: 'concentration c', x: ions.map((_, k) => k), y: ions.map((i) => i.concentration_mM), style: 'bars', color: '#9aa5b1' },
          { name: 'activity a = γ·c', x: ions.map((_, k) => k), y: ions.map((i) => i.activity_mM), style: 'bars', colors: ions.map((i, k) => ionColor(i.name, k)), color: '#1f5fa8' },
        ],
      }],
    };
    const species = isRecipe ? dataTable(['Species', 'free (mM)'], Object.entries(a.free_ions_mM).map(([k, v]) => [k, num(v, 4)]), 'Every species at equilibrium (free ions and complexes)') : null;
    const equation = !isRecipe && a.model_equation ? h('div', { class: 'equations' },
      h('p', { class: 'eq-title', text: 'Activity model' }), h('p', { text: a.model_equation }),
      h('p', { class: 'eq-title', text: 'Ionic strength' }),
      M.math(M.i('I'), M.o('='), M.frac(M.n('1'), M.n('2')), M.o('∑'), M.sub('c', 'i'), M.sup(M.sub('z', 'i'), '2'), M.o('='), M.q(num(I * 1e3, 4), 'mM')),
      h('p', { class: 'hint', text: `Debye–Hückel A = ${num(a.debye_huckel_A, 4)}, B = ${num(a.debye_huckel_B_per_angstrom, 4)} Å⁻¹ at ${num(a.temperature_C)} °C (ε_r = ${num(a.water_relative_permittivity, 4)}, ρ_w = ${num(a.water_density_kg_per_m3, 5)} kg/m³). ${a.molality_approximation}` })) : null;
    return {
      main: [head, table, species, warnings([...(a.warnings || []), ...(isRecipe ? [] : o.warnings || [])].filter((w, k, all) => all.indexOf(w) === k))],
      figures: [{ key: 'activity', title: 'Concentrations and activities', spec: fig, height: 300 }],
      equation,
      methods: `Single-ion activity coefficients were computed with the ${isRecipe ? a.activity_model : a.model} model at ${num(a.temperature_C)} °C`
        + `${isRecipe ? ` for the recipe “${a.recipe}” (pH ${a.pH}${a.titrant ? `, ${num(a.titrant.amount_mM, 3)} mM ${a.titrant.name}` : ''})` : ''}`
        + `: ionic strength ${num(I * 1e3, 4)} mM, osmolarity ${num(o.osmolarity_mOsm_per_L, 4)} mOsm/L (osmotic coefficient ${num(o.osmotic_coefficient, 3)}). Calculations with Membrane.`,
      reportLines: [`ionic strength ${num(I * 1e3, 4)} mM`, `osmolarity ${num(o.osmolarity_mOsm_per_L, 4)} mOsm/L`, ...ions.map((i) => `${i.name}: c = ${num(i.concentration_mM)} mM, γ = ${num(i.gamma, 4)}, a = ${num(i.activity_mM)} mM`)],
      csv: { columns: ['ion', 'charge', 'concentration_mM', 'gamma', 'activity_mM'], rows: ions.map((i) => [i.name, i.charge, i.concentration_mM, i.gamma, i.activity_mM]) },
    };
  },
};
