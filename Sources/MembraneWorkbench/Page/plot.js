// Membrane's own small plotting module: SVG, no framework.
//
// It draws a figure described by the figure spec (version 1), the same JSON that MembraneReport's
// SVGFigure/SVGPlot encode on the server (SVGFigure+JSON.swift), so the CLI's --plot and the page draw the
// same series:
//
//   Figure     { version: 1, title?, panels: [Panel] }
//   Panel      { title?, x: Axis, y: Axis, series: [Series], markers?: [Marker], arrows?: [Arrow],
//                annotations?: [Annotation] }
//   Axis       { label, unit?, log?: bool, min?, max?, categories?: [string] }   (categorical x: x = 0, 1, …)
//   Series     { name, x: [number], y: [number], style?: "line" | "points" | "bars", color?, dash?: bool }
//   Marker     { axis: "x" | "y", value, label?, color?, labelAt?: "start" | "end" }   a reference line
//   Arrow      { x, from, to, label?, color? }                    a vertical arrow at x from y = from to y = to
//   Annotation { x, y, text }
//
// Interactive views add a crosshair readout (pointer or arrow keys) and a data table as the text alternative.

const SVGNS = 'http://www.w3.org/2000/svg';
export const PALETTE = ['#1f5fa8', '#c8402f', '#2b8a3e', '#c77700', '#6f42c1', '#8a5a44', '#c2367f', '#138496'];
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const CHAR = 6.6; // mean glyph width at 12 px, for layout estimates
const HALO = { stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' }; // keeps labels readable over lines

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(k, typeof v === 'number' ? String(Math.round(v * 10) / 10) : String(v));
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

const MINUS = '\u2212';
/** A number with a real minus sign. */
export function minus(s) { return String(s).replace(/^-/, MINUS).replace(/e-/, `e${MINUS}`); }

/** Nice linear ticks (1, 2, 5 × 10^k) covering [lo, hi]; `step` tells labels how many decimals they need. */
export function linearTicks(lo, hi, count = 6) {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { ticks: [lo], step: 0 };
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
  const ticks = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
    ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return { ticks, step };
}

/** A tick label with as many decimals as the spacing needs ("0.6", not "0.6000000000000001"). */
export function tickLabel(v, step) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const digits = step > 0 ? Math.max(0, Math.floor(Math.log10(a)) - Math.floor(Math.log10(step))) : 2;
    return minus(v.toExponential(Math.min(4, digits)));
  }
  let decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 2;
  if (step > 0 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6) decimals += 1;
  return minus(v.toFixed(Math.min(10, decimals)));
}

const SUP = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
/** A decade label: plain (0.01, 1, 1000) inside 10⁻³…10⁴, else 10ⁿ. */
function decadeLabel(k) {
  if (k >= -3 && k <= 4) return k >= 0 ? String(10 ** k) : (10 ** k).toFixed(-k);
  return '10' + String(k).split('').map((c) => SUP[c]).join('');
}

function plainLabel(v) {
  return v >= 1e-3 && v < 1e5 ? String(Number(v.toPrecision(1))) : minus(v.toExponential(0));
}

/** Ticks of a log axis over [lo, hi] (both > 0): decades, and minor ticks (labelled 2 and 5 when few decades). */
export function logTicks(lo, hi) {
  const k0 = Math.floor(Math.log10(lo) + 1e-9), k1 = Math.ceil(Math.log10(hi) - 1e-9);
  const decades = k1 - k0;
  const major = [], minor = [];
  const stride = Math.max(1, Math.ceil(decades / 8));
  for (let k = k0; k <= k1; k++) {
    const v = 10 ** k;
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) && (k - k0) % stride === 0) major.push({ v, label: decadeLabel(k) });
    if (decades <= 4) {
      for (let m = 2; m <= 9; m++) {
        const w = m * 10 ** k;
        if (w < lo || w > hi) continue;
        const labelled = decades <= 1 && (m === 2 || m === 5);
        (labelled ? major : minor).push({ v: w, label: labelled ? plainLabel(w) : '' });
      }
    }
  }
  if (major.length < 2) { // less than a decade: fall back to linear ticks on the value
    const t = linearTicks(lo, hi, 4);
    return { major: t.ticks.filter((v) => v > 0).map((v) => ({ v, label: tickLabel(v, t.step) })), minor: [] };
  }
  major.sort((a, b) => a.v - b.v);
  return { major, minor };
}

