// The product editor: name, kind, brand, image, attributes (name/value rows) and offers (retailer, URL, price).
// Saved with an explicit Save (a product's price is public in search within seconds, so nothing goes out half-typed),
// with If-Match of the revision last seen. A 412 shows their version and mine for each field that differs; the
// editor overwrites with theirs' revision or loads theirs, and mine stays on screen until they leave. Delete asks
// first; the API's 409 names the published reviews that still rank the product, each linked.

import { $, announce, el, timeFormat, when } from './dom.js';
import { showErrors } from './errors.js';
import { leaveGuard } from './nav.js';
import { api, onSignOut, SignedOut } from './session.js';
import { address, open, opener, setAddress, showView } from './views.js';

const KINDS = ['music', 'film', 'book', 'gear'];
const FIELD_LABELS = { name: 'Name', kind: 'Kind', brand: 'Brand', imageUrl: 'Image URL', attributes: 'Attributes', offers: 'Offers' };

/** The open product: its id and ETag, the draft the form shows, the body last saved, and a conflict if one is open. */
const state = { id: null, etag: null, revision: null, draft: null, savedJson: null, saving: false, conflict: null };

const emptyOffer = () => ({ retailer: '', url: '', amount: '', currency: 'USD' });

function fromProduct(p) {
  return {
    name: p.name || '', kind: p.kind || '', brand: p.brand || '', imageUrl: p.imageUrl || '',
    attributes: Object.entries(p.attributes || {}).map(([key, value]) => ({ key, value })),
    offers: (p.offers || []).map((o) => ({ retailer: o.retailer || '', url: o.url || '',
      amount: (o.price && o.price.amount) || '', currency: (o.price && o.price.currency) || '' })),
  };
}

const blankRow = (row) => Object.entries(row).every(([k, v]) => k === 'currency' || !String(v).trim());

/**
 * The API's body, and where each offer sent sits on screen (rows left wholly blank are not sent, so the API's
 * offers[n] is not always row n).
 */
function toRequest(d) {
  const offerRows = [];
  const offers = [];
  d.offers.forEach((o, row) => {
    if (blankRow(o)) return;
    offerRows.push(row);
    offers.push({ retailer: o.retailer, url: o.url, price: { amount: o.amount.trim(), currency: o.currency.trim().toUpperCase() } });
  });
  const attributes = {};
  for (const a of d.attributes) {
    if (!a.key.trim() && !a.value.trim()) continue;
    attributes[a.key.trim()] = a.value;
  }
  const body = { name: d.name, kind: d.kind.trim(), attributes, offers };
  if (d.brand.trim()) body.brand = d.brand;
  if (d.imageUrl.trim()) body.imageUrl = d.imageUrl;
  return { body, offerRows };
}

const currentJson = () => JSON.stringify(toRequest(state.draft).body);
const isDirty = () => state.draft !== null && currentJson() !== state.savedJson;
const isOpen = () => !$('view-product').hidden;

function setState(kind, text) {
  const node = $('product-save-state');
  node.dataset.state = kind;
  node.textContent = text;
}

// The form

function input(path, label, { value, hint, type = 'text', list, autocomplete = 'off', inputmode, className, ariaLabel } = {}) {
  const id = 'p-' + path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '');
  const field = el('input', { id, type, 'data-path': path, autocomplete, spellcheck: 'false', list, inputmode,
    'aria-describedby': [hint ? id + '-hint' : null, id + '-error'].filter(Boolean).join(' '),
    'aria-label': ariaLabel || null });
  field.value = value;
  return { id, field, error: el('p', { className: 'field-error', id: id + '-error', 'data-error-for': path }) };
}

function field(path, label, options = {}) {
  const { id, field: control, error } = input(path, label, { value: state.draft[path], ...options });
  return el('div', { className: 'field' + (options.className ? ' ' + options.className : '') },
    el('label', { for: id, text: label }),
    options.hint ? el('p', { className: 'hint', id: id + '-hint', text: options.hint }) : null,
    control, error);
}

