// The open article and its draft (what the form shows), and how a draft becomes the API's request body.
// Paths name fields as the API's validation errors do: title, author.name, entries[0].features[1].name …

import { session } from './session.js';

/** The open article: {id, etag, status, slug, publishedAt, revision}, its draft, and the JSON last saved. */
export const editor = { article: null, draft: null, savedJson: null };

export function emptyDraft() {
  const signedIn = session();
  return {
    title: '', slug: '', summary: '', category: '', tags: [], author: { name: signedIn ? signedIn.username : '', bio: '' },
    intro: '', entries: [], sections: [],
  };
}

export function fromArticle(a) {
  return {
    title: a.title || '', slug: a.slug || '', summary: a.summary || '', category: a.category || '',
    tags: a.tags || [], author: { name: (a.author && a.author.name) || '', bio: (a.author && a.author.bio) || '' },
    intro: a.intro || '',
    entries: (a.entries || []).slice().sort((x, y) => x.rank - y.rank).map((e) => ({
      productId: e.productId || '', productName: (e.product && e.product.name) || '', heading: e.heading || '',
      body: e.body || '', features: (e.features || []).map((f) => ({ name: f.name || '', description: f.description || '' })),
    })),
    sections: (a.sections || []).map((s) => ({ heading: s.heading || '', body: s.body || '' })),
  };
}

/** The API's body: ranks follow the order on screen; what only the console needs (the product's name) stays here. */
export function toRequest(d) {
  const body = {
    title: d.title, summary: d.summary, category: d.category,
    tags: d.tags.map((t) => t.trim()).filter(Boolean),
    author: { name: d.author.name, bio: d.author.bio }, intro: d.intro,
    entries: d.entries.map((e, i) => ({
      rank: i + 1, productId: e.productId, heading: e.heading, body: e.body,
      features: e.features.map((f) => ({ name: f.name, description: f.description })),
    })),
    sections: d.sections.map((s) => ({ heading: s.heading, body: s.body })),
  };
  if (d.slug && d.slug.trim()) body.slug = d.slug.trim();
  return body;
}

export const currentJson = () => JSON.stringify(toRequest(editor.draft));
export const isDirty = () => editor.draft !== null && currentJson() !== editor.savedJson;

export function segments(path) {
  return path.split(/[.[\]]+/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function getPath(object, path) {
  return segments(path).reduce((value, key) => (value == null ? value : value[key]), object);
}

export function setPath(object, path, value) {
  const keys = segments(path);
  const last = keys.pop();
  const parent = keys.reduce((value, key) => value[key], object);
  parent[last] = value;
}

/** The id of the input for a field path (also its error's id, with "-error"). */
export const idFor = (path) => 'f-' + path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '');
