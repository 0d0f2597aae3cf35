// Admin (ADMIN tokens only; an editor who opens #/admin is told so): the search synonym rules, with the API's
// per-rule errors next to the rule they name, and a reindex followed to its end. Saving rules starts a reindex by
// itself (the API answers with that job), so both show the same job panel.

import { $, announce, el, timeFormat, when } from './dom.js';
import { showErrors } from './errors.js';
import { api, hasRole, SignedOut } from './session.js';
import { address, opener, setAddress, showView } from './views.js';

const POLL_MS = 500;
const STATUS_LABEL = { QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Finished', FAILED: 'Failed' };
const PHASE_LABEL = { REPLAYING: 'replaying the events into new indices', CHECKING: 'checking the new indices',
  SWITCHING: 'switching readers over' };

const admin = { rules: [], etag: null, revision: null, saving: false, job: null, timer: null, lastStatus: null };

async function showAdmin() {
  setAddress('#/admin');
  showView('admin');
  $('admin-title').focus();
  const allowed = hasRole('ADMIN');
  $('admin-refused').hidden = allowed;
  $('admin-panels').hidden = !allowed;
  if (allowed) await loadRules();
}

// Synonym rules

async function loadRules() {
  setRulesState('idle', 'Loading…');
  try {
    const { data, etag } = await api('/api/search/synonyms');
    admin.rules = data.rules.slice();
    admin.etag = etag || '"' + data.revision + '"';
    admin.revision = data.revision;
    renderMeta(data);
    renderRules();
    showRuleErrors({});
    setRulesState('idle', '');
  } catch (e) {
    if (!(e instanceof SignedOut)) setRulesState('failed', 'The rules could not be loaded: ' + e.message);
  }
}

function renderMeta(data) {
  $('synonyms-meta').textContent = (data.rules.length === 1 ? '1 rule' : data.rules.length + ' rules') + ' · '
    + (data.revision === 0 ? 'the defaults shipped with search' : 'revision ' + data.revision + ', saved '
      + when(data.updatedAt) + (data.updatedBy ? ' by ' + data.updatedBy : ''));
}

function renderRules() {
  $('synonym-rows').replaceChildren(...admin.rules.map((rule, i) => {
    const id = 'rule-' + i;
    const input = el('input', { type: 'text', id, 'data-rule': String(i), autocomplete: 'off', spellcheck: 'false',
      'aria-label': 'Rule ' + (i + 1), 'aria-describedby': id + '-error', placeholder: 'headset, headphones' });
    input.value = rule;
    return el('li', { className: 'rule-row' },
      el('span', { className: 'rule-number', 'aria-hidden': 'true', text: String(i + 1) }),
      input,
      el('button', { type: 'button', className: 'button button-small button-danger', 'data-remove-rule': String(i),
        'aria-label': 'Remove rule ' + (i + 1) + (rule ? ': ' + rule : ''), text: 'Remove' }),
      el('p', { className: 'field-error', id: id + '-error', 'data-error-for': 'rules[' + i + ']' }));
  }));
}

function setRulesState(kind, text) {
  const node = $('synonyms-state');
  node.dataset.state = kind;
  node.textContent = text;
}

const showRuleErrors = (errors) => showErrors(errors, { root: $('synonyms-form'), general: $('synonyms-error'), prefix: '' });

async function saveRules() {
  if (admin.saving) return;
  // rows left blank are dropped before sending, so rules[n] of the answer is row n on screen
  const before = admin.rules.length;
  admin.rules = admin.rules.map((r) => r.trim()).filter(Boolean);
  if (admin.rules.length !== before) renderRules();
  admin.saving = true;
  $('synonyms-save').disabled = true;
  setRulesState('saving', 'Checking and saving…');
  try {
    const { data, etag } = await api('/api/search/synonyms', { method: 'PUT', body: { rules: admin.rules },
      headers: admin.etag ? { 'If-Match': admin.etag } : {} });
    admin.etag = etag || '"' + data.revision + '"';
    admin.revision = data.revision;
    admin.rules = data.rules.slice();
    renderRules();
    showRuleErrors({});
    renderMeta(data);
    setRulesState('saved', 'Saved ' + timeFormat.format(new Date()) + ': reindexing to bring them into effect');
    announce('Synonym rules saved. A reindex brings them into effect.');
    if (data.reindex) follow(data.reindex);
  } catch (e) {
    if (e instanceof SignedOut) {
      setRulesState('failed', 'Not saved: sign in again');
    } else if (e.status === 400 && e.problem.errors) {
      showRuleErrors(e.problem.errors);
      const count = Object.keys(e.problem.errors).length;
      setRulesState('invalid', 'Not saved: ' + (count === 1 ? 'one rule needs' : count + ' rules need') + ' a fix; nothing changed');
      const first = $('synonyms-form').querySelector('[aria-invalid="true"]');
      if (first) first.focus();
    } else if (e.status === 412) {
      setRulesState('failed', 'Not saved: another admin changed the rules');
      await offerOverwrite();
    } else {
      setRulesState('failed', 'Not saved: ' + e.message);
    }
  } finally {
    admin.saving = false;
    $('synonyms-save').disabled = false;
  }
}

/** After a 412: the rows on screen stay; the next Save puts them over the other admin's rules, knowingly. */
async function offerOverwrite() {
  try {
    const { data, etag } = await api('/api/search/synonyms');
    admin.etag = etag || '"' + data.revision + '"';
    $('synonyms-error').textContent = 'Another admin saved the rules (revision ' + data.revision + ', '
      + when(data.updatedAt) + (data.updatedBy ? ' by ' + data.updatedBy : '') + ') after you loaded them. Your rows '
      + 'are still here: Save again to put them over theirs, or open Admin again to load theirs.';
  } catch (e) {
    if (!(e instanceof SignedOut)) $('synonyms-error').textContent = 'The rules changed since you loaded them: ' + e.message;
  }
}

// Reindex

const running = (job) => job && (job.status === 'QUEUED' || job.status === 'RUNNING');
const sum = (counts) => Object.values(counts || {}).reduce((a, b) => a + b, 0);

async function startReindex() {
  if (running(admin.job)) {
    renderJob(admin.job, 'A reindex is already under way: this is it. Another one starts only once it has ended.');
    $('reindex-job').focus();
    return;
  }
  $('reindex-start').disabled = true;
  try {
    const { data } = await api('/api/search/reindex', { method: 'POST' });
    follow(data);
    $('reindex-job').focus();
  } catch (e) {
    if (!(e instanceof SignedOut)) {
      const box = $('reindex-job');
      box.hidden = false;
      box.replaceChildren(el('p', { className: 'field-error', text: 'The reindex could not be started: ' + e.message }));
    }
  } finally {
    $('reindex-start').disabled = false;
  }
}

function follow(job) {
  clearTimeout(admin.timer);
  admin.lastStatus = null;
  update(job);
}

function update(job) {
  admin.job = job;
  renderJob(job);
  if (job.status !== admin.lastStatus) {
    admin.lastStatus = job.status;
    announce('Reindex ' + (STATUS_LABEL[job.status] || job.status).toLowerCase() + '.');
  }
  if (running(job)) admin.timer = setTimeout(() => poll(job.id), POLL_MS);
}

async function poll(id) {
  try {
    const { data } = await api('/api/search/reindex/' + encodeURIComponent(id));
    if (admin.job && admin.job.id === id) update(data);
  } catch (e) {
    if (e instanceof SignedOut) return;
    // a passing failure (a copy restarting): keep following
    admin.timer = setTimeout(() => poll(id), POLL_MS * 4);
  }
}

function renderJob(job, note = null) {
  const replayed = sum(job.replayed);
  const toRead = sum(job.toRead);
  const known = job.status === 'SUCCEEDED' || toRead > 0;
  const percent = job.status === 'SUCCEEDED' ? 100 : toRead > 0 ? Math.min(100, Math.floor((replayed / toRead) * 100)) : 0;
  const progress = el('progress', { id: 'reindex-progress', max: '100', 'aria-labelledby': 'reindex-progress-label' });
  if (known) progress.value = percent;
  const state = (STATUS_LABEL[job.status] || job.status) + (job.status === 'RUNNING' && job.phase ? ': ' + PHASE_LABEL[job.phase] : '')
    + (job.status === 'QUEUED' ? ': waits for the reindex before it to end' : '');
  const topics = Object.keys({ ...(job.toRead || {}), ...(job.replayed || {}) });
  const box = $('reindex-job');
  box.hidden = false;
  box.dataset.status = job.status;
  box.replaceChildren(...[
    note ? el('p', { className: 'job-note', text: note }) : null,
    el('div', { className: 'job-head' },
      el('span', { className: 'job-status status-' + job.status, id: 'reindex-status', text: state })),
    el('div', { className: 'job-progress' },
      progress,
      el('span', { id: 'reindex-progress-label', className: 'job-percent' },
        (known ? percent + ' %' : 'Starting…') + (toRead || replayed ? ' · ' + replayed + ' of ' + (toRead || '?') + ' events' : ''))),
    el('dl', { className: 'job-facts' },
      el('dt', { text: 'Job' }), el('dd', { text: job.id }),
      el('dt', { text: 'Started' }), el('dd', { text: when(job.startedAt) }),
      job.finishedAt ? [el('dt', { text: 'Ended' }), el('dd', { text: when(job.finishedAt) })] : null,
      topics.length ? [el('dt', { text: 'Events' }), el('dd', {}, el('ul', {}, topics.map((t) => el('li', {},
        el('code', { text: t }), ': ' + ((job.replayed || {})[t] || 0) + ' replayed of ' + ((job.toRead || {})[t] ?? '?')))))] : null,
      Object.keys(job.documents || {}).length ? [el('dt', { text: 'Documents' }), el('dd', {}, el('ul', {},
        Object.entries(job.documents).map(([alias, n]) => el('li', {}, el('code', { text: alias }),
          ': ' + n + ' in the new index, ' + ((job.liveDocuments || {})[alias] ?? '?') + ' in the live one'))))] : null,
      [el('dt', { text: 'Skipped' }), el('dd', { text: job.skipped
        ? job.skipped + ' event' + (job.skipped === 1 ? '' : 's') + ' could not be applied (on the dead-letter topic)' : 'none' })]),
    job.error ? el('p', { className: 'field-error', role: 'alert', text: 'Failed: ' + job.error }) : null,
  ].filter(Boolean));
}

export function setUpAdmin() {
  opener('admin', showAdmin);
  address(/^#\/admin\/?$/, () => showAdmin());
  $('synonyms-form').addEventListener('submit', (event) => {
    event.preventDefault();
    saveRules();
  });
  $('synonyms-form').addEventListener('input', (event) => {
    const i = event.target.dataset.rule;
    if (i === undefined) return;
    admin.rules[Number(i)] = event.target.value;
    if ($('synonyms-state').dataset.state !== 'dirty') setRulesState('dirty', 'Unsaved changes');
  });
  $('synonyms-form').addEventListener('click', (event) => {
    const remove = event.target.closest('[data-remove-rule]');
    if (!remove) return;
    admin.rules.splice(Number(remove.dataset.removeRule), 1);
    renderRules();
    setRulesState('dirty', 'Unsaved changes');
    announce('Rule removed.');
    $('synonym-add').focus();
  });
  $('synonym-add').addEventListener('click', () => {
    admin.rules.push('');
    renderRules();
    $('rule-' + (admin.rules.length - 1)).focus();
  });
  $('reindex-start').addEventListener('click', startReindex);
}
