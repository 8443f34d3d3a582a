// Lessons (docs/lessons.md): guided exercises that check themselves. #v1/lesson lists the lessons (with whether
// this build can run each, and this browser's progress) and takes a teacher's lesson file by upload;
// #v1/lesson?name=nernst-valence opens one: the goal, steps and equation beside the lesson's panel, set up from
// the lesson's `workbench.hash`; then the questions one at a time — a number with its unit, or a choice — with
// hints; "Check" sends that one answer to the server, which answers the verdict, the feedback for a recognised
// mistake, the explanation and the worked equation with the student's numbers. Progress stays in this browser.
// Requests: /api/lesson/list, /api/lesson/show and /api/lesson/grade (never lesson/key: the page learns an answer
// only by checking one). An uploaded lesson travels as its text (`lesson-file`) with each request.
//
// Not a PanelHost panel: this module brings its own host (`Host`), which app.js uses like the others (build,
// restore, state, stop) and which borrows the lesson's panel host to show it beside the lesson.

import { post, ApiError } from './api.js';
import { h, num, nextId, mathFromMarkup, copyText } from './ui.js';
import * as store from './lesson-store.js';

/** Larger files would not fit the server's body limit once written as JSON. */
const MAX_UPLOAD_BYTES = 200 * 1024;

let listRequest = null;
/** POST /api/lesson/list, once per page. */
function lessonList() {
  if (!listRequest) {
    listRequest = post('lesson/list', {});
    listRequest.catch(() => { listRequest = null; });
  }
  return listRequest;
}

/** A problem in a file the server checked, with the offending line quoted from the text. */
function fileError(error, fileName, text) {
  const box = h('div', { class: 'error-banner lesson-file-error', role: 'alert', data: { testid: 'lesson-upload-error' } });
  const message = String(error.message || error).replace(/^lesson-file(?=[:\s])/, fileName);
  box.append(h('strong', { text: 'The lesson file was not accepted: ' }), document.createTextNode(message));
  const at = /^lesson-file:(\d+):(\d+)/.exec(error.field || '');
  const lines = String(text).split('\n');
  if (at && Number(at[1]) <= lines.length) {
    const line = Number(at[1]), column = Number(at[2]);
    const shown = [line - 1, line].filter((l) => l >= 1).map((l) => `${String(l).padStart(4)} | ${lines[l - 1]}`);
    shown.push(`${' '.repeat(4)} | ${' '.repeat(Math.max(0, column - 1))}^`);
    box.append(h('pre', { class: 'file-excerpt', aria: { label: `${fileName}, line ${line}` } }, h('code', { text: shown.join('\n') })));
  }
  return box;
}

/** A file picker for a teacher's lesson; `onText(name, text)` gets the chosen file's text. */
function uploadControl(onText, label = 'Upload a lesson file') {
  const id = nextId('upload');
  const input = h('input', { type: 'file', id, accept: '.yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain', data: { testid: 'lesson-upload' } });
  const status = h('div', { class: 'upload-status', aria: { live: 'polite' } });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    status.replaceChildren();
    if (file.size > MAX_UPLOAD_BYTES) {
      status.append(h('p', { class: 'error-banner', role: 'alert', text: `“${file.name}” is ${num(file.size / 1024, 3)} KiB; a lesson file may be at most ${MAX_UPLOAD_BYTES / 1024} KiB.` }));
      input.value = '';
      return;
    }
    let text;
    try { text = await file.text(); } catch {
      status.append(h('p', { class: 'error-banner', role: 'alert', text: `“${file.name}” could not be read.` }));
      return;
    }
    status.append(h('p', { class: 'hint', text: `Checking “${file.name}”…` }));
    const error = await onText(file.name, text);
    status.replaceChildren();
    if (error) status.append(error);
    input.value = ''; // the same file, corrected, can be chosen again
  });
  return h('div', { class: 'lesson-upload-control' },
    h('label', { for: id, text: label }), input, status);
}

/** Checks a teacher's file on the server; on success keeps it in this browser and opens it with `open(name)`. */
async function acceptUpload(name, text, open) {
  try {
    const sheet = await post('lesson/show', { 'lesson-file': text });
    store.saveUpload(name, sheet.title, text);
    open(name);
    return null;
  } catch (e) {
    return fileError(e, name, text);
  }
}