function attributeRow(a, i) {
  const key = input('attributes.' + i + '.key', '', { value: a.key, ariaLabel: 'Attribute ' + (i + 1) + ' name' });
  const value = input('attributes.' + i + '.value', '', { value: a.value, ariaLabel: 'Attribute ' + (i + 1) + ' value' });
  const error = el('p', { className: 'field-error', id: 'p-attribute-' + i + '-error', 'data-error-for': 'attributes[' + a.key.trim() + ']',
    'data-attribute-error': String(i) });
  key.field.setAttribute('aria-describedby', error.id);
  value.field.setAttribute('aria-describedby', error.id);
  key.field.placeholder = 'Name, e.g. format';
  value.field.placeholder = 'Value, e.g. 4K Blu-ray';
  return el('li', { className: 'attribute-row' }, key.field, value.field,
    el('button', { type: 'button', className: 'button button-small button-danger', 'data-action': 'attribute-remove',
      'data-index': String(i), 'aria-label': 'Remove attribute ' + (a.key || i + 1), text: 'Remove' }),
    error);
}

function offerRow(o, i) {
  const base = 'offers[' + i + ']';
  const part = (name, label, options) => {
    const made = input(base + '.' + name, label, { value: o[name], ...options });
    made.field.dataset.path = 'offers.' + i + '.' + name;
    return el('div', { className: 'field offer-' + name }, el('label', { for: made.id, text: label }), made.field, made.error);
  };
  const amountPath = base + '.price.amount';
  const currencyPath = base + '.price.currency';
  const amount = input(amountPath, 'Price', { value: o.amount, inputmode: 'decimal' });
  amount.field.dataset.path = 'offers.' + i + '.amount';
  const currency = input(currencyPath, 'Currency', { value: o.currency, autocomplete: 'off' });
  currency.field.dataset.path = 'offers.' + i + '.currency';
  currency.field.maxLength = 3;
  currency.field.setAttribute('aria-describedby', currency.id + '-error ' + 'p-' + base.replace(/[^a-zA-Z0-9]+/g, '-') + 'price-error');
  return el('li', { className: 'offer-row', 'data-offer': String(i) },
    el('div', { className: 'offer-head' },
      el('h3', { text: 'Offer ' + (i + 1) }),
      el('button', { type: 'button', className: 'button button-small button-danger', 'data-action': 'offer-remove',
        'data-index': String(i), 'aria-label': 'Remove offer ' + (i + 1) + (o.retailer ? ' (' + o.retailer + ')' : ''), text: 'Remove' })),
    el('div', { className: 'offer-fields' },
      part('retailer', 'Retailer', { autocomplete: 'organization' }),
      part('url', 'Link to the offer', { type: 'url', inputmode: 'url' }),
      el('div', { className: 'field offer-amount' }, el('label', { for: amount.id, text: 'Price' }), amount.field, amount.error),
      el('div', { className: 'field offer-currency' }, el('label', { for: currency.id, text: 'Currency' }), currency.field, currency.error)),
    el('p', { className: 'field-error', id: 'p-' + base.replace(/[^a-zA-Z0-9]+/g, '-') + 'price-error', 'data-error-for': base + '.price' }),
    el('p', { className: 'field-error', 'data-error-for': base }));
}

function renderForm() {
  const d = state.draft;
  $('product-form').replaceChildren(
    el('fieldset', {},
      el('legend', { text: 'The product' }),
      field('name', 'Name', { hint: 'As readers will see it on the review, e.g. “Aurora ANC Pro”.' }),
      el('div', { className: 'field-pair' },
        field('kind', 'Kind', { list: 'product-kinds', hint: 'One lowercase word: music, film, book, gear…' }),
        field('brand', 'Brand (optional)', { hint: 'The maker or label, as printed on it.' })),
      field('imageUrl', 'Image URL (optional)', { type: 'url', inputmode: 'url', hint: 'An absolute https:// address.' }),
      el('datalist', { id: 'product-kinds' }, KINDS.map((k) => el('option', { value: k })))),
    el('fieldset', {},
      el('legend', { text: 'Attributes' }),
      el('p', { className: 'hint', text: 'What the review’s readers compare: director, format, battery life…' }),
      el('ul', { className: 'attribute-rows', 'aria-label': 'Attributes' }, d.attributes.map(attributeRow)),
      el('p', { className: 'field-error', 'data-error-for': 'attributes' }),
      el('button', { type: 'button', className: 'button button-small', 'data-action': 'attribute-add', text: '+ Add attribute' })),
    el('fieldset', {},
      el('legend', { text: 'Offers' }),
      el('p', { className: 'hint', text: 'Where readers can buy it. The lowest price is shown on reviews and in search.' }),
      el('ol', { className: 'offer-rows', 'aria-label': 'Offers' }, d.offers.map(offerRow)),
      el('p', { className: 'field-error', 'data-error-for': 'offers' }),
      el('button', { type: 'button', className: 'button button-small', 'data-action': 'offer-add', text: '+ Add offer' })),
    el('p', { className: 'field-error', 'data-error-for': 'request' }));
}

