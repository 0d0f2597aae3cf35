// How a compared field is shown: its two texts side by side, removed words struck through on the older side and
// added ones underlined on the newer, each change also named for screen readers. Used by the history's diff and by
// the conflict view.

import { side, wordDiff } from './diff.js';
import { el } from './dom.js';

/** One side's text: 'del' marks what only the before-text has, 'ins' what only the after-text has. */
function diffText(runs, kind) {
  return el('div', { className: 'diff-text' }, side(runs, kind).map((run) => {
    if (run.type === 'same') return run.text;
    const label = el('span', { className: 'visually-hidden', text: run.type === 'del' ? 'removed: ' : 'added: ' });
    return el(run.type, {}, label, run.text);
  }));
}

/**
 * A field ({label, before, after}; null where a side has no such field) as a heading and two labelled sides.
 * {@code extra} is put under the heading (the conflict view's choice of side).
 */
export function diffField(field, beforeLabel, afterLabel, extra = null) {
  const runs = wordDiff(field.before || '', field.after || '');
  const text = (kind, missing, what) => missing ? el('p', { className: 'diff-missing', text: what }) : diffText(runs, kind);
  return el('div', { className: 'diff-field' },
    el('h4', { text: field.label }),
    el('div', { className: 'diff-sides' },
      el('div', { className: 'diff-side diff-before' },
        el('p', { className: 'diff-side-label', text: beforeLabel }), text('del', field.before === null, field.beforeMissing || 'Not in this revision.')),
      el('div', { className: 'diff-side diff-after' },
        el('p', { className: 'diff-side-label', text: afterLabel }), text('ins', field.after === null, field.afterMissing || 'Not in this revision.'))),
    extra);
}
