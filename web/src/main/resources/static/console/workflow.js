// The workflow beyond "publish now": schedule (a date and time in the browser's own zone, sent as UTC), reschedule,
// cancel a schedule, unpublish and delete (after a confirmation dialog), each offered only to the roles the API lets
// do it and each showing the API's answer; and, while the open roundup is scheduled, a poll that shows it go live.

import { $, announce, el, STATUS_LABEL, when } from './dom.js';
import { editor, fromArticle, isDirty, toRequest } from './draft.js';
import { localDrafts } from './drafts.js';
import { onHeader } from './header.js';
import { saver } from './saver.js';
import { api, hasRole, onSignOut, session, SignedOut } from './session.js';
import { adopt, adoptStatus } from './state.js';
import { open } from './views.js';

/** How often the open scheduled roundup is read again to see it go live. */
const POLL_MS = 5000;
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const utcFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC',
});
let pollTimer = null;

const path = (a, tail = '') => '/api/articles/' + encodeURIComponent(a.id) + tail;
const mayWrite = () => hasRole('EDITOR') || hasRole('ADMIN');
/** The API's rule: only an administrator deletes a live roundup; an editor unpublishes it first. */
const mayDelete = (a) => hasRole('ADMIN') || (hasRole('EDITOR') && a.status !== 'PUBLISHED');
const titleOf = () => '“' + ((editor.draft && editor.draft.title) || 'this roundup') + '”';

function show(content, isError = false) {
  const result = $('publish-result');
  result.classList.toggle('is-error', isError);
  result.replaceChildren(el('p', {}, content));
}

/** The API's problem as the editor reads it: status, detail and, when it names fields, each of them. */
function problemText(e) {
  const errors = Object.entries((e.problem && e.problem.errors) || {})
    .map(([field, messages]) => field + ': ' + [].concat(messages).join(', '));
  return '(' + (e.status || 'no answer') + '): ' + [e.message, ...errors].join(' · ');
}

/** Saves what is pending; the saved article, or null (and why, where `say` puts it) when it is not saved. */
async function savedArticle(say) {
  await saver.flush();
  if (!session()) return null;
  if (!editor.article || !editor.article.id || isDirty()) {
    say('the roundup must be saved first (' + $('save-state').textContent + ').');
    return null;
  }
  return editor.article;
}

function renderWorkflow(a) {
  const saved = Boolean(a.id);
  const scheduled = saved && Boolean(a.scheduledAt);
  const badge = $('edit-status');
  badge.className = 'status-badge status-' + a.status;
  badge.textContent = STATUS_LABEL[a.status] || a.status;
  const note = $('schedule-note');
  note.hidden = !scheduled;
  note.textContent = !scheduled ? ''
    : (a.status === 'PUBLISHED' ? 'Changes go live ' : 'Goes live ') + when(a.scheduledAt);
  const write = saved && mayWrite();
  $('schedule-open').hidden = !write || scheduled;
  $('schedule-open').textContent = a.status === 'PUBLISHED' ? 'Schedule changes…' : 'Schedule…';
  $('reschedule-open').hidden = !write || !scheduled;
  $('cancel-schedule').hidden = !write || !scheduled;
  $('unpublish').hidden = !write || a.status !== 'PUBLISHED';
  $('delete-open').hidden = !saved || !mayDelete(a);
  $('history-open').hidden = !saved;
  $('list-notice').replaceChildren();
  if (scheduled) startPoll();
  else stopPoll();
}

// ---- schedule and reschedule -------------------------------------------------------------------------------

const pad = (n) => String(n).padStart(2, '0');
const localDate = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
const localTime = (d) => pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
const zoneOffset = (d) => new Intl.DateTimeFormat('en', { timeZoneName: 'longOffset' }).formatToParts(d)
  .find((p) => p.type === 'timeZoneName').value;

/** The chosen moment, read as the browser's local time (a date-time without an offset is local in JavaScript). */
function chosen() {
  const date = $('schedule-date').value;
  const time = $('schedule-time').value;
  if (!date || !time) return null;
  const at = new Date(date + 'T' + (time.length === 5 ? time + ':00' : time));
  return Number.isNaN(at.getTime()) ? null : at;
}