function renderHeader() {
  $('product-title').textContent = state.draft.name.trim() || (state.id ? '(unnamed)' : 'New product');
  $('product-delete').hidden = !state.id;
}

/** The reader's product card (the review page's classes), from the draft: what a save would show readers. */
function renderCard() {
  const d = state.draft;
  const offers = d.offers.filter((o) => !blankRow(o));
  const priced = offers.filter((o) => /^\d+(\.\d+)?$/.test(o.amount.trim()) && /^[A-Za-z]{3}$/.test(o.currency.trim()));
  const currencies = new Set(priced.map((o) => o.currency.trim().toUpperCase()));
  const lowest = currencies.size === 1 && priced.length
    ? priced.reduce((a, b) => (Number(b.amount) < Number(a.amount) ? b : a)) : null;
  const attributes = d.attributes.filter((a) => a.key.trim());
  $('product-card').replaceChildren(...[
    el('p', { className: 'product-name' },
      el('strong', { text: d.name.trim() || 'Unnamed product' }),
      d.brand.trim() ? el('span', { className: 'product-brand' }, el('span', { className: 'visually-hidden', text: 'Brand: ' }), d.brand.trim()) : null,
      d.kind.trim() ? el('span', { className: 'kind' }, el('span', { className: 'visually-hidden', text: 'Kind: ' }), d.kind.trim()) : null),
    lowest ? el('p', { className: 'card-lowest' }, 'From ', el('span', { className: 'price', text: price(lowest) })) : null,
    offers.length
      ? el('ul', { className: 'offer-list', 'aria-label': 'Where to buy' }, offers.map((o) => el('li', { className: 'offer' },
        el('span', { className: 'offer-price', text: price(o) }),
        el('span', { className: 'button button-buy', text: 'Buy at ' + (o.retailer.trim() || '…') }))))
      : el('p', { className: 'muted', text: 'No offer yet: readers see no buy button.' }),
    attributes.length ? el('table', { className: 'features' },
      el('caption', { text: 'Attributes' }),
      el('tbody', {}, attributes.map((a) => el('tr', {}, el('th', { scope: 'row', text: a.key.trim() }), el('td', { text: a.value }))))) : null,
  ].filter(Boolean));
}

function price(o) {
  const amount = o.amount.trim();
  if (!amount) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: o.currency.trim().toUpperCase() }).format(Number(amount));
  } catch {
    return amount + ' ' + o.currency;
  }
}

function changed() {
  renderHeader();
  renderCard();
  if (isDirty()) setState('dirty', 'Unsaved changes');
  else if (state.id) setState('saved', 'Saved');
  else setState('idle', '');
}

// Opening

async function openProduct(id) {
  let product = null;
  let etag = null;
  if (id) {
    try {
      ({ data: product, etag } = await api('/api/products/' + encodeURIComponent(id)));
    } catch (e) {
      if (!(e instanceof SignedOut)) {
        open('catalog');
        $('catalog-status').textContent = 'That product could not be opened: ' + e.message;
      }
      return;
    }
  }
  load(product, etag);
  setAddress('#/products/' + (product ? product.id : 'new'));
  showView('product');
  $('product-result').textContent = '';
  $('product-result').classList.remove('is-error');
  closeConflict();
  changed();
  $('product-title').focus();
}

function load(product, etag) {
  state.id = product ? product.id : null;
  state.revision = product ? product.revision : null;
  state.etag = product ? etag || '"' + product.revision + '"' : null;
  state.draft = product ? fromProduct(product) : { name: '', kind: '', brand: '', imageUrl: '', attributes: [], offers: [emptyOffer()] };
  state.savedJson = product ? JSON.stringify(toRequest(fromProduct(product)).body) : JSON.stringify(toRequest(state.draft).body);
  showProductErrors({});
  renderForm();
}

