// When another editor saved the open roundup in between (a 412, or a kept local copy older than the server's
// version), autosave stops and this view shows both versions of every part that differs. The parts only one side
// changed come already chosen; the editor picks a side (or both texts) where both changed, then saves the merged
// roundup, saves theirs over mine, loads theirs (mine kept here), or keeps theirs as a new draft and saves mine.
// Nothing is lost either way: what is not chosen stays on screen until the editor leaves, and theirs stays in the
// history.

import { diffField } from './diff-view.js';
import { $, announce, el, when } from './dom.js';
import { editor, fromArticle, toRequest } from './draft.js';
import { localDrafts } from './drafts.js';
import { showErrors } from './errors.js';
import { renderForm } from './form.js';
import { renderHeader } from './header.js';
import { conflictParts, mergedDraft } from './merge.js';
import { schedulePreview } from './preview.js';
import { changed, saver, setSaveState } from './saver.js';
import { articleState } from './state.js';
import { api, SignedOut } from './session.js';

/** The open conflict: theirs (article view and ETag), mine (a draft), the parts that differ and what was done. */
let open = null;

const CHANGED_BY = { them: 'Changed by them', you: 'Changed by you', both: 'Changed by both of you' };

/**
 * Reads the server's version and shows the conflict: {@code base} is the request body of the revision the draft
 * {@code mine} was written over ({@code baseEtag}).
 */
export async function showConflict({ base, baseEtag, mine }) {
  let data;
  let etag;
  try {
    ({ data, etag } = await api('/api/articles/' + encodeURIComponent(editor.article.id)));
  } catch (e) {
    if (e instanceof SignedOut) return;
    $('form-error').textContent = 'Someone else changed this roundup (or deleted it): ' + e.message
      + '. Your text is still in the form and kept in this browser.';
    return;
  }
  const theirs = fromArticle(data);
  open = { data, etag: etag || '"' + data.revision + '"', theirs, mine, parts: conflictParts(base, theirs, mine), loaded: false };
  if (open.parts.every((part) => part.changedBy === 'you')) {
    // their revision changed nothing of the text (a workflow step, or the same words): mine simply goes on top
    await saveOverTheirs(structuredClone(mine));
    return;
  }
  saver.pause();
  localDrafts.put(editor.article.id, mine, baseEtag); // a reload of the tab comes back to this conflict
  setSaveState('failed', 'Not saved: someone else saved in between');
  $('form-error').textContent = '';
  $('editor-grid').inert = true;
  render();
  $('article-conflict').focus();
}

function partView(part, index) {
  const theirsLabel = 'Theirs · revision ' + open.data.revision;
  const name = 'conflict-choice-' + index;
  const option = (value, text) => el('label', { className: 'conflict-option' },
    el('input', { type: 'radio', name, value, checked: part.choice === value, 'data-part': String(index) }), ' ', text);
  const choice = open.loaded ? null : el('fieldset', { className: 'conflict-choice' },
    el('legend', {}, el('span', { className: 'conflict-who conflict-who-' + part.changedBy, text: CHANGED_BY[part.changedBy] }),
      el('span', { className: 'visually-hidden', text: ': keep which version of ' + part.label + '?' })),
    option('theirs', 'Keep theirs'), option('mine', 'Keep mine'),
    part.joinable ? option('both', 'Keep both (theirs, then mine)') : null);
  return diffField(
    { label: part.label, before: part.theirs, after: part.mine, beforeMissing: 'Not in their version.', afterMissing: 'Not in yours.' },
    theirsLabel, open.loaded ? 'Yours (not in the form)' : 'Yours', choice);
}

function render() {
  const box = $('article-conflict');
  const by = open.data.updatedBy ? open.data.updatedBy + ' saved' : 'Someone saved';
  const intro = open.loaded
    ? 'Their version is in the form. Yours is kept here until you leave this roundup: copy what you need, or put it back.'
    : by + ' revision ' + open.data.revision + ' (' + when(open.data.updatedAt) + ') after you opened it. Nothing of yours '
      + 'is lost. Parts only one of you changed are already chosen; choose where you both did, then save the merged roundup.';
  const actions = open.loaded
    ? [button('conflict-mine-back', 'Put mine back in the form', true), button('conflict-dismiss', 'Dismiss')]
    : [button('conflict-save-merged', 'Save the merged roundup', true), button('conflict-overwrite', 'Save mine over theirs'),
      button('conflict-load-theirs', 'Load theirs'), button('conflict-copy-theirs', 'Keep theirs as a new draft, save mine')];
  box.replaceChildren(
    el('h2', { id: 'article-conflict-title',
      text: open.loaded ? 'Their version is loaded; yours is kept here' : 'Someone else saved this roundup in between' }),
    el('p', { text: intro }),
    el('p', { className: 'conflict-count', text: open.parts.length === 1 ? '1 part differs.' : open.parts.length + ' parts differ.' }),
    el('div', { className: 'conflict-parts' }, open.parts.map(partView)),
    el('p', { id: 'conflict-error', className: 'field-error', role: 'alert' }),
    el('div', { className: 'conflict-actions' }, actions));
  box.hidden = false;
}