class Scale {
  constructor(lo, hi, log, p0, p1) {
    Object.assign(this, { lo, hi, log, p0, p1 });
    this.a = log ? Math.log10(lo) : lo;
    this.b = log ? Math.log10(hi) : hi;
  }
  map(v) {
    const t = this.log ? Math.log10(v) : v;
    return this.p0 + ((t - this.a) / (this.b - this.a)) * (this.p1 - this.p0);
  }
  invert(p) {
    const t = this.a + ((p - this.p0) / (this.p1 - this.p0)) * (this.b - this.a);
    return this.log ? 10 ** t : t;
  }
}

/** The data range of one axis, padded, including markers and arrows, honouring min/max. */
function domain(panel, which, heldSeries) {
  const axis = panel[which] || {};
  if (which === 'x' && axis.categories) return [-0.5, axis.categories.length - 0.5 + (panel.arrows?.length ? 0.3 : 0)];
  const vals = [];
  for (const s of [...panel.series, ...heldSeries]) {
    for (const v of s[which]) if (Number.isFinite(v) && (!axis.log || v > 0)) vals.push(v);
    if (which === 'y' && s.style === 'bars' && !axis.log) vals.push(0);
  }
  for (const m of panel.markers || []) if (m.axis === which && Number.isFinite(m.value)) vals.push(m.value);
  if (which === 'y') for (const a of panel.arrows || []) vals.push(a.from, a.to);
  let lo = axis.min ?? Math.min(...vals), hi = axis.max ?? Math.max(...vals);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) { lo = axis.log ? 1 : 0; hi = axis.log ? 10 : 1; }
  if (axis.log) {
    if (hi <= lo) { lo /= 2; hi *= 2; }
    // Bars on a log axis grow from the decade below the smallest value, so small bars stay visible.
    if (which === 'y' && axis.min === undefined && panel.series.some((s) => s.style === 'bars')) lo = 10 ** Math.floor(Math.log10(lo) - 1e-9);
    const pad = (Math.log10(hi) - Math.log10(lo)) * (which === 'y' ? 0.05 : 0);
    return [axis.min ?? lo / 10 ** pad, axis.max ?? hi * 10 ** pad];
  }
  if (hi === lo) { const d = Math.abs(lo) * 0.1 || 1; lo -= d; hi += d; }
  const pad = (hi - lo) * (which === 'y' ? 0.06 : 0);
  return [axis.min ?? lo - pad, axis.max ?? hi + pad];
}

export function axisTitle(axis) {
  return axis?.unit ? `${axis.label} (${axis.unit})` : axis?.label || '';
}

/** A readable value for the readout: four significant digits, a real minus sign. */
export function readout(v) {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return minus(v.toExponential(3));
  return minus(Number(v.toPrecision(4)).toString());
}

function seriesColor(s, i) { return s.color || PALETTE[i % PALETTE.length]; }

/** Lays out the legend entries in rows that fit `width`; returns rows of {s, color, w}. */
function legendRows(entries, width) {
  const rows = [[]];
  let x = 0;
  for (const e of entries) {
    const w = 26 + e.name.length * CHAR + 14;
    if (x + w > width && rows[rows.length - 1].length) { rows.push([]); x = 0; }
    rows[rows.length - 1].push({ ...e, w });
    x += w;
  }
  return rows.filter((r) => r.length);
}

/**
 * Renders one panel as an <svg> of `width` × `height` px. Returns {svg, x, y (scales), box, held} for the
 * crosshair. `held` are series of a held run, drawn dashed and lighter.
 */
