// An article's history: every revision (when, who, what it did), a side-by-side comparison of any two of them,
// and restoring one (its content becomes current as a new revision, which the editor then shows).

import { compareRevisions } from './diff.js';
import { diffField } from './diff-view.js';
import { $, el, when } from './dom.js';
import { editor } from './draft.js';
import { saver } from './saver.js';
import { api, hasRole, session, SignedOut } from './session.js';
import { articleState } from './state.js';
import { address, open, opener, setAddress, showView } from './views.js';

/** The API's actions as the history names them. */
const ACTION_LABEL = {
  created: 'Created', updated: 'Saved', saved: 'Saved', published: 'Published',
  'published on schedule': 'Published as scheduled', scheduled: 'Scheduled', unscheduled: 'Schedule cancelled',
  unpublished: 'Unpublished', restored: 'Restored an earlier revision', deleted: 'Deleted',
};

/** The open history: the article, its revisions (newest first) and the contents read so far, by revision. */
let shown = null;

async function openHistory(id) {
  if (editor.article && editor.article.id === id) await saver.flush();
  setAddress('#/articles/' + id + '/history');
  showView('history');
  $('history-title').textContent = 'History';
  $('history-status').textContent = 'Loading…';
  $('history-result').replaceChildren();
  $('history-rows').replaceChildren();
  $('diff').replaceChildren();
  $('diff-status').textContent = '';
  try {
    const [article, revisions] = await Promise.all([
      api('/api/articles/' + encodeURIComponent(id)),
      api('/api/articles/' + encodeURIComponent(id) + '/revisions?size=100'),
    ]);
    shown = { id, article: articleState(article.data, article.etag), title: article.data.title,
      items: revisions.data.items || [], total: revisions.data.totalItems, contents: new Map() };
  } catch (e) {
    if (!(e instanceof SignedOut)) $('history-status').textContent = 'The history could not be loaded: ' + e.message;
    return;
  }
  $('history-title').textContent = 'History of “' + (shown.title || 'untitled') + '”';
  renderRows();
  fillChoices();
  $('history-title').focus();
  await compare();
}

/** Editors restore their own roundups; an administrator anyone's (the API's rule). */
const mayRestore = () => hasRole('ADMIN') || (hasRole('EDITOR') && session().username === shown.article.createdBy);

function renderRows() {
  const { items, total } = shown;
  const restorable = mayRestore();
  $('history-rows').replaceChildren(...items.map((r, index) => el('tr', { 'data-revision': r.revision },
    el('td', { 'data-label': 'Revision' }, el('strong', { text: String(r.revision) }),
      index === 0 ? el('span', { className: 'current-tag', text: 'current' }) : null),
    el('td', { 'data-label': 'When' }, when(r.savedAt)),
    el('td', { 'data-label': 'Who' }, r.savedBy || '—'),
    el('td', { 'data-label': 'What' }, el('span', { className: 'action action-' + String(r.action).replace(/\W+/g, '-'),
      text: ACTION_LABEL[r.action] || r.action || 'Saved' })),
    el('td', { className: 'row-actions' },
      el('button', { type: 'button', className: 'button button-small', 'data-compare': r.revision,
        'aria-label': 'Compare revision ' + r.revision + ' with the one before', text: 'Compare',
        disabled: index === items.length - 1 }),
      index > 0 && restorable ? el('button', { type: 'button', className: 'button button-small', 'data-restore': r.revision,
        'aria-label': 'Restore revision ' + r.revision, text: 'Restore' }) : null))));
  const count = total > items.length ? 'The newest ' + items.length + ' of ' + total + ' revisions.'
    : items.length === 1 ? 'One revision.' : items.length + ' revisions, newest first.';
  $('history-status').textContent = count + (restorable ? ''
    : ' Only an administrator or the roundup’s creator (' + shown.article.createdBy + ') may restore one.');
}

function fillChoices() {
  const options = () => shown.items.map((r) => el('option', { value: String(r.revision),
    text: 'Revision ' + r.revision + ' · ' + (ACTION_LABEL[r.action] || r.action) + ' · ' + when(r.savedAt) }));
  $('diff-from').replaceChildren(...options());
  $('diff-to').replaceChildren(...options());
  const newest = shown.items[0];
  const before = shown.items[1] || newest;
  if (newest) $('diff-to').value = String(newest.revision);
  if (before) $('diff-from').value = String(before.revision);
}

