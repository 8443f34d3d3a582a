// The JSON API of `membrane serve` (docs: INTERFACE.md, "The JSON API of `membrane serve`").
// POST /api/COMMAND with the command's long options as keys; the answer is what `membrane COMMAND --json`
// prints; bad input answers 400 with {"error": {"field", "value", "message"}}. Same origin only.

/** An error answer of the API, naming the request field that was wrong. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message || `the server answered ${status}`);
    this.status = status;
    this.field = error?.field || null;
    this.value = error?.value ?? null;
  }
}

/** The version the server reports in its `X-Membrane-Version` header, once a request has answered. */
export const server = { version: null };

async function call(path, init) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { message: 'the workbench server does not answer (is `membrane serve` still running?)' });
  }
  server.version = response.headers.get('X-Membrane-Version') || server.version;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below */ }
  if (!response.ok) throw new ApiError(response.status, json?.error || { message: text.slice(0, 300) });
  if (json === null) throw new ApiError(response.status, { message: 'the server answered with something that is not JSON' });
  return json;
}

/** Runs `command` (e.g. `ghk`, `simulate/pump-leak`) with `body`; rejects with ApiError or AbortError. */
export function post(command, body, signal) {
  return call(`/api/${command}`, {
    method: 'POST', signal,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The figure (spec v1, see plot.js) that `membrane COMMAND --plot` draws, for the same body. */
export function plotFigure(command, body, signal) {
  return call(`/api/plot/${command}`, {
    method: 'POST', signal,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const cache = new Map();
/** GET a list that does not change while the page is open (`presets`, `ions`), fetched once. */
export function list(name) {
  if (!cache.has(name)) {
    const p = call(`/api/${name}`, { method: 'GET' });
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return cache.get(name);
}

/**
 * Live recomputation: `run(signal)` is called `delay` ms after the last `schedule()`; a newer schedule aborts
 * the request in flight, so a slider drag never shows a stale answer.
 */
export class LiveRunner {
  constructor(run, { delay = 90, onBusy = () => {} } = {}) {
    this.run = run;
    this.delay = delay;
    this.onBusy = onBusy;
    this.timer = null;
    this.controller = null;
    this.generation = 0;
  }

  schedule(immediate = false) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), immediate ? 0 : this.delay);
  }

  async fire() {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    this.onBusy(true);
    try {
      await this.run(controller.signal, () => generation === this.generation);
    } catch (e) {
      if (e.name !== 'AbortError') throw e;
    } finally {
      if (generation === this.generation) this.onBusy(false);
    }
  }

  cancel() {
    clearTimeout(this.timer);
    this.controller?.abort();
  }
}

/** Runs `tasks` (functions of a signal returning promises) with at most `limit` in flight, in order. */
export async function runPool(tasks, limit, signal, onProgress = () => {}) {
  const results = new Array(tasks.length);
  let next = 0, done = 0;
  async function worker() {
    while (next < tasks.length) {
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
      const i = next++;
      try { results[i] = { value: await tasks[i](signal) }; } catch (e) {
        if (e.name === 'AbortError') throw e;
        results[i] = { error: e };
      }
      onProgress(++done, tasks.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

// ---- The equivalent command line -------------------------------------------------------------------------

function quote(word) {
  const s = String(word);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (!/[$`"\\!]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A request value as the command line writes it ({"K":140} → "K=140"). */
function cliValue(value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).map(([k, v]) => `${k}=${v}`).join(', ');
  }
  return String(value);
}

/**
 * The `membrane` command that prints the same JSON as `POST /api/COMMAND` with `body`. Positional arguments
 * (`recipe`) come first; `config` objects are written to a file named `config.json`.
 */
export function commandLine(command, body) {
  const words = ['membrane', ...command.split('/')];
  const options = [];
  let configFile = null;
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined || value === false) continue;
    if (command === 'recipe' && key === 'recipe') { words.push(quote(value)); continue; }
    if (key === 'config' && typeof value === 'object') {
      configFile = value;
      options.push('--config', 'config.json');
      continue;
    }
    if (value === true) { options.push(`--${key}`); continue; }
    for (const v of Array.isArray(value) ? value : [value]) options.push(`--${key}`, quote(cliValue(v)));
  }
  const line = [...words, ...options, '--json'].join(' ');
  return configFile ? `cat > config.json <<'EOF'\n${JSON.stringify(configFile, null, 2)}\nEOF\n${line}` : line;
}
