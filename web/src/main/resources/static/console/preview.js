// Preview: the site renders the Markdown exactly as the reader page will (CommonMark, then the reader pages'
// allow-list), so what the editor sees is what readers get.

import { $, el } from './dom.js';
import { editor } from './draft.js';
import { session } from './session.js';

export const PREVIEW_MS = 500;
const preview = { timer: null, seq: 0 };

export function schedulePreview(delay = PREVIEW_MS) {
  clearTimeout(preview.timer);
  preview.timer = setTimeout(renderPreview, delay);
}

async function renderPreview() {
  const signedIn = session();
  if (!signedIn || !editor.draft) return;
  const d = editor.draft;
  const fields = { intro: d.intro };
  d.entries.forEach((e, i) => { fields['entries[' + i + '].body'] = e.body; });
  d.sections.forEach((s, i) => { fields['sections[' + i + '].body'] = s.body; });
  const seq = ++preview.seq;
  let html;
  try {
    const response = await fetch('/editor/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + signedIn.token },
      body: JSON.stringify({ fields }),
    });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    html = (await response.json()).html;
  } catch (e) {
    if (seq === preview.seq) $('preview').replaceChildren(el('p', { className: 'muted', text: 'Preview unavailable.' }));
    return;
  }
  if (seq !== preview.seq) return;
  // the HTML was rendered and sanitized by the site
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
