// The articles list: by status and text, each row with when it was last saved, by whom, and whether the
// published version has unpublished changes; drafts this browser kept are offered back on top.

import { $, el, STATUS_LABEL, when } from './dom.js';
import { localDrafts } from './drafts.js';
import { api, SignedOut } from './session.js';
import { open, opener, setAddress, showView } from './views.js';

let listed = [];

async function showList() {
  setAddress('#/');
  showView('list');
  renderRecovered();
  await loadList();
}

async function loadList() {
  const status = $('filter-status').value;
  $('list-status').textContent = 'Loading…';
  try {
    const query = new URLSearchParams({ size: '100' });
    if (status) query.set('status', status);
    const { data } = await api('/api/articles?' + query);
    listed = (data.items || []).sort((a, b) => (b.updatedAt || '').localeCompare(a.updatedAt || ''));
    renderRows();
  } catch (e) {
    if (!(e instanceof SignedOut)) $('list-status').textContent = 'The list could not be loaded: ' + e.message;
  }
}

function matches(article, text) {
  if (!text) return true;
  const haystack = [article.title, article.summary, article.category, article.slug, article.author && article.author.name,
    ...(article.tags || [])].join(' ').toLowerCase();
  return text.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

function renderRows() {
  const text = $('filter-text').value.trim();
  const rows = listed.filter((a) => matches(a, text));
  const body = $('article-rows');
  body.replaceChildren(...rows.map((a) => {
    let published = a.status === 'UNPUBLISHED' ? 'Taken down' : 'Not published';
    if (a.status === 'PUBLISHED') {
      published = a.hasUnpublishedChanges ? el('span', { className: 'changes', text: 'Unpublished changes' }) : 'Up to date';
    }
    const status = el('span', { className: 'status-badge status-' + a.status, text: STATUS_LABEL[a.status] || a.status });
    return el('tr', { 'data-id': a.id },
      el('td', { className: 'title-cell' },
        el('button', { type: 'button', className: 'link-button', 'data-open': a.id, text: a.title || '(untitled)' }),
        el('small', { text: '/reviews/' + a.slug })),
      el('td', { 'data-label': 'Status' }, status,
        a.scheduledAt ? el('div', { className: 'muted scheduled-at',
          text: (a.status === 'SCHEDULED' ? 'goes live ' : 'changes go live ') + when(a.scheduledAt) }) : null),
      el('td', { 'data-label': 'Last saved' }, when(a.updatedAt)),
      el('td', { 'data-label': 'By' }, a.updatedBy || '—'),
      el('td', { 'data-label': 'Published version' }, published));
  }));
  const count = rows.length === 1 ? '1 roundup' : rows.length + ' roundups';
  $('list-status').textContent = rows.length ? count + '.' : 'No roundup matches.';
}

/** The drafts this browser kept that the server never got. */
export function renderRecovered() {
  const box = $('recovered');
  const kept = localDrafts.all();
  box.hidden = kept.length === 0;
  box.replaceChildren(...kept.map((k) => el('div', { className: 'recovered-item' },
    el('p', {}, 'Unsaved changes to ', el('strong', { text: '“' + (k.draft.title || 'a new roundup') + '”' }),
      ' were kept in this browser (' + when(k.keptAt) + ').'),
    el('button', { type: 'button', className: 'button button-primary button-small', 'data-restore': k.id || 'new',
      text: 'Restore' }),
    el('button', { type: 'button', className: 'button button-small', 'data-discard': k.id || 'new', text: 'Discard' }))));
}

export function setUpList() {
  opener('list', showList);
  $('filter-status').addEventListener('change', loadList);
  $('filter-text').addEventListener('input', renderRows);
  $('list-filters').addEventListener('submit', (event) => event.preventDefault());
  $('new-article').addEventListener('click', () => open('editor', null));
  $('article-rows').addEventListener('click', (event) => {
    const button = event.target.closest('[data-open]');
    if (button) open('editor', button.dataset.open);
  });
  $('recovered').addEventListener('click', (event) => {
    const restore = event.target.closest('[data-restore]');
    const discard = event.target.closest('[data-discard]');
    if (restore) {
      const id = restore.dataset.restore === 'new' ? null : restore.dataset.restore;
      open('editor', id, { restore: true });
    } else if (discard) {
      localDrafts.remove(discard.dataset.discard === 'new' ? null : discard.dataset.discard);
      renderRecovered();
    }
  });
}
