// The catalog: products by the start of any word of their name (as the editor types) and by kind, a page at a time.
// Each row leads to the product editor (product-editor.js) by its address, #/products/{id}.

import { $, el, when } from './dom.js';
import { api, SignedOut } from './session.js';
import { address, opener, setAddress, showView } from './views.js';

const PAGE_SIZE = 20;
const TYPING_MS = 250;

const catalog = { page: 0, totalPages: 0, seq: 0, timer: null };

/** Money as the API writes it ({"amount": "19.99", "currency": "USD"}), in the editor's own number format. */
export function money(price) {
  if (!price) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: price.currency }).format(Number(price.amount));
  } catch {
    return price.amount + ' ' + price.currency;
  }
}

async function showCatalog() {
  setAddress('#/products');
  showView('catalog');
  $('catalog-title').focus();
  await load();
}

async function load() {
  const seq = ++catalog.seq;
  const query = new URLSearchParams({ page: String(catalog.page), size: String(PAGE_SIZE) });
  const q = $('catalog-q').value.trim();
  const kind = $('catalog-kind').value;
  if (q) query.set('q', q);
  if (kind) query.set('kind', kind);
  $('catalog-status').textContent = 'Loading…';
  $('product-rows').setAttribute('aria-busy', 'true');
  try {
    const { data } = await api('/api/products?' + query);
    if (seq !== catalog.seq) return;
    catalog.totalPages = data.totalPages || 0;
    render(data.items || [], data.totalItems || 0);
  } catch (e) {
    if (seq === catalog.seq && !(e instanceof SignedOut)) {
      $('catalog-status').textContent = 'The catalog could not be loaded: ' + e.message;
    }
  } finally {
    if (seq === catalog.seq) $('product-rows').removeAttribute('aria-busy');
  }
}

function render(items, total) {
  $('product-rows').replaceChildren(...items.map((p) => el('tr', { 'data-id': p.id },
    el('td', { className: 'title-cell' },
      el('a', { href: '/editor#/products/' + encodeURIComponent(p.id), 'data-product': p.id, text: p.name }),
      Object.keys(p.attributes || {}).length
        ? el('small', { text: Object.entries(p.attributes).slice(0, 3).map(([k, v]) => k + ': ' + v).join(' · ') }) : null),
    el('td', { 'data-label': 'Kind' }, el('span', { className: 'kind-badge', text: p.kind })),
    el('td', { 'data-label': 'Brand' }, p.brand || '—'),
    el('td', { 'data-label': 'Offers' }, String((p.offers || []).length)),
    el('td', { 'data-label': 'Lowest price', className: 'price-cell' }, money(p.lowestPrice)),
    el('td', { 'data-label': 'Last changed' }, when(p.updatedAt)))));
  const filtered = $('catalog-q').value.trim() || $('catalog-kind').value;
  const count = total === 1 ? '1 product' : total + ' products';
  $('catalog-status').textContent = total ? count + (filtered ? ' match.' : ' in the catalog.')
    : filtered ? 'No product matches. Try the start of another word, or any kind.' : 'The catalog is empty.';
  const pages = Math.max(1, catalog.totalPages);
  $('catalog-pager').hidden = catalog.totalPages <= 1;
  $('catalog-page').textContent = 'Page ' + (catalog.page + 1) + ' of ' + pages;
  $('catalog-prev').disabled = catalog.page === 0;
  $('catalog-next').disabled = catalog.page >= pages - 1;
}

function again({ delay = 0 } = {}) {
  catalog.page = 0;
  clearTimeout(catalog.timer);
  catalog.timer = setTimeout(load, delay);
}

export function setUpCatalog() {
  opener('catalog', showCatalog);
  address(/^#\/products\/?$/, () => showCatalog());
  $('catalog-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    again();
  });
  $('catalog-q').addEventListener('input', () => again({ delay: TYPING_MS }));
  $('catalog-kind').addEventListener('change', () => again());
  $('catalog-prev').addEventListener('click', () => {
    if (catalog.page > 0) {
      catalog.page -= 1;
      load();
    }
  });
  $('catalog-next').addEventListener('click', () => {
    if (catalog.page < catalog.totalPages - 1) {
      catalog.page += 1;
      load();
    }
  });
}