function content(revision) {
  if (!shown.contents.has(revision)) {
    const read = api('/api/articles/' + encodeURIComponent(shown.id) + '/revisions/' + revision).then((r) => r.data);
    read.catch(() => shown.contents.delete(revision));
    shown.contents.set(revision, read);
  }
  return shown.contents.get(revision);
}

let comparing = 0;

async function compare() {
  if (!shown || !shown.items.length) return;
  const a = Number($('diff-from').value);
  const b = Number($('diff-to').value);
  const status = $('diff-status');
  if (a === b) {
    $('diff').replaceChildren();
    status.textContent = shown.items.length < 2 ? 'There is only one revision so far.' : 'Choose two different revisions.';
    return;
  }
  const [older, newer] = a < b ? [a, b] : [b, a];
  const seq = ++comparing;
  status.textContent = 'Comparing revision ' + older + ' with revision ' + newer + '…';
  let groups;
  try {
    const [o, n] = await Promise.all([content(older), content(newer)]);
    groups = compareRevisions(o, n);
  } catch (e) {
    if (seq === comparing && !(e instanceof SignedOut)) status.textContent = 'The revisions could not be read: ' + e.message;
    return;
  }
  if (seq !== comparing) return;
  const fields = groups.reduce((sum, g) => sum + g.fields.length, 0);
  status.textContent = fields === 0
    ? 'Revisions ' + older + ' and ' + newer + ' have the same text (only the workflow changed).'
    : 'Revision ' + older + ' → revision ' + newer + ': ' + fields + (fields === 1 ? ' field' : ' fields') + ' changed.';
  $('diff').replaceChildren(...groups.map((g) => el('section', { className: 'diff-group' },
    el('h3', { text: g.label }),
    ...g.fields.map((f) => renderField(f, older, newer)))));
}

function renderField(field, older, newer) {
  return diffField(field, 'Before · revision ' + older, 'After · revision ' + newer);
}

async function restore(revision) {
  const result = $('history-result');
  result.classList.remove('is-error');
  result.replaceChildren(el('p', { text: 'Restoring revision ' + revision + '…' }));
  try {
    const { data } = await api('/api/articles/' + encodeURIComponent(shown.id) + '/revisions/' + revision + '/restore', {
      method: 'POST', headers: { 'If-Match': shown.article.etag },
    });
    await open('editor', shown.id);
    const done = $('publish-result');
    done.classList.remove('is-error');
    done.replaceChildren(el('p', { text: 'Restored revision ' + revision + ' as revision ' + data.revision
      + (data.status === 'PUBLISHED' ? '. Readers still see the published version until you publish again.' : '.') }));
  } catch (e) {
    if (e instanceof SignedOut) return;
    result.classList.add('is-error');
    result.replaceChildren(el('p', { text: 'Not restored (' + (e.status || 'no answer') + '): ' + e.message
      + (e.status === 412 ? ' Someone saved in between: the history below is reloaded.' : '') }));
    if (e.status === 412) openHistory(shown.id);
  }
}

export function setUpRevisions() {
  opener('history', openHistory);
  address(/^#\/articles\/([A-Za-z0-9_-]+)\/history$/, (match) => openHistory(match[1]));
  $('history-back').addEventListener('click', () => open('editor', shown ? shown.id : null));
  $('diff-form').addEventListener('submit', (event) => event.preventDefault());
  $('diff-from').addEventListener('change', compare);
  $('diff-to').addEventListener('change', compare);
  $('history-rows').addEventListener('click', (event) => {
    const compareButton = event.target.closest('[data-compare]');
    const restoreButton = event.target.closest('[data-restore]');
    if (compareButton) {
      const n = Number(compareButton.dataset.compare);
      const index = shown.items.findIndex((r) => r.revision === n);
      const before = shown.items[index + 1];
      if (!before) return;
      $('diff-from').value = String(before.revision);
      $('diff-to').value = String(n);
      compare();
      $('diff-title').scrollIntoView({ block: 'start' });
    } else if (restoreButton) {
      restore(Number(restoreButton.dataset.restore));
    }
  });
}
