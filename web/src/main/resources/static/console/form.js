// The roundup form: fields, ranked entries (add, remove, reorder: the rank follows the order), feature tables,
// sections and the product picker. Every edit goes to the draft and from there to autosave and the preview.

import { $, announce, el } from './dom.js';
import { editor, getPath, idFor, setPath } from './draft.js';
import { showErrors } from './errors.js';
import { renderHeader } from './header.js';
import { changed, saver } from './saver.js';
import { api, SignedOut } from './session.js';

const PICKER_MS = 250;

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

export function renderForm() {
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

/**
 * Moves item `index` of a list one place up or down (`kind`-up / `kind`-down) and answers its new
 * index and the button to focus: the same direction, or the other one when the item reached an end of the list.
 */
function step(list, kind, action, index) {
  const to = action === kind + '-up' ? index - 1 : index + 1;
  move(list, index, to);
  const edge = to === 0 ? kind + '-down' : to === list.length - 1 ? kind + '-up' : action;
  return { to, focus: '[data-action="' + edge + '"][data-index="' + to + '"]' };
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
      const moved = step(d.entries, 'entry', action, index);
      focus = moved.focus;
      const entry = d.entries[moved.to];
      say = (entry.heading || entry.productName || 'Entry') + ' is now rank ' + (moved.to + 1) + '.';
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
      focus = step(d.sections, 'section', action, index).focus;
      break;
    }
    default:
      return;
  }
  saver.errors = {};
  renderForm();
  announce(say);
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
  announce('Picked ' + entry.productName + ' for rank ' + (index + 1) + '.');
  const next = $(idFor('entries[' + index + '].heading'));
  if (next) next.focus();
  changed({ preview: true });
}

export function setUpForm() {
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
}
