// What the lesson mode keeps in this browser (localStorage, never sent anywhere; no accounts): each lesson's
// progress (the answers given, their verdicts as the server graded them, the hints shown, the question open) and
// the lesson files a teacher uploaded. When the browser's storage is off, the same works for the open page only.

const PREFIX = 'membrane.lesson.v1.';
const UPLOADS = `${PREFIX}uploads`;
const memory = new Map();

function storage() {
  try {
    const s = window.localStorage;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
const local = storage();

/** Whether progress outlives the page (false: the browser's storage is off or full). */
export const persistent = local !== null;

function read(key) {
  const text = local ? local.getItem(key) : memory.get(key);
  if (!text) return null;
  try { return JSON.parse(text); } catch { return null; }
}

function write(key, value) {
  const text = JSON.stringify(value);
  if (local) {
    try { local.setItem(key, text); return true; } catch { /* full: keep it for this page */ }
  }
  memory.set(key, text);
  return false;
}

function remove(key) {
  if (local) local.removeItem(key);
  memory.delete(key);
}

/** 32-bit FNV-1a of a text, in hex: tells an uploaded file's versions apart (not a security measure). */
export function fingerprint(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A lesson's progress: { answers: {id: {given, correct, attempts, firstCorrect, result}}, hints: {id: n},
 * current: index }. `result` is the question's object of POST /api/lesson/grade, shown again without asking.
 */
export function progress(key) {
  const p = read(`${PREFIX}progress.${key}`);
  return {
    answers: p && typeof p.answers === 'object' && p.answers ? p.answers : {},
    hints: p && typeof p.hints === 'object' && p.hints ? p.hints : {},
    current: Number.isInteger(p?.current) ? p.current : 0,
  };
}

export function saveProgress(key, p) {
  write(`${PREFIX}progress.${key}`, { ...p, saved: new Date().toISOString() });
}

export function clearProgress(key) { remove(`${PREFIX}progress.${key}`); }

/** The progress key of a built-in lesson, and of an uploaded file's version. */
export function builtInKey(name) { return `name.${name}`; }
export function uploadKey(file, text) { return `file.${file}.${fingerprint(text)}`; }

/** Uploaded lesson files: { file name: {text, title, saved} }. */
export function uploads() {
  const u = read(UPLOADS);
  return u && typeof u === 'object' ? u : {};
}

export function saveUpload(file, title, text) {
  const all = uploads();
  if (all[file] && all[file].text !== text) clearProgress(uploadKey(file, all[file].text)); // a new version starts afresh
  all[file] = { text, title, saved: new Date().toISOString() };
  return write(UPLOADS, all);
}

export function removeUpload(file) {
  const all = uploads();
  const entry = all[file];
  delete all[file];
  write(UPLOADS, all);
  if (entry) clearProgress(uploadKey(file, entry.text));
}