/** The number the page shows for a value of the server's answer (tolerance bounds, the answer). */
function value(x) { return typeof x === 'number' ? num(x, 4) : String(x); }

class LessonHost {
  constructor(panel, { onState, hostFor, parseHash }) {
    this.panel = panel;
    this.onState = onState;
    this.hostFor = hostFor;
    this.parseHash = parseHash;
    this.params = {};
    this.generation = 0;
    this.stage = null;
    this.built = false;
    this.element = h('section', { class: 'lesson-mode', id: 'panel-lesson' });
  }

  build() {
    if (this.built) return;
    this.built = true;
    this.home = h('div', { class: 'lesson-home' });
    this.view = h('div', { class: 'lesson-view', hidden: true });
    this.element.append(this.home, this.view);
  }

  /** The URL state: the lesson open (`name`, or `file` for an upload), or nothing for the list. */
  state() {
    if (this.params.name) return { name: this.params.name };
    if (this.params.file) return { file: this.params.file };
    return {};
  }

  restore(params) {
    this.build();
    this.params = params.name ? { name: params.name } : params.file ? { file: params.file } : {};
    const generation = ++this.generation;
    if (this.params.name || this.params.file) this.open(generation);
    else this.showHome(generation);
  }

  stop() {
    this.generation += 1;
    this.stage?.stop();
  }

  /** Gives the borrowed panel back (app.js moves it into the page when it is opened on its own). */
  releaseStage() {
    if (!this.stage) return;
    this.stage.stop();
    this.stage.element.remove();
    this.stage = null;
  }

  // ---- the list of lessons ----

  async showHome(generation) {
    this.releaseStage();
    this.view.hidden = true;
    this.home.hidden = false;
    this.element.setAttribute('aria-labelledby', 'lesson-home-title');
    document.title = 'Lessons · Membrane workbench';
    const list = h('ul', { class: 'lesson-list', aria: { busy: 'true' } }, h('li', { class: 'hint', text: 'Loading the lessons…' }));
    this.home.replaceChildren(
      h('header', { class: 'panel-head' }, h('div', {},
        h('h2', { id: 'lesson-home-title', text: 'Lessons' }),
        h('p', { class: 'summary', text: 'Guided exercises from the textbook chapters: each sets up a panel, asks, checks your answer within its tolerance, and explains it with your numbers in the equation. Your progress stays in this browser.' }))),
      list,
      this.uploadSection());
    try {
      const lessons = await lessonList();
      if (generation !== this.generation) return;
      list.replaceChildren(...lessons.map((l) => this.lessonCard(l)));
    } catch (e) {
      if (generation !== this.generation) return;
      list.replaceChildren(h('li', { class: 'error-banner', role: 'alert', text: `The lessons could not be listed: ${e.message}` }));
    }
    list.setAttribute('aria-busy', 'false');
  }

