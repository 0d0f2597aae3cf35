// The console's navigation (Roundups · Catalog · Admin in the header): plain links to #/ addresses, so they work
// with the keyboard, open in a new tab and show where they lead. A change of the address opens what it names; a part
// with unsaved work may ask first (leaveGuard), and the open roundup saves what is pending before it is left.

import { $ } from './dom.js';
import { editor } from './draft.js';
import { saver } from './saver.js';
import { session } from './session.js';
import { route, setAddress } from './views.js';

const guards = [];

/** Registers a check run before the address changes: it returns a question to ask, or null to let the editor go. */
export function leaveGuard(check) {
  guards.push(check);
}

async function leaveRoundup() {
  if ($('view-edit').hidden || !editor.draft) return;
  // the same as "← All roundups": what is pending is saved (and kept locally until it is)
  await saver.flush();
  editor.article = null;
  editor.draft = null;
}

export function setUpNav() {
  window.addEventListener('hashchange', async (event) => {
    if (!location.hash.startsWith('#/') || !session()) return;
    for (const check of guards) {
      const question = check();
      if (question && !window.confirm(question)) {
        setAddress(new URL(event.oldURL).hash || '#/');
        return;
      }
    }
    await leaveRoundup();
    route();
  });
}
