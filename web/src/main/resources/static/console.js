// Roundup — the editor console. One plain ES module, no build step: a client of the public API through the gateway
// (same origin, /api/...). The token lives in this module's memory only (never storage, cookie or URL); the draft
// text is kept in localStorage, keyed by article, until the server has it.

const AUTOSAVE_MS = 1000;
const PREVIEW_MS = 500;
const PICKER_MS = 250;
const RETRY_MS = 5000;
const DRAFT_PREFIX = 'roundup.console.draft.';

const $ = (id) => document.getElementById(id);

/** Signed-in editor: {token, username, roles, expiresAt}; null when signed out. */
let session = null;
let expiryTimer = null;
/** What to do once the editor has signed in again (resume the open draft). */
let resume = null;

// ---------------------------------------------------------------------------------------------------------------
// Small DOM and format helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const when = (iso) => (iso ? dateFormat.format(new Date(iso)) : '—');
const STATUS_LABEL = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', UNPUBLISHED: 'Unpublished' };

function showView(name) {
  for (const view of ['signin', 'list', 'edit']) {
    $('view-' + view).hidden = view !== name;
  }
  $('console-user').hidden = !session;
}

// ---------------------------------------------------------------------------------------------------------------
// Session and API

class SignedOut extends Error {}

/** A problem+json answer (or a network failure) with the fields the console shows. */
class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }
}

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return {};
  }
}

async function api(path, { method = 'GET', body, headers = {} } = {}) {
  if (!session) throw new SignedOut();
  const init = { method, headers: { Accept: 'application/json', Authorization: 'Bearer ' + session.token, ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, { detail: 'The server could not be reached.' });
  }
  if (response.status === 401) {
    signOut('Your session has ended. Sign in again: your open draft is kept.');
    throw new SignedOut();
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, etag: response.headers.get('ETag'), status: response.status };
}

async function signIn(username, password) {
  const response = await fetch('/api/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 401) throw new Error('Wrong username or password.');
  if (response.status === 429) throw new Error('Too many attempts. Wait a minute and try again.');
  if (!response.ok) throw new Error('Signing in failed (HTTP ' + response.status + '). Try again.');
  const answer = await response.json();
  const c = claims(answer.access_token);
  const roles = Array.isArray(c.roles) ? c.roles : [];
  if (!roles.includes('EDITOR') && !roles.includes('ADMIN')) {
    throw new Error('This account may not edit roundups.');
  }
  session = { token: answer.access_token, username: c.sub || username, roles };
  clearTimeout(expiryTimer);
  expiryTimer = setTimeout(
    () => signOut('Your session has expired. Sign in again: your open draft is kept.'),
    Math.max(0, (answer.expires_in || 3600) * 1000 - 5000),
  );
  $('console-user-name').textContent = 'Signed in as ' + session.username;
}

/** Forgets the token; the open draft stays (in memory and in local storage) for after the next sign-in. */
function signOut(reason) {
  session = null;
  clearTimeout(expiryTimer);
  clearTimeout(saver.timer);
  if (editor.article) resume = () => reopenEditor();
  $('signin-reason').textContent = reason || '';
  $('signin-password').value = '';
  showView('signin');
  $('signin-username').focus();
}

function setUpSignIn() {
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $('signin-error');
    error.textContent = '';
    const username = $('signin-username').value.trim();
    const password = $('signin-password').value;
    if (!username || !password) {
      error.textContent = 'Enter your username and password.';
      return;
    }
    try {
      await signIn(username, password);
    } catch (e) {
      error.textContent = e.message;
      return;
    }
    $('signin-password').value = '';
    const next = resume;
    resume = null;
    if (next) next();
    else route();
  });
  $('sign-out').addEventListener('click', () => {
    resume = null;
    signOut('You have signed out.');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts kept in this browser until saved (text only: never the token)

const localDrafts = {
  key: (id) => DRAFT_PREFIX + (id || 'new'),
  put(id, draft, baseRevision) {
    try {
      localStorage.setItem(this.key(id), JSON.stringify({ draft, baseRevision, keptAt: new Date().toISOString() }));
    } catch {
      // storage full or disabled: autosave still protects the text
    }
  },
  get(id) {
    try {
      return JSON.parse(localStorage.getItem(this.key(id)));
    } catch {
      return null;
    }
  },
  remove(id) {
    localStorage.removeItem(this.key(id));
  },
  all() {
    const found = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(DRAFT_PREFIX)) {
        const id = key.slice(DRAFT_PREFIX.length);
        const kept = this.get(id === 'new' ? null : id);
        if (kept && kept.draft) found.push({ id: id === 'new' ? null : id, ...kept });
      }
    }
    return found;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The articles list

let listed = [];

async function showList() {
  history.replaceState(null, '', '/editor#/');
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
        a.status === 'SCHEDULED' && a.scheduledAt ? el('div', { className: 'muted', text: 'goes live ' + when(a.scheduledAt) }) : null),
      el('td', { 'data-label': 'Last saved' }, when(a.updatedAt)),
      el('td', { 'data-label': 'By' }, a.updatedBy || '—'),
      el('td', { 'data-label': 'Published version' }, published));
  }));
  const count = rows.length === 1 ? '1 roundup' : rows.length + ' roundups';
  $('list-status').textContent = rows.length ? count + '.' : 'No roundup matches.';
}