// Saving

function showProductErrors(errors, offerRows = null) {
  const mapped = {};
  for (const [path, messages] of Object.entries(errors || {})) {
    const at = offerRows ? path.replace(/^offers\[(\d+)\]/, (all, n) => 'offers[' + (offerRows[Number(n)] ?? n) + ']') : path;
    mapped[at] = messages;
  }
  return showErrors(mapped, { root: $('view-product'), general: $('product-error') });
}

function duplicateNames() {
  const seen = new Map();
  const errors = {};
  for (const a of state.draft.attributes) {
    const key = a.key.trim();
    if (!key && !a.value.trim()) continue;
    if (seen.has(key)) errors['attributes[' + key + ']'] = ['is used twice: give each attribute its own name'];
    seen.set(key, true);
  }
  return errors;
}

async function save({ ifMatch = state.etag } = {}) {
  if (state.saving) return;
  const duplicates = duplicateNames();
  if (Object.keys(duplicates).length) {
    showProductErrors(duplicates);
    setState('invalid', 'Not saved: fix the marked fields');
    return;
  }
  const { body, offerRows } = toRequest(state.draft);
  const sentJson = JSON.stringify(body);
  state.saving = true;
  $('product-save').disabled = true;
  setState('saving', 'Saving…');
  $('product-result').textContent = '';
  $('product-result').classList.remove('is-error');
  try {
    const answer = state.id
      ? await api('/api/products/' + encodeURIComponent(state.id), { method: 'PUT', body, headers: { 'If-Match': ifMatch } })
      : await api('/api/products', { method: 'POST', body });
    const saved = answer.data;
    const wasNew = !state.id;
    state.id = saved.id;
    state.revision = saved.revision;
    state.etag = answer.etag || '"' + saved.revision + '"';
    state.savedJson = sentJson;
    if (wasNew) setAddress('#/products/' + saved.id);
    showProductErrors({});
    closeConflict();
    if (isDirty()) setState('dirty', 'Unsaved changes');
    else setState('saved', 'Saved ' + timeFormat.format(new Date()) + ' · revision ' + saved.revision);
    renderHeader();
    announce('Product saved.');
  } catch (e) {
    if (e instanceof SignedOut) {
      setState('failed', 'Not saved: sign in again');
    } else if (e.status === 400 && e.problem.errors) {
      const general = showProductErrors(e.problem.errors, offerRows);
      setState('invalid', 'Not saved: fix the marked fields');
      const first = $('view-product').querySelector('[aria-invalid="true"]');
      if (first && !general) first.focus();
    } else if (e.status === 412) {
      setState('failed', 'Not saved: changed by someone else');
      await showConflict();
    } else {
      setState('failed', 'Save failed: ' + e.message);
      $('product-error').textContent = 'Saving failed (' + (e.status || 'no answer') + '): ' + e.message
        + ' Your changes are still here: try Save again.';
    }
  } finally {
    state.saving = false;
    $('product-save').disabled = false;
  }
}

// A 412: theirs and mine, field by field

const shown = {
  name: (r) => r.name || '—',
  kind: (r) => r.kind || '—',
  brand: (r) => r.brand || '—',
  imageUrl: (r) => r.imageUrl || '—',
  attributes: (r) => Object.entries(r.attributes || {}).map(([k, v]) => k + ': ' + v),
  offers: (r) => (r.offers || []).map((o) => o.retailer + ' · ' + money(o.price) + ' · ' + o.url),
};

function money(price) {
  return price && price.amount ? price.amount + ' ' + (price.currency || '') : '—';
}

function cell(value) {
  const lines = [].concat(value);
  if (!lines.length) return el('td', { className: 'muted', text: 'none' });
  return el('td', {}, lines.length === 1 ? lines[0] : el('ul', {}, lines.map((l) => el('li', { text: l }))));
}