function describeChoice() {
  const at = chosen();
  $('schedule-zone').textContent = 'Time zone: ' + ZONE + ' (' + zoneOffset(at || new Date()) + '), this browser’s.';
  $('schedule-utc').textContent = at
    ? 'In UTC: ' + utcFormat.format(at) + ' — sent to the server as ' + at.toISOString() + '.'
    : 'Enter a date and a time.';
}

function openSchedule(reschedule) {
  const a = editor.article;
  $('schedule-title').textContent = reschedule ? 'Reschedule publication' : 'Schedule publication';
  $('schedule-submit').textContent = reschedule ? 'Reschedule' : 'Schedule';
  $('schedule-what').textContent = a.status === 'PUBLISHED'
    ? 'The live version stays as it is until then; at that time the latest saved changes go live.'
    : titleOf() + ' goes live on the reader site and in search at the time you choose.';
  const start = a.scheduledAt ? new Date(a.scheduledAt) : new Date(Math.ceil(Date.now() / 3600000) * 3600000 + 3600000);
  $('schedule-date').value = localDate(start);
  $('schedule-date').min = localDate(new Date());
  $('schedule-time').value = localTime(start);
  $('schedule-error').textContent = '';
  for (const id of ['schedule-date', 'schedule-time']) $(id).removeAttribute('aria-invalid');
  describeChoice();
  $('schedule-dialog').showModal();
  $('schedule-date').focus();
}

async function submitSchedule(event) {
  event.preventDefault();
  const error = $('schedule-error');
  const at = chosen();
  const refuse = (text) => {
    error.textContent = text;
    for (const id of ['schedule-date', 'schedule-time']) $(id).setAttribute('aria-invalid', 'true');
  };
  if (!at) return refuse('Enter a date and a time.');
  if (at.getTime() <= Date.now()) return refuse('That time has passed (' + when(at.toISOString()) + '): choose a time in the future.');
  error.textContent = '';
  const submit = $('schedule-submit');
  submit.disabled = true;
  try {
    const a = await savedArticle((why) => refuse('Not scheduled: ' + why));
    if (!a) return;
    const { data, etag } = await api(path(a, '/publish'), {
      method: 'POST', headers: { 'If-Match': a.etag }, body: { at: at.toISOString() },
    });
    $('schedule-dialog').close();
    adopt(data, etag);
    if (data.scheduledAt) {
      show('Scheduled: goes live ' + when(data.scheduledAt) + ' (revision ' + data.revision + ').');
      $('reschedule-open').focus();
    } else {
      show('Published now: the chosen time had passed when the server got it (revision ' + data.revision + ').');
    }
  } catch (e) {
    if (e instanceof SignedOut) {
      $('schedule-dialog').close();
      return;
    }
    refuse('Not scheduled ' + problemText(e));
  } finally {
    submit.disabled = false;
  }
}

// ---- cancel a schedule, unpublish ----------------------------------------------------------------------------

/** One workflow step on the saved roundup: the API's answer becomes the bar's state and is shown either way. */
async function step(failed, call, done) {
  show('Working…');
  const a = await savedArticle((why) => show(failed + ': ' + why, true));
  if (!a) return;
  try {
    const { data, etag } = await call(a);
    adopt(data, etag);
    done(data);
  } catch (e) {
    if (!(e instanceof SignedOut)) show(failed + ' ' + problemText(e), true);
  }
}

function cancelSchedule() {
  step('Schedule not cancelled',
    (a) => api(path(a, '/schedule'), { method: 'DELETE', headers: { 'If-Match': a.etag } }),
    (data) => {
      show(data.status === 'PUBLISHED'
        ? 'Schedule cancelled: the live version stays as it is; the changes wait unpublished.'
        : 'Schedule cancelled: the roundup is ' + (STATUS_LABEL[data.status] || data.status).toLowerCase()
          + ' again (revision ' + data.revision + ').');
      $(data.status === 'PUBLISHED' ? 'unpublish' : 'schedule-open').focus();
    });
}

