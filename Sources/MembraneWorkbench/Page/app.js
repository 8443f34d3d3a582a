// Boot: the navigation from the panel registry, and the page state in a readable, versioned URL:
//   #v1/PANEL?key=value&key=value   (only inputs that differ from their defaults)

import { panels } from './panels.js';
import { PanelHost, PAGE_VERSION } from './kit.js';
import { h } from './ui.js';

const hosts = new Map();
let current = null;
let written = '';

function parseHash(hash) {
  const m = /^#v(\d+)\/([\w-]+)(?:\?(.*))?$/.exec(hash || '');
  if (!m) return { id: panels[0].id, params: {}, known: !hash || hash === '#' };
  const params = Object.fromEntries(new URLSearchParams(m[3] || ''));
  return { id: m[2], params, known: Number(m[1]) === PAGE_VERSION, version: Number(m[1]) };
}

function hashFor(host) {
  const q = new URLSearchParams(host.state()).toString().replace(/%2C/gi, ',').replace(/%3D/gi, '=');
  return `#v${PAGE_VERSION}/${host.panel.id}${q ? `?${q}` : ''}`;
}

function writeState(host) {
  if (host !== current) return;
  written = hashFor(host);
  if (location.hash !== written) history.replaceState(null, '', written);
}

function hostFor(id) {
  if (!hosts.has(id)) {
    const panel = panels.find((p) => p.id === id);
    if (!panel) return null;
    // A module may bring its own host (the lessons do); it gets the means to borrow another panel's host.
    const Host = panel.Host || PanelHost;
    hosts.set(id, new Host(panel, { onState: writeState, hostFor, parseHash }));
  }
  return hosts.get(id);
}

function route() {
  if (location.hash === written && current) return;
  const { id, params, known, version } = parseHash(location.hash);
  const host = hostFor(id) || hostFor(panels[0].id);
  const main = document.getElementById('workspace');
  document.getElementById('loading')?.remove();
  if (current && current !== host) { current.stop(); current.element.hidden = true; }
  if (host.element.parentNode !== main) main.append(host.element); // back from beside a lesson, too
  host.element.hidden = false;
  const switched = current !== host;
  current = host;
  for (const a of document.querySelectorAll('.panel-nav a')) {
    if (a.dataset.panel === host.panel.id) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.title = `${host.panel.title} · Membrane workbench`;
  if (!known && version) notice(`This link was written for page version ${version}; its inputs are ignored.`);
  host.build();
  host.restore(known ? params : {});
  written = hashFor(host);
  if (switched && location.hash && location.hash !== written) history.replaceState(null, '', written);
}

function notice(text) {
  const n = h('p', { class: 'notice', role: 'status', text });
  document.getElementById('workspace').prepend(n);
  setTimeout(() => n.remove(), 8000);
}

function buildNav() {
  const nav = document.getElementById('panel-nav');
  const groups = new Map();
  for (const p of panels) {
    if (!groups.has(p.group)) groups.set(p.group, []);
    groups.get(p.group).push(p);
  }
  for (const [group, list] of groups) {
    nav.append(h('div', { class: 'nav-group' },
      h('p', { class: 'nav-title', text: group }),
      h('ul', {}, ...list.map((p) => h('li', {}, h('a', {
        href: `#v${PAGE_VERSION}/${p.id}`, data: { panel: p.id },
        on: { click: (e) => { if (current?.panel.id === p.id) e.preventDefault(); } },
      }, h('span', { class: 'nav-label', text: p.title })))))));
  }
}

buildNav();
window.addEventListener('hashchange', route);
route();