  lessonCard(l) {
    const p = store.progress(store.builtInKey(l.name));
    const answers = Object.values(p.answers);
    const right = answers.filter((a) => a.correct).length;
    const panelTitle = l.panel ? this.hostFor(l.panel)?.panel.title : null;
    const meta = [panelTitle ? `${panelTitle} panel` : null, `${l.questions} question${l.questions === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
    let status;
    if (!l.available) status = h('span', { class: 'badge unavailable', text: `not in this build: needs ${(l.requires || []).map((c) => `membrane ${c.replace('/', ' ')}`).join(', ')}` });
    else if (!answers.length) status = h('span', { class: 'badge', text: 'not started' });
    else status = h('span', { class: `badge ${answers.length === l.questions ? 'done' : 'started'}`, text: answers.length === l.questions ? `done: ${right} of ${l.questions} right` : `${answers.length} of ${l.questions} answered` });
    const title = l.available
      ? h('a', { href: `#v1/lesson?name=${encodeURIComponent(l.name)}`, class: 'lesson-link', text: l.title, data: { lesson: l.name } })
      : h('span', { class: 'lesson-link', text: l.title, aria: { disabled: 'true' } });
    return h('li', { class: `lesson-card${l.available ? '' : ' is-unavailable'}` },
      h('h3', {}, title),
      h('p', { class: 'lesson-meta' }, h('span', { text: meta }), status),
      l.available && answers.length ? h('progress', { max: l.questions, value: right, aria: { label: `${right} of ${l.questions} right` } }) : null);
  }

  uploadSection() {
    const uploads = Object.entries(store.uploads());
    return h('section', { class: 'lesson-upload', aria: { labelledby: 'lesson-upload-title' } },
      h('h3', { id: 'lesson-upload-title', text: 'Your own lesson' }),
      h('p', { class: 'hint', text: 'A lesson file (YAML, see docs/lessons.md) is checked by the server exactly as `membrane lesson --lesson-file` checks it; errors name the line. The file stays in this browser.' }),
      uploadControl((name, text) => acceptUpload(name, text, (file) => this.openUpload(file))),
      uploads.length ? h('ul', { class: 'upload-list', aria: { label: 'Uploaded lessons' } }, ...uploads.map(([file, u]) => h('li', {},
        h('a', { href: `#v1/lesson?file=${encodeURIComponent(file)}`, text: u.title || file }),
        h('span', { class: 'hint', text: ` ${file}` }),
        h('button', { type: 'button', class: 'small', text: 'Remove', aria: { label: `Remove ${file} and its progress from this browser` },
          on: { click: () => { store.removeUpload(file); this.showHome(++this.generation); } } })))) : null);
  }

  // ---- one lesson ----

  /** Opens an uploaded lesson: by its URL, or at once when the URL already is its (uploaded again). */
  openUpload(file) {
    const target = `#v1/lesson?file=${encodeURIComponent(file)}`;
    if (location.hash === target) this.restore({ file });
    else location.hash = target;
  }

  async open(generation) {
    this.home.hidden = true;
    this.view.hidden = false;
    this.element.setAttribute('aria-labelledby', 'lesson-title');
    const back = h('p', { class: 'lesson-back' }, h('a', { href: '#v1/lesson', text: '← All lessons' }));
    const { name, file } = this.params;
    let request, key, label;
    if (name) {
      request = { name };
      key = store.builtInKey(name);
      label = name;
    } else {
      const upload = store.uploads()[file];
      if (!upload) {
        this.releaseStage();
        this.view.replaceChildren(h('div', { class: 'lesson-missing' }, back,
          h('h2', { id: 'lesson-title', text: 'This lesson is not in this browser' }),
          h('p', { text: `“${file}” was uploaded in another browser (uploads stay where they were made). Upload it here to open it.` }),
          uploadControl((name, text) => acceptUpload(name, text, (f) => this.openUpload(f)), `Upload “${file}”`)));
        return;
      }
      request = { 'lesson-file': upload.text };
      key = store.uploadKey(file, upload.text);
      label = file;
    }
    this.view.replaceChildren(back, h('p', { class: 'hint', id: 'lesson-title', text: `Loading the lesson “${label}”…` }));
    let sheet;
    try {
      sheet = await post('lesson/show', request);
    } catch (e) {
      if (generation !== this.generation) return;
      this.releaseStage();
      this.view.replaceChildren(back, h('h2', { id: 'lesson-title', text: 'The lesson could not be opened' }),
        file ? fileError(e, file, request['lesson-file']) : h('p', { class: 'error-banner', role: 'alert', text: e.message }));
      return;
    }
    if (generation !== this.generation) return;
    this.lesson = { sheet, request, key, file, progress: store.progress(key) };
    this.lesson.progress.current = Math.min(Math.max(0, this.lesson.progress.current), sheet.questions.length - 1);
    document.title = `${sheet.title} · Lessons · Membrane workbench`;
    this.renderLesson(back);
    this.setUpStage();
  }

  /** Borrows the lesson's panel and sets it up from the lesson's `workbench.hash` (inputs not named: defaults). */
  setUpStage() {
    const hash = this.lesson.sheet.workbench?.hash;
    const target = hash ? this.parseHash(hash) : null;
    const host = target?.known ? this.hostFor(target.id) : null;
    if (this.stage && this.stage !== host) this.releaseStage();
    this.layout.classList.toggle('no-stage', !host);
    if (!host) return;
    this.stage = host;
    host.element.hidden = false;
    this.stageBox.replaceChildren(host.element);
    host.setUp(target.params);
  }

  renderLesson(back) {
    const { sheet } = this.lesson;
    const panelTitle = sheet.workbench ? this.hostFor(sheet.workbench.panel)?.panel.title : null;
    this.progressArea = h('div', { class: 'lesson-progress' });
    this.steps = h('nav', { class: 'q-steps', aria: { label: 'Questions' } });
    this.questionSlot = h('div', { class: 'question-slot' });
    this.verdict = h('div', { class: 'verdict', role: 'status', data: { testid: 'lesson-verdict' } });
    const equation = sheet.equation ? (mathFromMarkup(sheet.equation.mathml) || h('p', { text: sheet.equation.text })) : null;
    const commands = [...(sheet.commands || []), this.lesson.file ? `membrane lesson --lesson-file ${this.lesson.file}` : `membrane lesson ${sheet.name}`];
    const commandText = commands.join('\n');
    const pane = h('article', { class: 'lesson-pane', aria: { labelledby: 'lesson-title' } },
      back,
      h('header', { class: 'lesson-head' },
        h('p', { class: 'kicker', text: panelTitle ? `Lesson · with the ${panelTitle} panel` : 'Lesson' }),
        h('h2', { id: 'lesson-title', text: sheet.title })),
      h('p', { class: 'lesson-goal' }, h('strong', { text: 'Goal. ' }), document.createTextNode(sheet.goal)),
      equation ? h('div', { class: 'lesson-equation', role: 'figure', aria: { label: `The equation: ${sheet.equation.text}` } }, equation) : null,
      h('details', { class: 'lesson-steps', open: true },
        h('summary', { text: 'What to do' }),
        h('ol', {}, ...sheet.steps.map((s) => h('li', { text: s }))),
        sheet.workbench ? h('button', { type: 'button', class: 'small', text: 'Set the panel up again', title: 'Put the panel back to the lesson’s inputs', on: { click: () => this.setUpStage() } }) : null),
      this.progressArea,
      this.steps,
      this.questionSlot,
      this.verdict,
      h('footer', { class: 'lesson-foot' },
        h('details', {},
          h('summary', { text: 'Run it in a terminal' }),
          h('p', { class: 'hint', text: 'The commands whose results hold the answers, and the lesson itself on the command line:' }),
          h('div', { class: 'code-block' }, h('pre', {}, h('code', { text: commandText })),
            h('button', { type: 'button', class: 'small copy', text: 'Copy', on: { click: (e) => copyText(commandText, e.currentTarget) } }))),
        sheet.source ? h('details', {}, h('summary', { text: 'Source' }), h('p', { class: 'hint', text: sheet.source })) : null,
        h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'small', text: 'Reset progress', data: { testid: 'lesson-reset' }, on: { click: () => this.resetProgress() } }),
          h('span', { class: 'hint', text: store.persistent ? 'Your answers are kept in this browser only.' : 'This browser keeps no progress (its storage is off): answers last while the page is open.' }))));
    this.stageBox = h('div', { class: 'lesson-stage', aria: { label: panelTitle ? `${panelTitle} panel, set up for the lesson` : 'panel' }, role: 'region' });
    this.layout = h('div', { class: 'lesson-layout' }, pane, this.stageBox);
    this.view.replaceChildren(this.layout);
    this.showQuestion(this.lesson.progress.current, false);
  }

  save() { store.saveProgress(this.lesson.key, this.lesson.progress); }

  resetProgress() {
    store.clearProgress(this.lesson.key);
    this.lesson.progress = store.progress(this.lesson.key);
    this.showQuestion(0, true);
  }

  showQuestion(index, focus) {
    const { sheet, progress } = this.lesson;
    progress.current = index;
    this.save();
    this.renderProgress();
    this.renderSteps();
    const q = sheet.questions[index];
    const record = progress.answers[q.id];
    const askId = nextId('ask'), titleId = nextId('qt'), tolId = nextId('tol'), messageId = nextId('msg');
    const message = h('p', { class: 'field-message', id: messageId, aria: { live: 'polite' } });
    let input = null, radios = [];
    let answerArea;
    if (q.kind === 'choice') {
      radios = q.choices.map((c) => h('input', { type: 'radio', name: `choice-${q.id}`, value: c.key, checked: record?.given === c.key, data: { testid: `lesson-choice-${c.key}` } }));
      answerArea = h('fieldset', { class: 'choices', aria: { describedby: `${askId} ${messageId}` } },
        h('legend', { text: 'Your answer' }),
        ...q.choices.map((c, k) => h('label', { class: 'choice' }, radios[k], h('span', { text: c.text }))));
    } else {
      const id = nextId('answer');
      input = h('input', {
        type: 'text', id, class: 'answer', autocomplete: 'off', spellcheck: false, enterkeyhint: 'done',
        value: record?.given ?? '', placeholder: 'a number', data: { testid: 'lesson-answer' },
        aria: { describedby: `${askId} ${tolId} ${messageId}` },
      });
      answerArea = h('div', { class: 'answer-field' },
        h('label', { for: id, text: 'Your answer' }),
        h('div', { class: 'answer-row' }, input, q.unit ? h('span', { class: 'unit', text: q.unit }) : null),
        h('p', { class: 'hint', id: tolId, text: `Accepted within ${q.tolerance?.text ?? 'the lesson’s tolerance'}. A typed unit is fine (“${q.unit ? `−12.3 ${q.unit}` : '−12.3'}”).` }));
    }
    const hints = h('ol', { class: 'hints', aria: { live: 'polite', label: 'Hints' } });
    const hintButton = q.hints.length ? h('button', { type: 'button', data: { testid: 'lesson-hint' } }) : null;
    const showHints = (n) => {
      const shown = Math.min(n, q.hints.length);
      hints.replaceChildren(...q.hints.slice(0, shown).map((t) => h('li', { text: t })));
      if (!hintButton) return;
      hintButton.textContent = shown ? (shown < q.hints.length ? `Another hint (${q.hints.length - shown} left)` : 'No more hints') : `Hint (${q.hints.length})`;
      hintButton.disabled = shown >= q.hints.length;
    };
    showHints(progress.hints[q.id] || 0);
    hintButton?.addEventListener('click', () => {
      progress.hints[q.id] = (progress.hints[q.id] || 0) + 1;
      this.save();
      showHints(progress.hints[q.id]);
    });
    const last = index === sheet.questions.length - 1;
    const check = h('button', { type: 'submit', class: 'primary', text: 'Check', data: { testid: 'lesson-check' } });
    const form = h('form', { class: 'question-card', novalidate: true, aria: { labelledby: titleId } },
      h('h3', { id: titleId, text: `Question ${q.number} of ${sheet.questions.length}` }),
      h('p', { class: 'q-ask', id: askId, text: q.ask }),
      answerArea,
      message,
      h('div', { class: 'q-actions' },
        check,
        hintButton,
        h('span', { class: 'spacer' }),
        index > 0 ? h('button', { type: 'button', text: '← Previous', on: { click: () => this.showQuestion(index - 1, true) } }) : null,
        !last ? h('button', { type: 'button', text: 'Next question →', data: { testid: 'lesson-next' }, on: { click: () => this.showQuestion(index + 1, true) } }) : null),
      hints);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const given = q.kind === 'choice' ? radios.find((r) => r.checked)?.value : input.value.trim();
      if (!given) {
        message.textContent = q.kind === 'choice' ? 'Choose an answer first.' : 'Type your answer first.';
        (input || radios[0]).focus();
        return;
      }
      this.check(q, given, { check, message, input });
    });
    this.questionSlot.replaceChildren(form);
    this.renderVerdict(q, record);
    if (focus) (input || radios.find((r) => r.checked) || radios[0])?.focus();
  }

  async check(q, given, { check, message, input }) {
    const { progress, request } = this.lesson;
    const generation = this.generation;
    check.disabled = true;
    message.textContent = '';
    input?.removeAttribute('aria-invalid');
    try {
      const graded = await post('lesson/grade', { ...request, answers: { [q.id]: given } });
      if (generation !== this.generation) return;
      const result = graded.questions.find((x) => x.id === q.id);
      const record = progress.answers[q.id] || { attempts: 0 };
      record.attempts += 1;
      record.given = given;
      record.correct = !!result.correct;
      if (record.attempts === 1) record.firstCorrect = record.correct;
      record.result = result;
      progress.answers[q.id] = record;
      this.save();
      this.renderProgress();
      this.renderSteps();
      this.renderVerdict(q, record);
    } catch (e) {
      if (generation !== this.generation) return;
      if (e instanceof ApiError && e.field?.startsWith('answers')) {
        // The answer itself cannot be read (a word for a number, an unknown choice): say so at the box.
        message.textContent = e.message.replace(/^answers\.[^:]*:\s*/, '');
        input?.setAttribute('aria-invalid', 'true');
        input?.focus();
      } else {
        message.textContent = `Not checked: ${e.message}`;
      }
    } finally {
      check.disabled = false;
    }
  }

  renderVerdict(q, record) {
    const box = this.verdict;
    box.replaceChildren();
    box.className = 'verdict';
    delete box.dataset.verdict;
    delete box.dataset.given;
    const r = record?.result;
    if (!r) return;
    const right = !!r.correct;
    box.classList.add(right ? 'right' : 'wrong');
    box.dataset.verdict = right ? 'right' : 'wrong';
    box.dataset.given = record.given;
    const unit = r.unit ? ` ${r.unit}` : '';
    let line;
    if (q.kind === 'choice') {
      const text = (key) => q.choices.find((c) => c.key.toLowerCase() === String(key).toLowerCase())?.text ?? String(key);
      line = `You chose “${text(record.given)}”.` + (right ? '' : ` The answer is “${text(r.answer)}”.`);
    } else {
      line = `You answered ${record.given.replace(/^-/, '−')}${/[a-zA-Zµ%°]/.test(record.given) ? '' : unit}; `
        + (r.accepted ? `accepted: ${value(r.accepted.min)} to ${value(r.accepted.max)}${unit}` : `the answer is ${value(r.answer)}${unit}`) + '.';
    }
    box.append(...[
      h('p', { class: 'verdict-line' }, h('strong', { text: right ? '✓ Right. ' : '✗ Not right. ' }), document.createTextNode(line),
        record.attempts > 1 ? h('span', { class: 'hint', text: ` (attempt ${record.attempts})` }) : null),
      r.feedback?.length ? h('ul', { class: 'feedback' }, ...r.feedback.map((f) => h('li', { text: f }))) : null,
      r.explanation ? h('p', { class: 'explanation', data: { testid: 'lesson-explanation' }, text: r.explanation }) : null,
      r.worked ? h('div', { class: 'worked', data: { testid: 'lesson-worked' }, role: 'figure', aria: { label: `Worked: ${r.worked.text}` } },
        mathFromMarkup(r.worked.mathml) || h('p', { text: r.worked.text })) : null,
      right ? null : h('p', { class: 'hint', text: 'Change your answer and check again, or go on: the summary counts your latest answers and, apart, your first tries.' }),
    ].filter(Boolean));
  }

  renderSteps() {
    const { sheet, progress } = this.lesson;
    this.steps.replaceChildren(h('ol', {}, ...sheet.questions.map((q, k) => {
      const r = progress.answers[q.id];
      const state = !r ? 'open' : r.correct ? 'right' : 'wrong';
      const said = { open: 'not answered', right: 'right', wrong: 'not right yet' }[state];
      const label = `Question ${q.number}: ${said}`;
      return h('li', {}, h('button', {
        type: 'button', class: `q-step ${state}`, text: String(q.number),
        aria: k === progress.current ? { label, current: 'step' } : { label },
        on: { click: () => this.showQuestion(k, true) },
      }));
    })));
  }

  renderProgress() {
    const { sheet, progress } = this.lesson;
    const total = sheet.questions.length;
    const records = sheet.questions.map((q) => progress.answers[q.id]).filter(Boolean);
    const right = records.filter((r) => r.correct).length;
    const first = records.filter((r) => r.firstCorrect).length;
    if (records.length < total) {
      this.progressArea.replaceChildren(h('p', { class: 'progress-line', text: records.length ? `${records.length} of ${total} answered, ${right} right.` : `${total} questions. Work each out, then check it.` }));
      return;
    }
    this.progressArea.replaceChildren(h('section', { class: 'lesson-summary', data: { testid: 'lesson-summary' }, aria: { labelledby: 'lesson-summary-title' } },
      h('h3', { id: 'lesson-summary-title', text: right === total ? 'Lesson complete' : 'All questions answered' }),
      h('p', { class: 'score', text: `${right} of ${total} right (${first} at the first try).` }),
      sheet.takeaway ? h('p', {}, h('strong', { text: 'Take away. ' }), document.createTextNode(sheet.takeaway)) : null,
      h('p', {}, h('strong', { text: 'The misconception. ' }), document.createTextNode(sheet.misconception)),
      h('button', { type: 'button', class: 'small', text: 'Start over', on: { click: () => this.resetProgress() } })));
  }
}

export default {
  id: 'lesson',
  title: 'Lessons',
  group: 'Learn',
  summary: 'Guided, self-checking exercises that set up a panel, ask, check and explain.',
  Host: LessonHost,
};
