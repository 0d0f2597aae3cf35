// The editor's bar: the roundup's title and what the signed-in editor may do with it. Other parts of the bar
// (the workflow's status and actions) draw themselves through onHeader, so this module imports none of them.

import { $ } from './dom.js';
import { editor } from './draft.js';
import { hasRole } from './session.js';

const hooks = [];

/** Registers a part of the bar that redraws whenever the bar does (after opening, saving or a workflow step). */
export function onHeader(hook) {
  hooks.push(hook);
}

export function renderHeader() {
  const a = editor.article;
  $('edit-title').textContent = editor.draft.title || (a.id ? '(untitled)' : 'New roundup');
  $('edit-title').setAttribute('tabindex', '-1');
  $('publish-now').hidden = !(hasRole('EDITOR') || hasRole('ADMIN'));
  for (const hook of hooks) hook(a);
}