export function renderPanel(panel, width, height, held = []) {
  const heldSeries = held.map((s) => ({ ...s, held: true }));
  const [x0, x1] = domain(panel, 'x', heldSeries);
  const [y0, y1] = domain(panel, 'y', heldSeries);
  const yt = panel.y.log ? logTicks(y0, y1) : null;
  const ylin = panel.y.log ? null : linearTicks(y0, y1, Math.max(5, Math.round(height / 50)));
  const yTicks = panel.y.log ? yt.major : ylin.ticks.map((v) => ({ v, label: tickLabel(v, ylin.step) }));
  const yLabelWidth = Math.max(...yTicks.map((t) => t.label.length), 2) * CHAR;
  const legendEntries = [...panel.series.map((s, i) => ({ name: s.name, color: seriesColor(s, i), style: s.style, dash: s.dash })),
    ...heldSeries.map((s, i) => ({ name: `held: ${s.name}`, color: seriesColor(s, i), style: s.style, dash: true, held: true }))]
    .filter((e) => e.name);
  const showLegend = legendEntries.length > 1 || (legendEntries.length === 1 && heldSeries.length);
  const titleH = panel.title ? 22 : 4;
  const left = 22 + yLabelWidth + 8, right = 14;
  const rows = showLegend ? legendRows(legendEntries, width - left - right) : [];
  const top = titleH + rows.length * 17 + 10, bottom = 50;
  const pw = Math.max(40, width - left - right), ph = Math.max(40, height - top - bottom);
  const xs = new Scale(x0, x1, !!panel.x.log, left, left + pw);
  const ys = new Scale(y0, y1, !!panel.y.log, top + ph, top);

  const root = svg('svg', { xmlns: SVGNS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT, 'font-size': 12, class: 'plot-svg' });
  root.append(svg('rect', { width, height, fill: '#ffffff' }));
  if (panel.title) root.append(svg('text', { x: left, y: 15, 'font-size': 13, 'font-weight': 600, fill: '#1d2733' }, panel.title));

  // Legend rows under the title.
  rows.forEach((row, r) => {
    let x = left;
    const y = titleH + 8 + r * 17;
    for (const e of row) {
      if (e.style === 'bars') root.append(svg('rect', { x, y: y - 5, width: 16, height: 10, fill: e.color, 'fill-opacity': e.held ? 0.35 : 0.85 }));
      else if (e.style === 'points') root.append(svg('circle', { cx: x + 8, cy: y, r: 3.5, fill: e.color, 'fill-opacity': e.held ? 0.4 : 1 }));
      else root.append(svg('line', { x1: x, y1: y, x2: x + 18, y2: y, stroke: e.color, 'stroke-width': 2.2, 'stroke-dasharray': e.dash ? '5 3' : null, 'stroke-opacity': e.held ? 0.55 : 1 }));
      root.append(svg('text', { x: x + 24, y: y + 4, fill: '#33404d' }, e.name));
      x += e.w;
    }
  });

  // Grid and ticks.
  const grid = svg('g', { stroke: '#e6eaef', 'stroke-width': 1 });
  const labels = svg('g', { fill: '#4a5663' });
  let xTicks;
  if (panel.x.categories) {
    xTicks = panel.x.categories.map((c, i) => ({ v: i, label: c }));
  } else if (panel.x.log) {
    const t = logTicks(x0, x1);
    xTicks = t.major;
    for (const m of t.minor) grid.append(svg('line', { x1: xs.map(m.v), x2: xs.map(m.v), y1: top, y2: top + ph, stroke: '#f1f3f6' }));
  } else {
    const t = linearTicks(x0, x1, Math.max(2, Math.floor(pw / 80)));
    xTicks = t.ticks.map((v) => ({ v, label: tickLabel(v, t.step) }));
  }
  if (panel.y.log) for (const m of yt.minor) grid.append(svg('line', { x1: left, x2: left + pw, y1: ys.map(m.v), y2: ys.map(m.v), stroke: '#f1f3f6' }));
  for (const t of xTicks) {
    const px = xs.map(t.v);
    if (!panel.x.categories) grid.append(svg('line', { x1: px, x2: px, y1: top, y2: top + ph }));
    labels.append(svg('text', { x: px, y: top + ph + 16, 'text-anchor': 'middle' }, t.label));
  }
  for (const t of yTicks) {
    const py = ys.map(t.v);
    grid.append(svg('line', { x1: left, x2: left + pw, y1: py, y2: py }));
    labels.append(svg('text', { x: left - 6, y: py + 4, 'text-anchor': 'end' }, t.label));
  }
  root.append(grid);
  if (!panel.y.log && y0 < 0 && y1 > 0) root.append(svg('line', { x1: left, x2: left + pw, y1: ys.map(0), y2: ys.map(0), stroke: '#9aa5b1', 'stroke-width': 1 }));
  root.append(labels);
  root.append(svg('text', { x: left + pw / 2, y: height - 10, 'text-anchor': 'middle', fill: '#1d2733' }, axisTitle(panel.x)));
  root.append(svg('text', { transform: `translate(13 ${top + ph / 2}) rotate(-90)`, 'text-anchor': 'middle', fill: '#1d2733' }, axisTitle(panel.y)));

  // Data, clipped to the plot area.
  const clipId = `clip${Math.random().toString(36).slice(2, 9)}`;
  const defs = svg('defs');
  const clip = svg('clipPath', { id: clipId });
  clip.append(svg('rect', { x: left, y: top, width: pw, height: ph }));
  defs.append(clip);
  root.append(defs);
  const data = svg('g', { 'clip-path': `url(#${clipId})` });
  const all = [...heldSeries.map((s, i) => ({ s, i })), ...panel.series.map((s, i) => ({ s, i }))];
  const barSeries = panel.series.filter((s) => s.style === 'bars');
  for (const { s, i } of all) {
    const color = seriesColor(s, i);
    const ok = (x, y) => Number.isFinite(x) && Number.isFinite(y) && (!panel.x.log || x > 0) && (!panel.y.log || y > 0);
    if (s.style === 'bars') {
      const k = barSeries.indexOf(s), n = Math.max(1, barSeries.length);
      const band = Math.abs(xs.map(1) - xs.map(0)) * (panel.arrows?.length ? 0.46 : 0.7);
      const w = band / n;
      s.x.forEach((x, j) => {
        const y = s.y[j];
        if (!ok(x, y)) return;
        const base = panel.y.log ? ys.map(y0) : ys.map(Math.max(y0, Math.min(y1, 0)));
        const py = ys.map(y);
        const px = xs.map(x) - band / 2 + (s.held ? 0 : k) * w;
        data.append(svg('rect', { x: px + 1, y: Math.min(py, base), width: Math.max(1, w - 2), height: Math.max(1, Math.abs(base - py)),
          fill: Array.isArray(s.colors) ? s.colors[j] : color, 'fill-opacity': s.held ? 0.25 : 0.85, stroke: s.held ? color : 'none', 'stroke-dasharray': s.held ? '4 3' : null }));
      });
    } else if (s.style === 'points') {
      s.x.forEach((x, j) => { if (ok(x, s.y[j])) data.append(svg('circle', { cx: xs.map(x), cy: ys.map(s.y[j]), r: 3.5, fill: color, 'fill-opacity': s.held ? 0.4 : 1 })); });
    } else {
      let d = '', pen = false;
      s.x.forEach((x, j) => {
        if (!ok(x, s.y[j])) { pen = false; return; }
        d += `${pen ? 'L' : 'M'}${xs.map(x).toFixed(1)} ${ys.map(s.y[j]).toFixed(1)}`;
        pen = true;
      });
      data.append(svg('path', { d, fill: 'none', stroke: color, 'stroke-width': s.held ? 1.8 : 2.2, 'stroke-linejoin': 'round',
        'stroke-dasharray': s.dash || s.held ? '6 4' : null, 'stroke-opacity': s.held ? 0.6 : 1 }));
    }
  }
  root.append(data);

  // Reference lines with labels; labels of nearby vertical lines are staggered so they never overlap.
  const placed = [];
  const xMarkers = (panel.markers || []).filter((m) => m.axis === 'x' && Number.isFinite(m.value)).map((m) => ({ m, px: xs.map(m.value) })).sort((a, b) => a.px - b.px);
  for (const { m, px } of xMarkers) {
    if (px < left - 0.5 || px > left + pw + 0.5) continue;
    const color = m.color || '#5b6673';
    root.append(svg('line', { x1: px, x2: px, y1: top, y2: top + ph, stroke: color, 'stroke-width': 1.3, 'stroke-dasharray': '5 4' }));
    if (!m.label) continue;
    const w = m.label.length * 6.2 + 4;
    const atEnd = px + 3 + w > left + pw;
    const x0 = atEnd ? px - 3 - w : px + 3;
    let row = 0;
    while (placed.some((p) => p.row === row && x0 < p.x1 && x0 + w > p.x0)) row += 1;
    placed.push({ row, x0, x1: x0 + w });
    root.append(svg('text', { x: atEnd ? px - 3 : px + 3, y: top + 12 + row * 13, fill: color, 'font-size': 11, 'text-anchor': atEnd ? 'end' : 'start', ...HALO }, m.label));
  }
  for (const m of panel.markers || []) {
    if (m.axis === 'x' || !Number.isFinite(m.value)) continue;
    const color = m.color || '#5b6673';
    const py = ys.map(m.value);
    if (py < top - 0.5 || py > top + ph + 0.5) continue;
    root.append(svg('line', { x1: left, x2: left + pw, y1: py, y2: py, stroke: color, 'stroke-width': m.label ? 1.8 : 1.2, 'stroke-dasharray': m.label ? '7 4' : '4 3' }));
    if (m.label) root.append(svg('text', { x: m.labelAt === 'start' ? left + 4 : left + pw - 4, y: py - 5, fill: color, 'text-anchor': m.labelAt === 'start' ? 'start' : 'end', 'font-size': 11.5, 'font-weight': 600, ...HALO }, m.label));
  }
  for (const a of panel.arrows || []) {
    const px = xs.map(a.x), p0 = ys.map(a.from), p1 = ys.map(a.to);
    if (Math.abs(p1 - p0) < 2) continue;
    const color = a.color || '#1d2733';
    const dir = Math.sign(p1 - p0), head = Math.min(7, Math.abs(p1 - p0) / 2);
    root.append(svg('line', { x1: px, x2: px, y1: p0, y2: p1 - dir * head, stroke: color, 'stroke-width': 2.4 }));
    root.append(svg('path', { d: `M${px - 5} ${p1 - dir * head}L${px + 5} ${p1 - dir * head}L${px} ${p1}Z`, fill: color }));
    if (a.label) {
      const flip = px + 6 + a.label.length * 6.4 > left + pw;
      root.append(svg('text', { x: flip ? px - 6 : px + 6, y: (p0 + p1) / 2 + 4, fill: color, 'font-size': 11, 'font-weight': 600, 'text-anchor': flip ? 'end' : 'start', ...HALO }, a.label));
    }
  }
  for (const n of panel.annotations || []) {
    root.append(svg('text', { x: xs.map(n.x), y: ys.map(n.y), fill: '#33404d', 'font-size': 11 }, n.text));
  }
  root.append(svg('rect', { x: left, y: top, width: pw, height: ph, fill: 'none', stroke: '#8b96a3' }));
  return { svg: root, xs, ys, box: { left, top, pw, ph }, heldSeries };
}