function button(id, text, primary = false) {
  return el('button', { type: 'button', className: 'button button-small' + (primary ? ' button-primary' : ''), id, text });
}

/** Puts a draft in the form with their version as what the server has, and saves it over theirs if it differs. */
async function saveOverTheirs(draft) {
  takeTheirs();
  editor.draft = draft;
  renderForm();
  schedulePreview(0);
  saver.resume();
  const outcome = await saver.save();
  if (outcome === 'conflict') return false; // a third version came in between: its own view is open now
  close();
  if (outcome === undefined) setSaveState('saved', 'Saved');
  return outcome === 'saved' || outcome === undefined;
}

/** The server's version becomes what this tab last saw: the next save sends If-Match with their revision. */
function takeTheirs() {
  Object.assign(editor.article, articleState(open.data, open.etag));
  editor.savedJson = JSON.stringify(toRequest(open.theirs));
  renderHeader();
}

function close() {
  open = null;
  $('article-conflict').hidden = true;
  $('article-conflict').replaceChildren();
  $('editor-grid').inert = false;
  saver.resume();
}

async function onClick(event) {
  if (!open || !event.target.id) return;
  const id = event.target.id;
  $('conflict-error').textContent = '';
  if (id === 'conflict-save-merged') {
    if (await saveOverTheirs(mergedDraft(open.theirs, open.mine, open.parts))) {
      announce('The merged roundup is saved.');
      $('edit-title').focus();
    }
  } else if (id === 'conflict-overwrite') {
    if (await saveOverTheirs(structuredClone(open.mine))) {
      announce('Your version is saved over theirs; theirs stays in the history.');
      $('edit-title').focus();
    }
  } else if (id === 'conflict-load-theirs') {
    takeTheirs();
    editor.draft = structuredClone(open.theirs);
    open.loaded = true;
    showErrors({});
    renderForm();
    schedulePreview(0);
    setSaveState('saved', 'Saved (their version)');
    $('editor-grid').inert = false;
    saver.resume();
    render();
    announce('Their version is loaded. Yours is kept above the form.');
    $('conflict-mine-back').focus();
  } else if (id === 'conflict-mine-back') {
    editor.draft = structuredClone(open.mine);
    renderForm();
    close();
    changed({ preview: true });
    announce('Your version is back in the form and is being saved over theirs.');
    $('edit-title').focus();
  } else if (id === 'conflict-dismiss') {
    localDrafts.remove(editor.article.id);
    close();
    $('edit-title').focus();
  } else if (id === 'conflict-copy-theirs') {
    await copyTheirs();
  }
}

/** Their version as a new draft (its slug derived anew), then mine saved over theirs in this roundup. */
async function copyTheirs() {
  const body = toRequest(open.theirs);
  delete body.slug;
  body.title = ('Copy of ' + body.title).slice(0, 200);
  let copy;
  try {
    ({ data: copy } = await api('/api/articles', { method: 'POST', body }));
  } catch (e) {
    if (!(e instanceof SignedOut)) $('conflict-error').textContent = 'Their version could not be copied: ' + e.message;
    return;
  }
  if (await saveOverTheirs(structuredClone(open.mine))) {
    $('publish-result').classList.remove('is-error');
    $('publish-result').replaceChildren(el('p', {}, 'Saved yours. Their version is kept as a new draft: ',
      el('a', { href: '#/articles/' + encodeURIComponent(copy.id), id: 'conflict-copy-link', text: copy.title }), '.'));
    announce('Your version is saved; theirs is kept as a new draft.');
    $('conflict-copy-link').focus();
  }
}

function onChoice(event) {
  const input = event.target;
  if (!open || input.type !== 'radio' || input.dataset.part === undefined) return;
  open.parts[Number(input.dataset.part)].choice = input.value;
}

/** Forgets the open conflict (when the editor leaves the roundup). */
export function leaveConflict() {
  if (open) close();
}

export function setUpConflict() {
  saver.onConflict = () => showConflict({
    base: JSON.parse(editor.savedJson), baseEtag: editor.article.etag, mine: structuredClone(editor.draft),
  });
  $('article-conflict').addEventListener('click', onClick);
  $('article-conflict').addEventListener('change', onChoice);
}