async function showConflict() {
  let theirs;
  let etag;
  try {
    ({ data: theirs, etag } = await api('/api/products/' + encodeURIComponent(state.id)));
  } catch (e) {
    if (e instanceof SignedOut) return;
    $('product-error').textContent = 'Someone else changed this product (or deleted it): ' + e.message
      + '. Your changes are still in the form.';
    return;
  }
  const mine = JSON.parse(currentJson());
  const theirsBody = toRequest(fromProduct(theirs)).body;
  const fields = Object.keys(FIELD_LABELS).filter((f) => JSON.stringify(shown[f](mine)) !== JSON.stringify(shown[f](theirsBody)));
  state.conflict = { theirs, etag: etag || '"' + theirs.revision + '"', mine: state.draft, fields, loaded: false };
  renderConflict();
  $('product-conflict').focus();
}

function renderConflict() {
  const c = state.conflict;
  const box = $('product-conflict');
  const mineBody = toRequest(c.mine).body;
  const theirsBody = toRequest(fromProduct(c.theirs)).body;
  const rows = c.fields.map((f) => el('tr', {},
    el('th', { scope: 'row', text: FIELD_LABELS[f] }), cell(shown[f](theirsBody)), cell(shown[f](mineBody))));
  const table = el('table', { className: 'conflict-table' },
    el('caption', { className: 'visually-hidden', text: 'Fields that differ' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Field' }),
      el('th', { scope: 'col', text: 'Theirs (revision ' + c.theirs.revision + ', ' + when(c.theirs.updatedAt) + ')' }),
      el('th', { scope: 'col', text: c.loaded ? 'Yours (not saved)' : 'Yours' }))),
    el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: '3', text: 'Their version has the same values as yours.' }))]));
  const actions = c.loaded
    ? [el('button', { type: 'button', className: 'button button-small', id: 'conflict-mine-back', text: 'Put mine back in the form' }),
      el('button', { type: 'button', className: 'button button-small', id: 'conflict-dismiss', text: 'Dismiss' })]
    : [el('button', { type: 'button', className: 'button button-primary button-small', id: 'conflict-overwrite',
      text: 'Save mine over theirs' }),
    el('button', { type: 'button', className: 'button button-small', id: 'conflict-reload', text: 'Load theirs' })];
  box.replaceChildren(
    el('h2', { id: 'product-conflict-title',
      text: c.loaded ? 'Their version is in the form; yours is kept here' : 'Someone else saved this product in between' }),
    el('p', { text: c.loaded
      ? 'Copy what you need from your column, or put your version back. It is kept until you leave this product.'
      : 'Nothing of yours is lost: compare the fields that differ, then save yours over theirs or load theirs (yours stays here).' }),
    el('div', { className: 'table-scroll' }, table),
    el('div', { className: 'conflict-actions' }, actions));
  box.hidden = false;
}

function closeConflict() {
  state.conflict = null;
  $('product-conflict').hidden = true;
  $('product-conflict').replaceChildren();
}

function onConflictClick(event) {
  const c = state.conflict;
  if (!c) return;
  const id = event.target.id;
  if (id === 'conflict-overwrite') {
    state.draft = c.mine;
    save({ ifMatch: c.etag });
  } else if (id === 'conflict-reload') {
    c.loaded = true;
    state.etag = c.etag;
    state.revision = c.theirs.revision;
    state.draft = fromProduct(c.theirs);
    state.savedJson = JSON.stringify(toRequest(state.draft).body);
    showProductErrors({});
    renderForm();
    renderConflict();
    changed();
    announce('Their version is loaded. Yours is kept above the form.');
    $('conflict-mine-back').focus();
  } else if (id === 'conflict-mine-back') {
    state.draft = c.mine;
    renderForm();
    closeConflict();
    changed();
    announce('Your version is back in the form; Save puts it over theirs.');
    $('product-save').focus();
  } else if (id === 'conflict-dismiss') {
    closeConflict();
    $('product-title').focus();
  }
}

// Deleting

function askDelete() {
  $('product-delete-text').textContent = '“' + (state.draft.name || 'This product') + '” leaves the catalog for good. '
    + 'While published reviews rank it, the catalog refuses and lists them.';
  const dialog = $('product-delete-dialog');
  dialog.returnValue = '';
  dialog.showModal();
}