function renderRecovered() {
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

function setUpList() {
  $('filter-status').addEventListener('change', loadList);
  $('filter-text').addEventListener('input', renderRows);
  $('list-filters').addEventListener('submit', (event) => event.preventDefault());
  $('new-article').addEventListener('click', () => openEditor(null));
  $('article-rows').addEventListener('click', (event) => {
    const button = event.target.closest('[data-open]');
    if (button) openEditor(button.dataset.open);
  });
  $('recovered').addEventListener('click', (event) => {
    const restore = event.target.closest('[data-restore]');
    const discard = event.target.closest('[data-discard]');
    if (restore) {
      const id = restore.dataset.restore === 'new' ? null : restore.dataset.restore;
      openEditor(id, { restore: true });
    } else if (discard) {
      localDrafts.remove(discard.dataset.discard === 'new' ? null : discard.dataset.discard);
      renderRecovered();
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The roundup editor

/** The open article: {id, etag, status, slug, publishedAt}, and its draft (what the form shows). */
const editor = { article: null, draft: null, savedJson: null };

function emptyDraft() {
  return {
    title: '', slug: '', summary: '', category: '', tags: [], author: { name: session ? session.username : '', bio: '' },
    intro: '', entries: [], sections: [],
  };
}

function fromArticle(a) {
  return {
    title: a.title || '', slug: a.slug || '', summary: a.summary || '', category: a.category || '',
    tags: a.tags || [], author: { name: (a.author && a.author.name) || '', bio: (a.author && a.author.bio) || '' },
    intro: a.intro || '',
    entries: (a.entries || []).slice().sort((x, y) => x.rank - y.rank).map((e) => ({
      productId: e.productId || '', productName: (e.product && e.product.name) || '', heading: e.heading || '',
      body: e.body || '', features: (e.features || []).map((f) => ({ name: f.name || '', description: f.description || '' })),
    })),
    sections: (a.sections || []).map((s) => ({ heading: s.heading || '', body: s.body || '' })),
  };
}

/** The API's body: ranks follow the order on screen; what only the console needs (the product's name) stays here. */
function toRequest(d) {
  const body = {
    title: d.title, summary: d.summary, category: d.category,
    tags: d.tags.map((t) => t.trim()).filter(Boolean),
    author: { name: d.author.name, bio: d.author.bio }, intro: d.intro,
    entries: d.entries.map((e, i) => ({
      rank: i + 1, productId: e.productId, heading: e.heading, body: e.body,
      features: e.features.map((f) => ({ name: f.name, description: f.description })),
    })),
    sections: d.sections.map((s) => ({ heading: s.heading, body: s.body })),
  };
  if (d.slug && d.slug.trim()) body.slug = d.slug.trim();
  return body;
}

const currentJson = () => JSON.stringify(toRequest(editor.draft));
const isDirty = () => editor.draft !== null && currentJson() !== editor.savedJson;

async function openEditor(id, { restore = false } = {}) {
  const kept = localDrafts.get(id);
  let article = { id: null, etag: null, status: 'DRAFT', slug: '' };
  let draft = emptyDraft();
  if (id) {
    try {
      const { data, etag } = await api('/api/articles/' + encodeURIComponent(id));
      article = { id: data.id, etag: etag || '"' + data.revision + '"', status: data.status, slug: data.slug,
        publishedAt: data.publishedAt, revision: data.revision };
      draft = fromArticle(data);
    } catch (e) {
      if (!(e instanceof SignedOut)) {
        $('list-status').textContent = 'That roundup could not be opened: ' + e.message;
      }
      return;
    }
  }
  editor.article = article;
  editor.draft = draft;
  editor.savedJson = id ? currentJson() : JSON.stringify(toRequest(emptyDraft()));
  $('publish-result').textContent = '';
  $('publish-result').classList.remove('is-error');
  $('form-error').textContent = '';
  const offer = $('offer-local');
  offer.hidden = true;
  if (kept && kept.draft && JSON.stringify(toRequest(kept.draft)) !== editor.savedJson) {
    if (restore) {
      applyKept(kept);
    } else {
      offer.replaceChildren(
        el('p', {}, 'This browser kept unsaved changes to this roundup from ' + when(kept.keptAt) + '.'),
        el('button', { type: 'button', className: 'button button-primary button-small', id: 'restore-local',
          text: 'Restore them' }),
        el('button', { type: 'button', className: 'button button-small', id: 'discard-local', text: 'Discard' }));
      offer.hidden = false;
    }
  } else if (kept) {
    localDrafts.remove(id);
  }
  history.replaceState(null, '', '/editor#/' + (article.id ? 'articles/' + article.id : 'new'));
  reopenEditor();
  $('edit-title').focus();
}

function applyKept(kept) {
  editor.draft = kept.draft;
  $('offer-local').hidden = true;
  renderForm();
  changed({ preview: true });
}

/** Shows the open draft again (after a sign-in) and saves what is pending. */
function reopenEditor() {
  showView('edit');
  renderForm();
  renderHeader();
  schedulePreview(0);
  if (isDirty()) changed({ preview: false });
  else setSaveState(editor.article.id ? 'saved' : 'idle', editor.article.id ? 'Saved' : '');
}

function renderHeader() {
  const a = editor.article;
  $('edit-title').textContent = editor.draft.title || (a.id ? '(untitled)' : 'New roundup');
  $('edit-title').setAttribute('tabindex', '-1');
  const mayPublish = session && (session.roles.includes('EDITOR') || session.roles.includes('ADMIN'));
  $('publish-now').hidden = !mayPublish;
}

// Paths name fields as the API's validation errors do: title, author.name, entries[0].features[1].name …

function segments(path) {
  return path.split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function getPath(object, path) {
  return segments(path).reduce((value, key) => (value == null ? value : value[key]), object);
}

function setPath(object, path, value) {
  const keys = segments(path);
  const last = keys.pop();
  const parent = keys.reduce((value, key) => value[key], object);
  parent[last] = value;
}

const idFor = (path) => 'f-' + path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '');

function field(path, label, { multiline = false, tall = false, hint = null, markdown = false, list = false,
  autocomplete = 'off' } = {}) {
  const id = idFor(path);
  const value = list ? (getPath(editor.draft, path) || []).join(', ') : getPath(editor.draft, path) || '';
  const describedBy = [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' ');
  const attrs = { id, 'data-path': path, 'aria-describedby': describedBy, autocomplete, spellcheck: multiline ? 'true' : 'false' };
  if (markdown) attrs['data-markdown'] = 'true';
  if (list) attrs['data-list'] = 'true';
  const input = multiline ? el('textarea', { ...attrs, className: tall ? 'tall' : null }) : el('input', { ...attrs, type: 'text' });
  input.value = value;
  return el('div', { className: 'field' },
    el('label', { for: id, text: label }),
    hint ? el('p', { className: 'hint', id: id + '-hint', text: hint }) : null,
    input,
    el('p', { className: 'field-error', id: id + '-error', 'data-error-for': path }));
}

function smallButton(text, action, index, { label, disabled = false, danger = false, sub } = {}) {
  return el('button', {
    type: 'button', className: 'button button-small' + (danger ? ' button-danger' : ''), 'data-action': action,
    'data-index': String(index), 'data-sub': sub === undefined ? null : String(sub), 'aria-label': label || null,
    disabled, text,
  });
}

function renderEntry(entry, i, count) {
  const base = 'entries[' + i + ']';
  const name = entry.heading || entry.productName || 'Entry ' + (i + 1);
  const pickerId = idFor(base + '.product');
  const features = entry.features.map((f, j) => {
    const fb = base + '.features[' + j + ']';
    const nameInput = el('input', { type: 'text', id: idFor(fb + '.name'), 'data-path': fb + '.name', autocomplete: 'off',
      'aria-label': 'Feature ' + (j + 1) + ' name', 'aria-describedby': idFor(fb) + '-error', placeholder: 'Name' });
    nameInput.value = f.name;
    const descInput = el('input', { type: 'text', id: idFor(fb + '.description'), 'data-path': fb + '.description',
      autocomplete: 'off', 'aria-label': 'Feature ' + (j + 1) + ' description', 'aria-describedby': idFor(fb) + '-error',
      placeholder: 'Description' });
    descInput.value = f.description;
    return el('div', { className: 'feature-row' }, nameInput, descInput,
      smallButton('Remove', 'feature-remove', i, { sub: j, label: 'Remove feature ' + (j + 1) + ' of ' + name, danger: true }),
      el('p', { className: 'field-error', id: idFor(fb) + '-error', 'data-error-for': fb }));
  });
  const pickerInput = el('input', { type: 'text', id: pickerId, 'data-picker': String(i), autocomplete: 'off',
    placeholder: 'Type a product name…', 'aria-describedby': pickerId + '-picked ' + pickerId + '-error',
    'aria-controls': pickerId + '-results' });
  return el('li', { className: 'console-entry', 'data-entry': String(i) },
    el('div', { className: 'entry-head' },
      el('h3', {}, el('span', { className: 'console-rank' }, el('span', { className: 'visually-hidden', text: 'Rank ' }), String(i + 1)),
        el('span', { 'data-name-for': base, text: name })),
      smallButton('↑ Up', 'entry-up', i, { label: 'Move ' + name + ' up', disabled: i === 0 }),
      smallButton('↓ Down', 'entry-down', i, { label: 'Move ' + name + ' down', disabled: i === count - 1 }),
      smallButton('Remove', 'entry-remove', i, { label: 'Remove ' + name, danger: true })),
    el('div', { className: 'field picker' },
      el('label', { for: pickerId, text: 'Product from the catalog' }),
      pickerInput,
      el('p', { className: 'picked', id: pickerId + '-picked',
        text: entry.productId ? 'Picked: ' + (entry.productName || entry.productId) : '' }),
      el('ul', { className: 'picker-results', id: pickerId + '-results', 'aria-label': 'Matching products' }),
      el('p', { className: 'field-error', id: pickerId + '-error', 'data-error-for': base + '.productId' })),
    field(base + '.heading', 'Heading'),
    field(base + '.body', 'Review (Markdown)', { multiline: true, tall: true, markdown: true }),
    el('div', { className: 'feature-list' },
      el('p', { className: 'label', id: idFor(base) + '-features', text: 'Feature table' }),
      ...features,
      el('p', { className: 'field-error', 'data-error-for': base + '.features' }),
      smallButton('+ Add feature row', 'feature-add', i, { label: 'Add a feature row to ' + name })),
    el('p', { className: 'field-error', 'data-error-for': base }));
}

function renderSection(section, i, count) {
  const base = 'sections[' + i + ']';
  const name = section.heading || 'Section ' + (i + 1);
  return el('li', { className: 'section-item', 'data-section': String(i) },
    el('div', { className: 'entry-head' },
      el('h3', {}, el('span', { 'data-name-for': base, text: name })),
      smallButton('↑ Up', 'section-up', i, { label: 'Move section ' + name + ' up', disabled: i === 0 }),
      smallButton('↓ Down', 'section-down', i, { label: 'Move section ' + name + ' down', disabled: i === count - 1 }),
      smallButton('Remove', 'section-remove', i, { label: 'Remove section ' + name, danger: true })),
    field(base + '.heading', 'Heading', { hint: i === 0 ? 'For example “Buying guide” or “Final thoughts”.' : null }),
    field(base + '.body', 'Text (Markdown)', { multiline: true, tall: true, markdown: true }),
    el('p', { className: 'field-error', 'data-error-for': base }));
}

function renderForm() {
  const d = editor.draft;
  const form = $('editor-form');
  form.replaceChildren(
    el('fieldset', {},
      el('legend', { text: 'The roundup' }),
      field('title', 'Title'),
      field('slug', 'Slug', { hint: 'The address: /reviews/<slug>. Leave empty to derive it from the title.' }),
      field('summary', 'Summary', { multiline: true }),
      el('div', { className: 'field-pair' },
        field('category', 'Category'),
        field('tags', 'Tags', { list: true, hint: 'Separated by commas.' })),
      field('intro', 'Introduction (Markdown)', { multiline: true, tall: true, markdown: true }),
      el('p', { className: 'field-error', 'data-error-for': 'entries' })),
    el('fieldset', {},
      el('legend', { text: 'Author' }),
      field('author.name', 'Name', { autocomplete: 'name' }),
      field('author.bio', 'Bio', { multiline: true }),
      el('p', { className: 'field-error', 'data-error-for': 'author' })),
    el('fieldset', {},
      el('legend', { text: 'Ranked entries' }),
      el('ol', { className: 'entries', 'aria-label': 'Ranked entries' }, d.entries.map((e, i) => renderEntry(e, i, d.entries.length))),
      el('button', { type: 'button', className: 'button', 'data-action': 'entry-add', text: '+ Add entry' })),
    el('fieldset', {},
      el('legend', { text: 'Sections' }),
      el('ul', { className: 'sections', 'aria-label': 'Sections' }, d.sections.map((s, i) => renderSection(s, i, d.sections.length))),
      el('p', { className: 'field-error', 'data-error-for': 'sections' }),
      el('button', { type: 'button', className: 'button', 'data-action': 'section-add', text: '+ Add section' })));
  showErrors(saver.errors);
}

function move(list, from, to) {
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
}

function structural(action, index, sub) {
  const d = editor.draft;
  let focus = null;
  let say = '';
  switch (action) {
    case 'entry-add':
      d.entries.push({ productId: '', productName: '', heading: '', body: '', features: [] });
      focus = '[data-picker="' + (d.entries.length - 1) + '"]';
      say = 'Entry ' + d.entries.length + ' added.';
      break;
    case 'entry-remove':
      d.entries.splice(index, 1);
      focus = '[data-action="entry-add"]';
      say = 'Entry removed. Ranks renumbered.';
      break;
    case 'entry-up':
    case 'entry-down': {
      const to = action === 'entry-up' ? index - 1 : index + 1;
      move(d.entries, index, to);
      const edge = to === 0 ? 'entry-down' : to === d.entries.length - 1 ? 'entry-up' : action;
      focus = '[data-action="' + edge + '"][data-index="' + to + '"]';
      const moved = d.entries[to];
      say = (moved.heading || moved.productName || 'Entry') + ' is now rank ' + (to + 1) + '.';
      break;
    }
    case 'feature-add':
      d.entries[index].features.push({ name: '', description: '' });
      focus = '#' + idFor('entries[' + index + '].features[' + (d.entries[index].features.length - 1) + '].name');
      break;
    case 'feature-remove':
      d.entries[index].features.splice(sub, 1);
      focus = '[data-action="feature-add"][data-index="' + index + '"]';
      break;
    case 'section-add':
      d.sections.push({ heading: '', body: '' });
      focus = '#' + idFor('sections[' + (d.sections.length - 1) + '].heading');
      break;
    case 'section-remove':
      d.sections.splice(index, 1);
      focus = '[data-action="section-add"]';
      break;
    case 'section-up':
    case 'section-down': {
      const to = action === 'section-up' ? index - 1 : index + 1;
      move(d.sections, index, to);
      const edge = to === 0 ? 'section-down' : to === d.sections.length - 1 ? 'section-up' : action;
      focus = '[data-action="' + edge + '"][data-index="' + to + '"]';
      break;
    }
    default:
      return;
  }
  saver.errors = {};
  renderForm();
  $('announce').textContent = say;
  const target = focus && $('editor-form').querySelector(focus);
  if (target) target.focus();
  changed({ preview: true });
}

// The product picker: the catalog by name, as the editor types

const picker = { timer: null, seq: 0 };

async function searchProducts(input) {
  const index = Number(input.dataset.picker);
  const results = $(input.id + '-results');
  const text = input.value.trim();
  const seq = ++picker.seq;
  if (text.length < 2) {
    results.replaceChildren();
    return;
  }
  try {
    const { data } = await api('/api/products?' + new URLSearchParams({ q: text, size: '8' }));
    if (seq !== picker.seq) return;
    const items = data.items || [];
    results.replaceChildren(...(items.length ? items.map((p) => el('li', {},
      el('button', { type: 'button', 'data-pick': String(index), 'data-product-id': p.id, 'data-product-name': p.name },
        p.name, el('span', { className: 'kind', text: [p.brand, p.kind].filter(Boolean).join(' · ') })))) :
      [el('li', { className: 'muted', text: 'No product matches “' + text + '”.' })]));
  } catch (e) {
    if (!(e instanceof SignedOut)) results.replaceChildren(el('li', { className: 'field-error', text: e.message }));
  }
}

function pick(button) {
  const index = Number(button.dataset.pick);
  const entry = editor.draft.entries[index];
  entry.productId = button.dataset.productId;
  entry.productName = button.dataset.productName;
  if (!entry.heading) entry.heading = entry.productName;
  renderForm();
  $('announce').textContent = 'Picked ' + entry.productName + ' for rank ' + (index + 1) + '.';
  const next = $(idFor('entries[' + index + '].heading'));
  if (next) next.focus();
  changed({ preview: true });
}

function setUpEditor() {
  const form = $('editor-form');
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    const target = event.target;
    if (target.dataset.picker !== undefined) {
      clearTimeout(picker.timer);
      picker.timer = setTimeout(() => searchProducts(target), PICKER_MS);
      return;
    }
    const path = target.dataset.path;
    if (!path) return;
    setPath(editor.draft, path, target.dataset.list ? target.value.split(',') : target.value);
    if (path === 'title') renderHeader();
    const item = path.match(/^((?:entries|sections)\[\d+\])\.heading$/);
    const label = item && form.querySelector('[data-name-for="' + CSS.escape(item[1]) + '"]');
    if (label) label.textContent = target.value || (item[1].startsWith('entries') ? 'Entry ' : 'Section ') + (Number(item[1].match(/\d+/)[0]) + 1);
    changed({ preview: true });
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.target.dataset.picker !== undefined) {
      const first = $(event.target.id + '-results').querySelector('button');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  form.addEventListener('click', (event) => {
    const choice = event.target.closest('[data-pick]');
    if (choice) {
      pick(choice);
      return;
    }
    const button = event.target.closest('[data-action]');
    if (button && !button.disabled) {
      structural(button.dataset.action, Number(button.dataset.index), Number(button.dataset.sub));
    }
  });
  $('back-to-list').addEventListener('click', async () => {
    await saver.flush();
    editor.article = null;
    editor.draft = null;
    showList();
  });
  $('publish-now').addEventListener('click', publishNow);
  $('offer-local').addEventListener('click', (event) => {
    const id = editor.article && editor.article.id;
    if (event.target.id === 'restore-local') applyKept(localDrafts.get(id));
    if (event.target.id === 'discard-local') {
      localDrafts.remove(id);
      $('offer-local').hidden = true;
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (editor.draft && (isDirty() || saver.inFlight)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Autosave: debounced, one save in flight, If-Match with the revision last seen

function setSaveState(state, text) {
  const node = $('save-state');
  node.dataset.state = state;
  node.textContent = text;
}

function changed({ preview }) {
  if (!editor.draft) return;
  if (isDirty()) {
    localDrafts.put(editor.article.id, editor.draft, editor.article.etag);
    setSaveState('dirty', 'Unsaved changes');
    saver.schedule();
  }
  if (preview) schedulePreview(PREVIEW_MS);
}

const saver = {
  timer: null,
  inFlight: null,
  again: false,
  errors: {},
  schedule(delay = AUTOSAVE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), delay);
  },
  /** Saves now what is pending and waits for it (before publishing or leaving the editor). */
  async flush() {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (isDirty()) await this.save();
    while (this.inFlight) await this.inFlight;
  },
  save() {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    if (!session || !editor.draft || !isDirty()) return Promise.resolve();
    const d = editor.draft;
    if (!editor.article.id && (!d.title.trim() || !d.author.name.trim())) {
      setSaveState('dirty', 'Not saved yet: needs a title and an author');
      return Promise.resolve();
    }
    this.inFlight = this.send().finally(() => {
      this.inFlight = null;
      if (this.again) {
        this.again = false;
        if (isDirty()) this.schedule(0);
      }
    });
    return this.inFlight;
  },
  async send() {
    const a = editor.article;
    const sentJson = currentJson();
    const body = JSON.parse(sentJson);
    setSaveState('saving', 'Saving…');
    try {
      const answer = a.id
        ? await api('/api/articles/' + encodeURIComponent(a.id), { method: 'PUT', body, headers: { 'If-Match': a.etag } })
        : await api('/api/articles', { method: 'POST', body });
      const saved = answer.data;
      const wasNew = !a.id;
      a.id = saved.id;
      a.etag = answer.etag || '"' + saved.revision + '"';
      a.revision = saved.revision;
      a.status = saved.status;
      a.slug = saved.slug;
      editor.savedJson = sentJson;
      if (!editor.draft.slug && saved.slug && currentJson() === sentJson) {
        editor.draft.slug = saved.slug;
        editor.savedJson = currentJson();
        const slugInput = $(idFor('slug'));
        if (slugInput) slugInput.value = saved.slug;
      }
      if (wasNew) {
        localDrafts.remove(null);
        history.replaceState(null, '', '/editor#/articles/' + a.id);
      }
      this.errors = {};
      showErrors({});
      if (isDirty()) {
        localDrafts.put(a.id, editor.draft, a.etag);
        setSaveState('dirty', 'Unsaved changes');
        this.again = true;
      } else {
        localDrafts.remove(a.id);
        setSaveState('saved', 'Saved ' + timeFormat.format(new Date()));
      }
    } catch (e) {
      if (e instanceof SignedOut) {
        setSaveState('failed', 'Not saved: sign in again');
        return;
      }
      if (e.status === 400 && e.problem.errors) {
        this.errors = e.problem.errors;
        showErrors(this.errors);
        setSaveState('invalid', 'Not saved: fix the marked fields');
      } else if (e.status === 412) {
        setSaveState('failed', 'Not saved: someone else saved in between');
        $('form-error').textContent = 'Another editor saved this roundup after you opened it. Your text is kept in this '
          + 'browser; open the roundup again from the list to see theirs and restore yours.';
      } else {
        setSaveState('failed', 'Save failed: retrying');
        $('form-error').textContent = 'Saving failed: ' + e.message;
        this.schedule(RETRY_MS);
      }
    }
  },
};

/** Puts each of the API's field errors next to the field it names (or the nearest enclosing one). */
function showErrors(errors) {
  const form = $('view-edit');
  form.querySelectorAll('[data-error-for]').forEach((node) => { node.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  const general = [];
  for (const [path, messages] of Object.entries(errors || {})) {
    let target = path;
    let node = null;
    while (target && !(node = form.querySelector('[data-error-for="' + CSS.escape(target) + '"]'))) {
      const shorter = target.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      target = shorter === target ? '' : shorter;
    }
    const text = [].concat(messages).join('; ');
    if (!node) {
      general.push(path + ' ' + text);
      continue;
    }
    node.textContent = (node.textContent ? node.textContent + ' · ' : '') + (target === path ? '' : path + ': ') + text;
    const input = form.querySelector('[aria-describedby~="' + CSS.escape(node.id) + '"]');
    if (input && node.id) input.setAttribute('aria-invalid', 'true');
  }
  $('form-error').textContent = general.length ? 'Not saved: ' + general.join('; ') : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Preview: the site renders the Markdown exactly as the reader page will

const preview = { timer: null, seq: 0 };

function schedulePreview(delay) {
  clearTimeout(preview.timer);
  preview.timer = setTimeout(renderPreview, delay);
}

async function renderPreview() {
  if (!session || !editor.draft) return;
  const d = editor.draft;
  const fields = { intro: d.intro };
  d.entries.forEach((e, i) => { fields['entries[' + i + '].body'] = e.body; });
  d.sections.forEach((s, i) => { fields['sections[' + i + '].body'] = s.body; });
  const seq = ++preview.seq;
  let html;
  try {
    const response = await fetch('/editor/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
      body: JSON.stringify({ fields }),
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    html = (await response.json()).html;
  } catch (e) {
    if (seq === preview.seq) $('preview').replaceChildren(el('p', { className: 'muted', text: 'Preview unavailable.' }));
    return;
  }
  if (seq !== preview.seq) return;
  // the HTML was rendered and sanitized by the site (CommonMark, then the reader pages' allow-list)
  const markup = (name) => {
    const box = el('div');
    box.innerHTML = html[name] || '';
    return box;
  };
  $('preview').replaceChildren(
    el('h3', { text: d.title || 'Untitled roundup' }),
    d.summary ? el('p', { className: 'lead', text: d.summary }) : null,
    markup('intro'),
    ...d.entries.map((e, i) => el('section', {},
      el('h3', {}, el('span', { className: 'preview-rank', text: '#' + (i + 1) }), e.heading || e.productName || ''),
      e.productName ? el('p', { className: 'muted', text: e.productName }) : null,
      markup('entries[' + i + '].body'),
      e.features.length ? el('table', { className: 'features' },
        el('tbody', {}, e.features.map((f) => el('tr', {}, el('th', { scope: 'row', text: f.name }), el('td', { text: f.description }))))) : null)),
    ...d.sections.map((s, i) => el('section', {}, el('h3', { text: s.heading }), markup('sections[' + i + '].body'))));
}

// ---------------------------------------------------------------------------------------------------------------
// Publish now

async function publishNow() {
  const result = $('publish-result');
  result.classList.remove('is-error');
  result.textContent = 'Saving and publishing…';
  await saver.flush();
  if (!session) return;
  if (!editor.article.id || isDirty()) {
    result.classList.add('is-error');
    result.textContent = 'Not published: the roundup must be saved first (' + $('save-state').textContent + ').';
    return;
  }
  try {
    const a = editor.article;
    const { data, etag } = await api('/api/articles/' + encodeURIComponent(a.id) + '/publish', {
      method: 'POST', headers: { 'If-Match': a.etag },
    });
    a.etag = etag || '"' + data.revision + '"';
    a.status = data.status;
    a.slug = data.slug;
    editor.savedJson = currentJson();
    result.replaceChildren(el('p', {},
      'Published: ' + (STATUS_LABEL[data.status] || data.status) + ', revision ' + data.revision + ', '
        + when(data.publishedAt) + '. ',
      el('a', { href: '/reviews/' + encodeURIComponent(data.slug), text: 'Open the reader page' })));
  } catch (e) {
    if (e instanceof SignedOut) return;
    result.classList.add('is-error');
    result.textContent = 'Not published (' + (e.status || 'no answer') + '): ' + e.message;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Start

function route() {
  const match = location.hash.match(/^#\/articles\/([A-Za-z0-9_-]+)/);
  if (match) openEditor(match[1]);
  else if (location.hash === '#/new') openEditor(null);
  else showList();
}

setUpSignIn();
setUpList();
setUpEditor();
showView('signin');
$('signin-username').focus();
