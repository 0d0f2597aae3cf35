// The server's validation errors, each shown next to the field it names (or the nearest enclosing one).

import { $ } from './dom.js';

export function showErrors(errors) {
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
