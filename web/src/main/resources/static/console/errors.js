// The server's validation errors, each shown next to the field it names (or the nearest enclosing one). The roundup
// editor calls it with its defaults; other forms (a product, the synonym rules) pass their own root and general line.

import { $ } from './dom.js';

/** One step up a path: entries[1].features[0].name → entries[1].features[0] → entries[1] → entries; attributes[x] → attributes. */
const parent = (path) => path.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '');

export function showErrors(errors, { root = $('view-edit'), general: generalLine = $('form-error'), prefix = 'Not saved: ' } = {}) {
  const form = root;
  form.querySelectorAll('[data-error-for]').forEach((node) => { node.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  const general = [];
  for (const [path, messages] of Object.entries(errors || {})) {
    let target = path;
    let node = null;
    while (target && !(node = form.querySelector('[data-error-for="' + CSS.escape(target) + '"]'))) {
      const shorter = parent(target);
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
  if (generalLine) generalLine.textContent = general.length ? prefix + general.join('; ') : '';
  return general.length;
}
