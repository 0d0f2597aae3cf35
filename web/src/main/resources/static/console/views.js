// The console's views (the <section class="console-view"> elements) and the address (#/...) that names them.
// Each part registers what it shows under a name; the parts open each other by name, never by import, so that no
// two modules depend on each other.

import { $ } from './dom.js';

const openers = new Map();
const routes = [];

/** Registers how to open a view by name, e.g. open('editor', id). */
export function opener(name, open) {
  openers.set(name, open);
}

/** Registers an address: a pattern on location.hash and how to open it from the match. */
export function address(pattern, open) {
  routes.push({ pattern, open });
}

export function open(name, ...args) {
  const open = openers.get(name);
  return open ? open(...args) : undefined;
}

/** Shows one view and hides the others; the signed-in bar shows except on the sign-in view. */
export function showView(name) {
  for (const view of document.querySelectorAll('.console-view')) {
    view.hidden = view.id !== 'view-' + name;
  }
  $('console-user').hidden = name === 'signin';
  for (const link of document.querySelectorAll('[data-nav]')) {
    // data-nav may name several views ("list edit"): the roundups link is current in the list and in the editor
    if (link.dataset.nav.split(' ').includes(name)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Writes the view's address without adding a history step or opening it again. */
export function setAddress(hash) {
  history.replaceState(null, '', '/editor' + hash);
}

/** Opens what the address names (the list when it names nothing known). */
export function route() {
  for (const { pattern, open: openIt } of routes) {
    const match = location.hash.match(pattern);
    if (match) return openIt(match);
  }
  return open('list');
}