async function remove() {
  const result = $('product-result');
  result.classList.remove('is-error');
  result.textContent = 'Deleting…';
  const name = state.draft.name;
  try {
    await api('/api/products/' + encodeURIComponent(state.id), { method: 'DELETE', headers: state.etag ? { 'If-Match': state.etag } : {} });
    state.draft = null;
    state.id = null;
    open('catalog');
    $('catalog-status').textContent = 'Deleted “' + name + '”.';
    announce('Deleted ' + name + '.');
  } catch (e) {
    if (e instanceof SignedOut) return;
    result.classList.add('is-error');
    if (e.status === 409) {
      const articles = e.problem.articles || [];
      result.replaceChildren(
        el('p', { className: 'result-title' }, el('strong', { text: 'Not deleted: ' }),
          (articles.length === 1 ? 'a published review still ranks' : articles.length + ' published reviews still rank')
            + ' this product. Change or unpublish ' + (articles.length === 1 ? 'it' : 'them') + ' first.'),
        el('ul', { className: 'in-use', id: 'product-in-use' }, articles.map((a) => el('li', {},
          el('span', { className: 'in-use-title', text: a.title || a.slug || a.id }),
          el('a', { href: '/editor#/articles/' + encodeURIComponent(a.id), 'data-article': a.id,
            'aria-label': 'Edit “' + (a.title || a.slug) + '” in the console', text: 'Edit' }),
          a.slug ? el('a', { href: '/reviews/' + encodeURIComponent(a.slug), 'data-reader': a.slug,
            'aria-label': 'Read “' + (a.title || a.slug) + '” on the site', text: 'Read' }) : null))));
      result.setAttribute('tabindex', '-1');
      result.focus();
    } else if (e.status === 412) {
      result.textContent = 'Not deleted: someone else changed this product since you opened it. Open it again to see '
        + 'their version first.';
    } else {
      result.textContent = 'Not deleted (' + (e.status || 'no answer') + '): ' + e.message;
    }
  }
}

// Wiring

function structural(action, index) {
  const d = state.draft;
  let focus = null;
  if (action === 'attribute-add') {
    d.attributes.push({ key: '', value: '' });
    focus = '#p-attributes-' + (d.attributes.length - 1) + '-key';
  } else if (action === 'attribute-remove') {
    d.attributes.splice(index, 1);
    focus = '[data-action="attribute-add"]';
    announce('Attribute removed.');
  } else if (action === 'offer-add') {
    d.offers.push(emptyOffer());
    focus = '#p-offers-' + (d.offers.length - 1) + '-retailer';
  } else if (action === 'offer-remove') {
    d.offers.splice(index, 1);
    focus = '[data-action="offer-add"]';
    announce('Offer removed.');
  } else {
    return;
  }
  renderForm();
  const target = $('product-form').querySelector(focus);
  if (target) target.focus();
  changed();
}

export function setUpProductEditor() {
  opener('product', openProduct);
  address(/^#\/products\/new$/, () => openProduct(null));
  address(/^#\/products\/([A-Za-z0-9_-]+)$/, (match) => openProduct(match[1]));
  const form = $('product-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  form.addEventListener('input', (event) => {
    const path = event.target.dataset.path;
    if (!path || !state.draft) return;
    const parts = path.split('.');
    if (parts.length === 1) {
      state.draft[path] = event.target.value;
    } else {
      const [list, i, name] = parts;
      state.draft[list][Number(i)][name] = event.target.value;
      if (list === 'attributes' && name === 'key') {
        const error = form.querySelector('[data-attribute-error="' + i + '"]');
        if (error) error.dataset.errorFor = 'attributes[' + event.target.value.trim() + ']';
      }
    }
    changed();
  });
  form.addEventListener('click', (event) => {
    const button = event.target.closest('[data-action]');
    if (button) structural(button.dataset.action, Number(button.dataset.index));
  });
  $('view-product').addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 's') {
      event.preventDefault();
      save();
    }
  });
  $('product-conflict').addEventListener('click', onConflictClick);
  $('product-delete').addEventListener('click', askDelete);
  $('product-delete-dialog').addEventListener('close', () => {
    if ($('product-delete-dialog').returnValue === 'delete') remove();
    else $('product-delete').focus();
  });
  leaveGuard(() => (isOpen() && isDirty() ? 'This product has unsaved changes. Leave it without saving them?' : null));
  onSignOut(() => (isOpen() && state.draft ? () => {
    showView('product');
    setAddress('#/products/' + (state.id || 'new'));
    changed();
  } : null));
  window.addEventListener('beforeunload', (event) => {
    if (state.draft && isDirty()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}