/** The figure as one standalone SVG document, panels stacked (as MembraneReport's SVGFigure does). */
export function figureToSVG(spec, held = null, width = 760, panelHeight = 380) {
  const panels = spec.panels || [];
  const doc = svg('svg', { xmlns: SVGNS, width, height: panels.length * panelHeight, viewBox: `0 0 ${width} ${panels.length * panelHeight}` });
  panels.forEach((p, i) => {
    const { svg: s } = renderPanel(p, width, panelHeight, held?.panels?.[i]?.series || []);
    s.setAttribute('y', String(i * panelHeight));
    s.removeAttribute('class');
    doc.append(s);
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc) + '\n';
}

/** y of series `s` at x (linear interpolation on a monotone x, else the nearest point); NaN outside. */
function valueAt(s, x) {
  const n = s.x.length;
  if (!n) return NaN;
  const inc = s.x[n - 1] >= s.x[0];
  let best = -1, bestD = Infinity;
  for (let j = 0; j < n - 1; j++) {
    const a = s.x[j], b = s.x[j + 1];
    if ((inc ? a <= x && x <= b : b <= x && x <= a) && a !== b) {
      return s.y[j] + ((x - a) / (b - a)) * (s.y[j + 1] - s.y[j]);
    }
  }
  for (let j = 0; j < n; j++) { const d = Math.abs(s.x[j] - x); if (d < bestD) { bestD = d; best = j; } }
  const span = Math.abs(s.x[n - 1] - s.x[0]) || 1;
  return bestD <= span * 0.02 ? s.y[best] : NaN;
}

function table(panel) {
  const details = document.createElement('details');
  details.className = 'data-table';
  const summary = document.createElement('summary');
  const t = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = panel.title || 'data';
  t.append(caption);
  const series = panel.series;
  const shared = series.length && series.every((s) => s.x.length === series[0].x.length && s.x.every((v, j) => v === series[0].x[j]));
  const head = t.createTHead().insertRow();
  const body = t.createTBody();
  const th = (text) => { const c = document.createElement('th'); c.scope = 'col'; c.textContent = text; head.append(c); };
  const yUnit = panel.y.unit ? ` (${panel.y.unit})` : '';
  let rows = 0;
  if (panel.x.categories) {
    th(panel.x.label || '');
    series.forEach((s) => th(`${s.name}${yUnit}`));
    panel.x.categories.forEach((c, i) => {
      const r = body.insertRow();
      r.insertCell().textContent = c;
      series.forEach((s) => { const j = s.x.indexOf(i); r.insertCell().textContent = j >= 0 ? readout(s.y[j]) : ''; });
      rows++;
    });
  } else if (shared) {
    th(axisTitle(panel.x));
    series.forEach((s) => th(`${s.name}${yUnit}`));
    const n = series[0].x.length, stride = Math.max(1, Math.ceil(n / 400));
    for (let j = 0; j < n; j += stride) {
      const r = body.insertRow();
      r.insertCell().textContent = readout(series[0].x[j]);
      series.forEach((s) => { r.insertCell().textContent = readout(s.y[j]); });
      rows++;
    }
  } else {
    th('series'); th(axisTitle(panel.x)); th(axisTitle(panel.y));
    for (const s of series) {
      const stride = Math.max(1, Math.ceil(s.x.length / 200));
      for (let j = 0; j < s.x.length; j += stride) {
        const r = body.insertRow();
        r.insertCell().textContent = s.name;
        r.insertCell().textContent = readout(s.x[j]);
        r.insertCell().textContent = readout(s.y[j]);
        rows++;
      }
    }
  }
  for (const m of panel.markers || []) {
    if (!m.label) continue;
    const r = body.insertRow();
    r.className = 'marker-row';
    const c = r.insertCell();
    c.colSpan = head.cells.length;
    c.textContent = `${m.label}: ${m.axis} = ${readout(m.value)}${m.axis === 'x' ? (panel.x.unit ? ' ' + panel.x.unit : '') : (panel.y.unit ? ' ' + panel.y.unit : '')}`;
  }
  summary.textContent = `Data table (${rows} row${rows === 1 ? '' : 's'})`;
  details.append(summary, t);
  return details;
}

/**
 * A figure on the page: each panel an SVG sized to its container (re-drawn on resize), a crosshair readout
 * that follows the pointer or the arrow keys, and a data table as its text alternative.
 */
export class FigureView {
  constructor({ height = 300, label = 'plot' } = {}) {
    this.height = height;
    this.label = label;
    this.element = document.createElement('div');
    this.element.className = 'figure';
    this.spec = null;
    this.held = null;
    this.width = 0;
    this.observer = new ResizeObserver(() => {
      const w = Math.floor(this.element.clientWidth);
      if (w && Math.abs(w - this.width) > 2) this.draw();
    });
    this.observer.observe(this.element);
  }

  set(spec, held = null) {
    this.spec = spec;
    this.held = held;
    this.draw();
  }

  draw() {
    const width = Math.floor(this.element.clientWidth) || 640;
    this.width = width;
    this.element.replaceChildren();
    if (!this.spec) return;
    (this.spec.panels || []).forEach((panel, i) => {
      const h = panel.height || this.height;
      const wrap = document.createElement('div');
      wrap.className = 'plot-panel';
      const view = renderPanel(panel, width, h, this.held?.panels?.[i]?.series || []);
      const s = view.svg;
      s.setAttribute('tabindex', '0');
      s.setAttribute('role', 'img');
      s.setAttribute('aria-label', `${panel.title || this.label}: ${axisTitle(panel.y)} against ${axisTitle(panel.x)}. `
        + 'Arrow keys move a crosshair; the data table below lists the values.');
      const out = document.createElement('div');
      out.className = 'crosshair-readout';
      out.setAttribute('aria-live', 'polite');
      out.textContent = '\u00a0';
      this.crosshair(panel, view, out);
      wrap.append(s, out, table(panel));
      this.element.append(wrap);
    });
  }

  crosshair(panel, view, out) {
    const { svg: s, xs, ys, box } = view;
    const g = document.createElementNS(SVGNS, 'g');
    g.setAttribute('pointer-events', 'none');
    s.append(g);
    const allSeries = [...panel.series, ...view.heldSeries];
    const xsAll = [...new Set(panel.series.flatMap((q) => q.x))].filter(Number.isFinite).sort((a, b) => a - b);
    let index = -1;
    const show = (x, py) => {
      g.replaceChildren();
      if (!Number.isFinite(x)) { out.textContent = '\u00a0'; return; }
      const px = xs.map(x);
      g.append(svg('line', { x1: px, x2: px, y1: box.top, y2: box.top + box.ph, stroke: '#1d2733', 'stroke-opacity': 0.45 }));
      if (py !== undefined) g.append(svg('line', { x1: box.left, x2: box.left + box.pw, y1: py, y2: py, stroke: '#1d2733', 'stroke-opacity': 0.25 }));
      const parts = [];
      if (panel.x.categories) {
        const i = Math.round(x);
        parts.push(panel.x.categories[i] ?? '');
        for (const q of allSeries) { const j = q.x.indexOf(i); if (j >= 0) parts.push(`${q.held ? 'held ' : ''}${q.name} ${readout(q.y[j])}${panel.y.unit ? ' ' + panel.y.unit : ''}`); }
      } else {
        parts.push(`${panel.x.label} ${readout(x)}${panel.x.unit ? ' ' + panel.x.unit : ''}`);
        allSeries.forEach((q, i) => {
          const y = valueAt(q, x);
          if (!Number.isFinite(y)) return;
          if (!panel.y.log || y > 0) g.append(svg('circle', { cx: px, cy: ys.map(y), r: 3.5, fill: '#fff', stroke: q.color || PALETTE[i % PALETTE.length], 'stroke-width': 2 }));
          parts.push(`${q.held ? 'held ' : ''}${q.name} ${readout(y)}`);
        });
        if (py !== undefined) parts.push(`(cursor ${panel.y.label} ${readout(ys.invert(py))}${panel.y.unit ? ' ' + panel.y.unit : ''})`);
        else if (panel.y.unit) parts[parts.length - 1] += ` ${panel.y.unit}`;
      }
      out.textContent = parts.join(' · ');
    };
    const point = (ev) => {
      const r = s.getBoundingClientRect();
      const sx = ((ev.clientX - r.left) / r.width) * Number(s.getAttribute('width'));
      const sy = ((ev.clientY - r.top) / r.height) * Number(s.getAttribute('height'));
      if (sx < box.left || sx > box.left + box.pw || sy < box.top || sy > box.top + box.ph) { show(NaN); return; }
      let x = xs.invert(sx);
      if (panel.x.categories) x = Math.max(0, Math.min(panel.x.categories.length - 1, Math.round(x)));
      show(x, panel.x.categories ? undefined : sy);
    };
    s.addEventListener('pointermove', point);
    s.addEventListener('pointerdown', point);
    s.addEventListener('pointerleave', () => show(NaN));
    s.addEventListener('blur', () => show(NaN));
    s.addEventListener('keydown', (ev) => {
      const n = panel.x.categories ? panel.x.categories.length : xsAll.length;
      if (!n) return;
      const stepSize = ev.shiftKey ? Math.max(1, Math.round(n / 10)) : 1;
      if (ev.key === 'ArrowRight') index = Math.min(n - 1, index + stepSize);
      else if (ev.key === 'ArrowLeft') index = Math.max(0, index < 0 ? 0 : index - stepSize);
      else if (ev.key === 'Home') index = 0;
      else if (ev.key === 'End') index = n - 1;
      else if (ev.key === 'Escape') { index = -1; show(NaN); return; } else return;
      ev.preventDefault();
      show(panel.x.categories ? index : xsAll[index]);
    });
  }
}
