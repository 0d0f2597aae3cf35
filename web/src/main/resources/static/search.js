// Instant search for Roundup's reader site. Every page works without this file: it only makes the search box
// suggest as the reader types and swaps server-rendered results in place, keeping the URL the state of the search.

const DEBOUNCE_MS = 180;

const form = document.querySelector('[data-search-form]');
if (form) {
  enhance(form);
}

function enhance(form) {
  const input = form.querySelector('input[role="combobox"]');
  const listbox = document.getElementById(input.getAttribute('aria-controls'));
  const status = form.querySelector('[role="status"]');
  const onSearchPage = () => document.getElementById('results') !== null;

  let options = [];
  let active = -1;
  let typingTimer = 0;
  let suggestRequest = null;
  let resultsRequest = null;
  // Each results request takes a number; an answer is shown only while its number is the latest, so a slow answer to
  // an old query never replaces the results of a newer one.
  let resultsSeq = 0;

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const q = input.value.trim();
      suggest(q);
      if (onSearchPage()) {
        showResults(searchUrl(q), 'replace');
      }
    }, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        if (options.length) {
          event.preventDefault();
          openList();
          move(active + 1 >= options.length ? 0 : active + 1);
        }
        break;
      case 'ArrowUp':
        if (options.length) {
          event.preventDefault();
          openList();
          move(active <= 0 ? options.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (open && active >= 0) {
          event.preventDefault();
          choose(options[active]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          closeList();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
        }
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => setTimeout(closeList, 120));
  // a click on an option must not blur the input first
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) {
      choose(options[Number(option.dataset.index)]);
    }
  });

  form.addEventListener('submit', (event) => {
    closeList();
    if (onSearchPage()) {
      event.preventDefault();
      clearTimeout(typingTimer);
      showResults(searchUrl(input.value.trim()), 'push');
    }
  });

  // Facets, chips, sort and "more results" are plain links; with the script they change the results in place.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('#results a[href]');
    if (!link || event.defaultPrevented || event.button !== 0
        || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const url = new URL(link.href);
    if (url.origin !== location.origin || url.pathname !== '/search') {
      return;
    }
    event.preventDefault();
    if (link.hasAttribute('data-more')) {
      appendMore(link);
    } else {
      showResults(url.href, 'push', focusKey(link));
    }
  });

  window.addEventListener('popstate', () => {
    if (onSearchPage() && location.pathname === '/search') {
      input.value = new URL(location.href).searchParams.get('q') ?? '';
      showResults(location.href, 'none');
    }
  });

  async function suggest(q) {
    suggestRequest?.abort();
    if (!q) {
      render([]);
      return;
    }
    const request = new AbortController();
    suggestRequest = request;
    try {
      const response = await fetch('/api/search/suggest?q=' + encodeURIComponent(q), {
        signal: request.signal,
        headers: { Accept: 'application/json' },
      });
      if (!response.ok || request !== suggestRequest) {
        return;
      }
      const body = await response.json();
      if (request === suggestRequest) {
        render(body.suggestions ?? []);
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        render([]);
      }
    }
  }

  function render(suggestions) {
    const seen = new Set();
    options = suggestions.filter((s) => s.text && !seen.has(s.text.toLowerCase()) && seen.add(s.text.toLowerCase()));
    listbox.replaceChildren(...options.map((s, i) => {
      const li = document.createElement('li');
      li.id = 'q-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.index = String(i);
      li.textContent = s.text;
      return li;
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (options.length && document.activeElement === input) {
      openList();
      announce(options.length === 1 ? '1 suggestion. Use the arrow keys to choose.'
        : options.length + ' suggestions. Use the arrow keys to choose.');
    } else {
      closeList();
    }
  }

  function openList() {
    if (options.length) {
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  }

  function closeList() {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
    for (const li of listbox.children) {
      li.setAttribute('aria-selected', 'false');
    }
  }

  function move(index) {
    active = index;
    [...listbox.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    const current = listbox.children[index];
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  function choose(suggestion) {
    input.value = suggestion.text;
    closeList();
    if (onSearchPage()) {
      clearTimeout(typingTimer);
      showResults(searchUrl(suggestion.text), 'push');
    } else {
      location.assign(searchUrl(suggestion.text));
    }
  }

  function searchUrl(q) {
    const url = new URL('/search', location.href);
    if (q) {
      url.searchParams.set('q', q);
    }
    return url.href;
  }

  async function showResults(href, history_, focus) {
    const seq = ++resultsSeq;
    resultsRequest?.abort();
    const request = new AbortController();
    resultsRequest = request;
    const current = document.getElementById('results');
    current.setAttribute('aria-busy', 'true');
    try {
      const fresh = await fetchResults(href, request.signal);
      if (seq !== resultsSeq) {
        return;
      }
      current.replaceWith(fresh);
      if (history_ === 'push') {
        history.pushState(null, '', href);
      } else if (history_ === 'replace') {
        history.replaceState(null, '', href);
      }
      updateTitle(href);
      const total = Number(fresh.dataset.total);
      announce(total === 1 ? '1 roundup found.' : total + ' roundups found.');
      if (focus) {
        restoreFocus(fresh, focus);
      }
    } catch (error) {
      if (error.name !== 'AbortError' && seq === resultsSeq) {
        location.assign(href); // the server renders the same page
      }
    } finally {
      if (seq === resultsSeq) {
        document.getElementById('results')?.removeAttribute('aria-busy');
      }
    }
  }

  async function appendMore(link) {
    const seq = resultsSeq;
    const region = document.getElementById('results');
    region.setAttribute('aria-busy', 'true');
    try {
      const next = await fetchResults(link.href);
      if (seq !== resultsSeq) {
        return;
      }
      const list = region.querySelector('.results');
      const added = [...next.querySelectorAll('.results > li')];
      list.append(...added);
      const more = next.querySelector('.more');
      region.querySelector('.more')?.replaceWith(...(more ? [more] : []));
      added[0]?.querySelector('a')?.focus();
      announce(added.length === 1 ? '1 more roundup shown.' : added.length + ' more roundups shown.');
    } catch (error) {
      location.assign(link.href);
    } finally {
      region.removeAttribute('aria-busy');
    }
  }

  async function fetchResults(href, signal) {
    const url = new URL(href);
    url.searchParams.set('fragment', 'results');
    const response = await fetch(url, { signal, headers: { Accept: 'text/html' } });
    if (!response.ok) {
      throw new Error('search answered ' + response.status);
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = doc.getElementById('results');
    if (!fresh) {
      throw new Error('no results in the answer');
    }
    return document.adoptNode(fresh);
  }

  function updateTitle(href) {
    const q = new URL(href).searchParams.get('q');
    document.title = q ? '“' + q + '” – Search – Roundup' : 'Search all reviews – Roundup';
  }

  // What to focus once the clicked link has been replaced: the same facet value, else the result count.
  function focusKey(link) {
    const facet = link.closest('[data-facet]');
    const label = link.querySelector('.facet-label');
    return { facet: facet?.dataset.facet, label: label?.textContent };
  }

  function restoreFocus(region, key) {
    let target = null;
    if (key.facet && key.label) {
      target = [...region.querySelectorAll('[data-facet="' + CSS.escape(key.facet) + '"] .facet-value')]
        .find((a) => a.querySelector('.facet-label')?.textContent === key.label);
    }
    if (!target) {
      target = region.querySelector('#result-count');
      target?.setAttribute('tabindex', '-1');
    }
    target?.focus();
  }

  function announce(text) {
    status.textContent = text;
  }
}
