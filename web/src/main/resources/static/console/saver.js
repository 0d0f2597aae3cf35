// Autosave: debounced, one save in flight, If-Match with the revision last seen. Until the server has the text,
// it is kept in this browser (drafts.js).

import { $, timeFormat } from './dom.js';
import { currentJson, editor, idFor, isDirty } from './draft.js';
import { localDrafts } from './drafts.js';
import { showErrors } from './errors.js';
import { schedulePreview } from './preview.js';
import { api, session, SignedOut } from './session.js';
import { setAddress } from './views.js';

const AUTOSAVE_MS = 1000;
const RETRY_MS = 5000;

export function setSaveState(state, text) {
  const node = $('save-state');
  node.dataset.state = state;
  node.textContent = text;
}

/** Called on every edit: keeps the text locally, schedules a save and (for text the reader sees) a preview. */
export function changed({ preview }) {
  if (!editor.draft) return;
  if (isDirty()) {
    localDrafts.put(editor.article.id, editor.draft, editor.article.etag);
    setSaveState('dirty', 'Unsaved changes');
    saver.schedule();
  }
  if (preview) schedulePreview();
}

export const saver = {
  timer: null,
  inFlight: null,
  again: false,
  paused: false,
  errors: {},
  /** What to do on a 412 (the conflict view registers itself here); autosave stays paused until it resumes. */
  onConflict: null,
  pause() {
    this.paused = true;
    clearTimeout(this.timer);
  },
  resume() {
    this.paused = false;
  },
  schedule(delay = AUTOSAVE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), delay);
  },
  cancel() {
    clearTimeout(this.timer);
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
    if (this.paused || !session() || !editor.draft || !isDirty()) return Promise.resolve();
    const d = editor.draft;
    if (!editor.article.id && (!d.title.trim() || !d.author.name.trim())) {
      setSaveState('dirty', 'Not saved yet: needs a title and an author');
      return Promise.resolve();
    }
    this.inFlight = this.send().catch(() => 'failed').then((outcome) => {
      this.inFlight = null;
      if (outcome === 'conflict') {
        this.again = false;
        this.onConflict();
      } else if (this.again) {
        this.again = false;
        if (isDirty()) this.schedule(0);
      }
      return outcome;
    });
    return this.inFlight;
  },
  /** Sends the draft once: 'saved', 'invalid', 'conflict', 'signed-out' or 'failed' (then it retries by itself). */
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
        setAddress('#/articles/' + a.id);
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
      return 'saved';
    } catch (e) {
      if (e instanceof SignedOut) {
        setSaveState('failed', 'Not saved: sign in again');
        return 'signed-out';
      }
      if (e.status === 400 && e.problem.errors) {
        this.errors = e.problem.errors;
        showErrors(this.errors);
        setSaveState('invalid', 'Not saved: fix the marked fields');
        return 'invalid';
      }
      if (e.status === 412 && this.onConflict) {
        this.pause();
        setSaveState('failed', 'Not saved: someone else saved in between');
        return 'conflict';
      }
      setSaveState('failed', 'Save failed: retrying');
      $('form-error').textContent = 'Saving failed: ' + e.message;
      this.schedule(RETRY_MS);
      return 'failed';
    }
  },
};
