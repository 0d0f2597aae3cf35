// The articles list: by status, author, category and words (all filtered by the API, a page at a time), each row
// with when it was last saved, by whom, and whether the published version has unpublished changes; drafts this
// browser kept are offered back on top.

import { $, el, STATUS_LABEL, when } from './dom.js';
import { localDrafts } from './drafts.js';
import { api, SignedOut } from './session.js';
import { open, opener, setAddress, showView } from './views.js';

/** Pages of 50: a page loads fast and reads well; the API pages further (its limit is 100). */
const PAGE_SIZE = 50;
const TYPING_MS = 300;

/** The order the API lists in, by status filter (the caption says it to screen readers). */
const ORDER = {
  PUBLISHED: 'most recently published first', SCHEDULED: 'soonest to go live first', '': 'most recently saved first',
};

/** What the list shows: the page asked for, its answer, and the names seen so far (offered in the filters). */
const list = { page: 0, answer: null, authors: new Set(), categories: new Set(), loading: 0, typing: null };

async function showList() {
  setAddress('#/');
  showView('list');
  renderRecovered();
  await loadList();
}

function filters() {
  return {
    status: $('filter-status').value, author: $('filter-author').value.trim(), category: $('filter-category').value.trim(),
    q: $('filter-text').value.trim(),
  };
}

/** Loads a page of what the filters ask for from the API (a later answer wins over an earlier one still coming). */
async function loadList(page = list.page) {
  const seq = ++list.loading;
  const wanted = filters();
  $('list-status').textContent = 'Loading…';
  try {
    const query = new URLSearchParams({ size: String(PAGE_SIZE), page: String(page) });
    for (const [name, value] of Object.entries(wanted)) if (value) query.set(name, value);
    const { data } = await api('/api/articles?' + query);
    if (seq !== list.loading) return;
    if (page > 0 && page >= data.totalPages) {
      await loadList(Math.max(0, data.totalPages - 1)); // the last page went away (deleted, or a filter changed)
      return;
    }
    list.page = page;
    list.answer = data;
    renderRows(wanted);
  } catch (e) {
    if (seq !== list.loading) return;
    if (e instanceof SignedOut) return;
    if (e.status === 400 && e.problem && e.problem.errors) {
      $('list-status').textContent = 'Not listed: ' + Object.entries(e.problem.errors)
        .map(([name, messages]) => (name === 'q' ? 'text' : name) + ' ' + [].concat(messages).join('; ')).join('; ');
    } else {
      $('list-status').textContent = 'The list could not be loaded: ' + e.message;
    }
  }
}

function renderRows(wanted) {
  const { items = [], totalItems = 0, totalPages = 0, page = 0 } = list.answer;
  const body = $('article-rows');
  body.replaceChildren(...items.map((a) => {
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
      el('td', { 'data-label': 'Author' }, (a.author && a.author.name) || '—'),
      el('td', { 'data-label': 'Published version' }, published));
  }));
  remember(items);
  $('list-caption').textContent = 'Roundups, ' + (ORDER[wanted.status] || ORDER['']);
  const filtered = Object.values(wanted).some(Boolean);
  const count = totalItems === 1 ? '1 roundup' : totalItems.toLocaleString() + ' roundups';
  $('list-status').textContent = totalItems
    ? count + (filtered ? (totalItems === 1 ? ' matches.' : ' match.') : '.') + (totalPages > 1 ? ' Showing ' + (page * PAGE_SIZE + 1) + '–'
      + (page * PAGE_SIZE + items.length) + '.' : '')
    : filtered ? 'No roundup matches.' : 'No roundups yet.';
  $('list-pages').hidden = totalPages <= 1;
  $('list-page').textContent = 'Page ' + (page + 1) + ' of ' + totalPages;
  $('list-previous').disabled = page === 0;
  $('list-next').disabled = page + 1 >= totalPages;
}

/** Authors and categories seen in any page so far, offered as the filters' suggestions. */
function remember(items) {
  for (const a of items) {
    if (a.author && a.author.name) list.authors.add(a.author.name);
    if (a.category) list.categories.add(a.category);
  }
  const options = (names) => [...names].sort((x, y) => x.localeCompare(y)).map((name) => el('option', { value: name }));
  $('filter-author-names').replaceChildren(...options(list.authors));
  $('filter-category-names').replaceChildren(...options(list.categories));
}

/** A filter changed: back to its first page, after a pause in typing for the text fields. */
function refilter({ typed = false } = {}) {
  clearTimeout(list.typing);
  if (typed) list.typing = setTimeout(() => loadList(0), TYPING_MS);
  else loadList(0);
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
  $('filter-status').addEventListener('change', () => refilter());
  for (const id of ['filter-author', 'filter-category', 'filter-text']) {
    $(id).addEventListener('input', () => refilter({ typed: true }));
  }
  $('list-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    refilter();
  });
  $('list-previous').addEventListener('click', () => loadList(list.page - 1));
  $('list-next').addEventListener('click', () => loadList(list.page + 1));
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
