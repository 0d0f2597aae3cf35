// Opening a roundup in the editor (or a new one), offering back what this browser kept of it, and leaving it.

import { leaveConflict, showConflict } from './conflict.js';
import { $, el, when } from './dom.js';
import { currentJson, editor, emptyDraft, fromArticle, isDirty, toRequest } from './draft.js';
import { localDrafts } from './drafts.js';
import { renderForm, setUpForm } from './form.js';
import { renderHeader } from './header.js';
import { schedulePreview } from './preview.js';
import { changed, saver, setSaveState } from './saver.js';
import { articleState } from './state.js';
import { api, onSignOut, SignedOut } from './session.js';
import { address, open, opener, setAddress, showView } from './views.js';

async function openEditor(id, { restore = false } = {}) {
  const kept = localDrafts.get(id);
  let article = { id: null, etag: null, status: 'DRAFT', slug: '' };
  let draft = emptyDraft();
  if (id) {
    try {
      const { data, etag } = await api('/api/articles/' + encodeURIComponent(id));
      article = articleState(data, etag);
      draft = fromArticle(data);
    } catch (e) {
      if (!(e instanceof SignedOut)) {
        $('list-status').textContent = 'That roundup could not be opened: ' + e.message;
      }
      return;
    }
  }
  leaveConflict();
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
  setAddress('#/' + (article.id ? 'articles/' + article.id : 'new'));
  reopenEditor();
  $('edit-title').focus();
}

/**
 * Puts back what this browser kept. When it was written over an older revision than the server's, the server's
 * version has changes this copy lacks: the conflict view shows both, with that older revision as the base.
 */
async function applyKept(kept) {
  $('offer-local').hidden = true;
  const a = editor.article;
  if (a.id && kept.baseRevision && kept.baseRevision !== a.etag) {
    const revision = Number(String(kept.baseRevision).replace(/\D/g, ''));
    try {
      const { data } = await api('/api/articles/' + encodeURIComponent(a.id) + '/revisions/' + revision);
      await showConflict({ base: toRequest(fromArticle(data)), baseEtag: kept.baseRevision, mine: kept.draft });
      return;
    } catch (e) {
      if (e instanceof SignedOut) return;
      // the base revision cannot be read: compare with the server's version as if it were the base
      await showConflict({ base: JSON.parse(editor.savedJson), baseEtag: kept.baseRevision, mine: kept.draft });
      return;
    }
  }
  editor.draft = kept.draft;
  renderForm();
  changed({ preview: true });
}

/** Shows the open draft again (after a sign-in) and saves what is pending. */
export function reopenEditor() {
  showView('edit');
  renderForm();
  renderHeader();
  schedulePreview(0);
  if (isDirty()) changed({ preview: false });
  else setSaveState(editor.article.id ? 'saved' : 'idle', editor.article.id ? 'Saved' : '');
}

export function setUpEditor() {
  setUpForm();
  opener('editor', openEditor);
  address(/^#\/articles\/([A-Za-z0-9_-]+)$/, (match) => openEditor(match[1]));
  address(/^#\/new$/, () => openEditor(null));
  onSignOut(() => {
    saver.cancel();
    return editor.article ? reopenEditor : null;
  });
  $('back-to-list').addEventListener('click', async () => {
    await saver.flush();
    leaveConflict();
    editor.article = null;
    editor.draft = null;
    open('list');
  });
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
