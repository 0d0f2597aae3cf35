// The editor's bar: the roundup's title and what the signed-in editor may do with it.

import { $ } from './dom.js';
import { editor } from './draft.js';
import { hasRole } from './session.js';

export function renderHeader() {
  const a = editor.article;
  $('edit-title').textContent = editor.draft.title || (a.id ? '(untitled)' : 'New roundup');
  $('edit-title').setAttribute('tabindex', '-1');
  $('publish-now').hidden = !(hasRole('EDITOR') || hasRole('ADMIN'));
}
