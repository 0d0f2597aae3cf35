// Publish now: saves what is pending, then publishes the saved revision and shows the API's answer.

import { $, el, STATUS_LABEL, when } from './dom.js';
import { currentJson, editor, isDirty } from './draft.js';
import { clearLive, PUBLISH_WAIT, published, publishing } from './live.js';
import { saver } from './saver.js';
import { adopt } from './state.js';
import { api, session, SignedOut } from './session.js';

async function publishNow() {
  const result = $('publish-result');
  result.classList.remove('is-error');
  result.textContent = 'Saving and publishing…';
  clearLive();
  await saver.flush();
  if (!session()) return;
  if (!editor.article.id || isDirty()) {
    result.classList.add('is-error');
    result.textContent = 'Not published: the roundup must be saved first (' + $('save-state').textContent + ').';
    return;
  }
  try {
    const a = editor.article;
    publishing();
    const { data, etag, status } = await api('/api/articles/' + encodeURIComponent(a.id) + '/publish' + PUBLISH_WAIT, {
      method: 'POST', headers: { 'If-Match': a.etag },
    });
    editor.savedJson = currentJson();
    adopt(data, etag);
    result.replaceChildren(el('p', {},
      'Published: ' + (STATUS_LABEL[data.status] || data.status) + ', revision ' + data.revision + ', '
        + when(data.publishedAt) + '. ',
      el('a', { href: '/reviews/' + encodeURIComponent(data.slug), text: 'Open the reader page' })));
    published(data, status);
  } catch (e) {
    clearLive();
    if (e instanceof SignedOut) return;
    result.classList.add('is-error');
    result.textContent = 'Not published (' + (e.status || 'no answer') + '): ' + e.message;
  }
}

export function setUpPublish() {
  $('publish-now').addEventListener('click', publishNow);
}
