// Live in search: after Publish now, shows when readers' search finds the published revision. The publish itself
// waits up to 5 s for search (?wait=searchable&timeout=5s); if search is slower, this keeps asking the article's
// search status and turns "live" as soon as it is, with a warning meanwhile.

import { $, el } from './dom.js';
import { api, SignedOut } from './session.js';

/** How long the publish waits for search before answering 202, and what the warning says. */
export const PUBLISH_WAIT = '?wait=searchable&timeout=5s';
const POLL_MS = 1000;
const SLOW_POLL_MS = 5000;
const SLOW_AFTER_MS = 60000;
const GIVE_UP_AFTER_MS = 10 * 60000;

/** Each publish starts a new watch; an older one (or one of a roundup no longer open) stops. */
let watch = 0;

function indicator() {
  return $('live-in-search');
}

function show(state, ...children) {
  const node = indicator();
  node.dataset.state = state;
  node.replaceChildren(...children);
  node.hidden = false;
}

const readerLink = (slug) => el('a', { href: '/reviews/' + encodeURIComponent(slug), text: 'Open the reader page' });

function live(slug) {
  show('live', el('span', { className: 'live-dot', 'aria-hidden': 'true' }),
    el('strong', { text: 'Live in search' }), ' Readers find it now. ', readerLink(slug));
}

function late(slug) {
  show('late', el('strong', { text: 'Not in search yet.' }),
    ' It is published, but readers\u2019 search has not shown it within 5 seconds. Still checking\u2026 ',
    readerLink(slug));
}

/** Hides the indicator and stops any watch: another roundup was opened, or the publish failed. */
export function clearLive() {
  watch++;
  const node = indicator();
  node.hidden = true;
  node.replaceChildren();
  delete node.dataset.state;
}

/** Right before the publish request. */
export function publishing() {
  watch++;
  show('pending', el('span', { className: 'live-spinner', 'aria-hidden': 'true' }),
    'Publishing\u2026 waiting until readers\u2019 search shows it.');
}

/** The publish answered: 200 means search shows it already, 202 that it did not within the wait. */
export function published(article, httpStatus) {
  if (httpStatus === 200) {
    live(article.slug);
    return;
  }
  late(article.slug);
  follow(article.id, article.slug, ++watch, Date.now());
}

async function follow(id, slug, mine, since) {
  while (mine === watch) {
    const waited = Date.now() - since;
    if (waited > GIVE_UP_AFTER_MS) {
      show('late', el('strong', { text: 'Still not in search.' }),
        ' Search has not picked it up in ten minutes: search may be behind or down. ', readerLink(slug));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, waited > SLOW_AFTER_MS ? SLOW_POLL_MS : POLL_MS));
    if (mine !== watch) return;
    try {
      const { data } = await api('/api/articles/' + encodeURIComponent(id) + '/search-status');
      if (mine === watch && data.searchable) {
        live(slug);
        return;
      }
    } catch (e) {
      if (e instanceof SignedOut) return;
      // a passing failure (the service restarting, a network blip): ask again on the next round
    }
  }
}

/** The indicator belongs to the publish answer: when that answer is cleared (another roundup opened), so is it. */
export function setUpLive() {
  new MutationObserver(() => {
    if (!$('publish-result').hasChildNodes() && !indicator().hidden) clearLive();
  }).observe($('publish-result'), { childList: true });
}