function unpublish() {
  step('Not unpublished',
    (a) => api(path(a, '/unpublish'), { method: 'POST', headers: { 'If-Match': a.etag } }),
    (data) => {
      show('Unpublished: readers and search no longer have it (revision ' + data.revision + ').');
      $('edit-title').focus();
    });
}

// ---- delete, after a confirmation ----------------------------------------------------------------------------

function openDelete() {
  const a = editor.article;
  $('delete-title').textContent = 'Delete ' + titleOf() + '?';
  $('delete-what').textContent = a.status === 'PUBLISHED'
    ? 'It is live: it leaves the reader site and search at once, and readers who follow a link to it get “not found”. '
      + 'This cannot be undone.'
    : 'The roundup (' + (STATUS_LABEL[a.status] || a.status).toLowerCase() + ') and its history are removed. '
      + 'This cannot be undone.';
  $('delete-error').textContent = '';
  $('delete-dialog').showModal();
  $('delete-keep').focus();
}

async function confirmDelete(event) {
  event.preventDefault();
  const a = editor.article;
  const title = titleOf();
  const confirm = $('delete-confirm');
  confirm.disabled = true;
  try {
    saver.cancel();
    while (saver.inFlight) await saver.inFlight;
    await api(path(a), { method: 'DELETE', headers: { 'If-Match': a.etag } });
    $('delete-dialog').close();
    localDrafts.remove(a.id);
    stopPoll();
    editor.article = null;
    editor.draft = null;
    await open('list');
    $('list-notice').replaceChildren(el('p', {}, 'Deleted ' + title + '. Readers get “not found” for it now.'));
    announce('Deleted ' + title);
  } catch (e) {
    if (e instanceof SignedOut) {
      $('delete-dialog').close();
      return;
    }
    $('delete-error').textContent = 'Not deleted ' + problemText(e);
  } finally {
    confirm.disabled = false;
  }
}

// ---- watching a scheduled roundup go live --------------------------------------------------------------------

function startPoll() {
  if (!pollTimer) pollTimer = setInterval(poll, POLL_MS);
}

function stopPoll() {
  clearInterval(pollTimer);
  pollTimer = null;
}

async function poll() {
  const a = editor.article;
  if (!a || !a.id || !a.scheduledAt || $('view-edit').hidden) {
    stopPoll();
    return;
  }
  if (!session()) return;
  let answer;
  try {
    answer = await api(path(a));
  } catch {
    return; // the next poll tries again
  }
  const { data, etag } = answer;
  if (editor.article !== a || (data.revision === a.revision && data.status === a.status)) return;
  // The scheduler's publication changes the revision, not the text: the new ETag is safe to save on only when the
  // server's text is the one this editor last saved.
  if (JSON.stringify(toRequest(fromArticle(data))) === editor.savedJson) adopt(data, etag);
  else adoptStatus(data);
  if (data.status === 'PUBLISHED' && !data.scheduledAt) {
    const result = $('publish-result');
    result.classList.remove('is-error');
    result.replaceChildren(el('p', {}, 'Published as scheduled, ' + when(data.updatedAt || data.publishedAt) + '. ',
      el('a', { href: '/reviews/' + encodeURIComponent(data.slug), text: 'Open the reader page' })));
    announce(titleOf() + ' is now published');
  }
}

export function setUpWorkflow() {
  onHeader(renderWorkflow);
  onSignOut(() => {
    stopPoll();
  });
  $('schedule-open').addEventListener('click', () => openSchedule(false));
  $('reschedule-open').addEventListener('click', () => openSchedule(true));
  $('cancel-schedule').addEventListener('click', cancelSchedule);
  $('unpublish').addEventListener('click', unpublish);
  $('delete-open').addEventListener('click', openDelete);
  $('history-open').addEventListener('click', () => open('history', editor.article.id));
  $('schedule-form').addEventListener('submit', submitSchedule);
  $('schedule-date').addEventListener('input', describeChoice);
  $('schedule-time').addEventListener('input', describeChoice);
  $('schedule-cancel').addEventListener('click', () => $('schedule-dialog').close());
  $('delete-form').addEventListener('submit', confirmDelete);
  $('delete-keep').addEventListener('click', () => $('delete-dialog').close());
}
