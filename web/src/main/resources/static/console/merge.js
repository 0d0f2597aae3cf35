// A three-way merge of a roundup for the conflict view: the version this tab last saved or loaded (the base), the
// version another editor saved since (theirs) and the one on screen (mine). A roundup is cut into parts that can be
// taken from either side on their own: each field of its own, each entry (matched by its product, so that a moved
// entry is one change), the order and choice of entries, each section. A part only one side changed is taken from
// that side; a part both changed is the editor's choice.

import { toRequest } from './draft.js';

const entryKey = (entry, i) => entry.productId || 'unpicked-' + i;

const entryText = (e) => [e.heading, e.body, ...(e.features || []).map((f) => f.name + ': ' + f.description)]
  .filter(Boolean).join('\n\n');

/** The roundup's own fields: path in the request, label, and whether both texts can be kept one after the other. */
const FIELDS = [
  ['title', 'Title'], ['slug', 'Slug'], ['summary', 'Summary', true], ['category', 'Category'], ['tags', 'Tags'],
  ['author.name', 'Author'], ['author.bio', 'Author bio', true], ['intro', 'Introduction', true],
];

const read = (body, path) => path.split('.').reduce((v, k) => (v == null ? v : v[k]), body);

/** The parts of a request body, each as key → {label, value (comparable), text (shown), joinable}. */
function parts(body, names) {
  const found = new Map();
  for (const [path, label, joinable] of FIELDS) {
    const value = path === 'slug' ? body.slug || '' : read(body, path) ?? '';
    found.set(path, { label, value, text: Array.isArray(value) ? value.join(', ') : value, joinable: Boolean(joinable) });
  }
  const entries = body.entries || [];
  found.set('entries', {
    label: 'Order and choice of entries',
    value: entries.map(entryKey),
    text: entries.map((e, i) => (i + 1) + '. ' + (e.heading || names.get(entryKey(e, i)) || 'Entry ' + (i + 1))).join('\n'),
  });
  entries.forEach((e, i) => {
    const value = { heading: e.heading, body: e.body, features: e.features };
    found.set('entry:' + entryKey(e, i), { label: 'Entry “' + (e.heading || names.get(entryKey(e, i)) || i + 1) + '”', value, text: entryText(e) });
  });
  (body.sections || []).forEach((s, i) => {
    found.set('section:' + i, { label: 'Section ' + (i + 1) + ' “' + (s.heading || '') + '”', value: s, text: [s.heading, s.body].filter(Boolean).join('\n\n') });
  });
  return found;
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The parts where theirs and mine differ, in the order of the form: {key, label, theirs, mine (texts, null where a
 * side lacks the part), changedBy: 'them' | 'you' | 'both', joinable, choice}. The choice starts as the side that
 * changed the part, or as mine where both did.
 */
export function conflictParts(baseDraftBody, theirsDraft, mineDraft) {
  const names = new Map([...theirsDraft.entries, ...mineDraft.entries].map((e, i) => [e.productId || 'unpicked-' + i, e.productName]));
  const base = parts(baseDraftBody, names);
  const theirs = parts(toRequest(theirsDraft), names);
  const mine = parts(toRequest(mineDraft), names);
  const keys = [...new Set([...mine.keys(), ...theirs.keys()])];
  const order = (k) => (k.startsWith('entry:') ? 1 : k.startsWith('section:') ? 2 : 0);
  keys.sort((a, b) => order(a) - order(b));
  const result = [];
  for (const key of keys) {
    const t = theirs.get(key);
    const m = mine.get(key);
    if (same(t && t.value, m && m.value)) continue;
    const b = base.get(key);
    const theyChanged = !same(t && t.value, b && b.value);
    const youChanged = !same(m && m.value, b && b.value);
    const changedBy = theyChanged && youChanged ? 'both' : theyChanged ? 'them' : 'you';
    result.push({
      key, label: (m || t).label, theirs: t ? t.text : null, mine: m ? m.text : null, changedBy,
      joinable: Boolean((m || t).joinable) && changedBy === 'both' && Boolean(t && t.text) && Boolean(m && m.text),
      choice: changedBy === 'them' ? 'theirs' : 'mine',
    });
  }
  return result;
}

/**
 * The draft the choices make: theirs, with each part chosen as 'mine' taken from mine ('both' keeps their text and
 * then mine, for the longer texts). Entries follow the chosen order; each entry's content comes from the side chosen
 * for it, or from the side that has it.
 */
export function mergedDraft(theirsDraft, mineDraft, chosen) {
  const choice = new Map(chosen.map((p) => [p.key, p.choice]));
  const pick = (key) => choice.get(key) || 'theirs';
  const merged = structuredClone(theirsDraft);
  for (const [path, , joinable] of FIELDS) {
    const how = pick(path);
    if (how === 'theirs') continue;
    const mineValue = path === 'author.name' ? mineDraft.author.name : path === 'author.bio' ? mineDraft.author.bio : mineDraft[path];
    const theirsValue = path === 'author.name' ? theirsDraft.author.name : path === 'author.bio' ? theirsDraft.author.bio : theirsDraft[path];
    const value = how === 'both' && joinable ? theirsValue + '\n\n' + mineValue : structuredClone(mineValue);
    if (path.startsWith('author.')) merged.author[path.slice(7)] = value;
    else merged[path] = value;
  }

  const byKey = (draft) => new Map(draft.entries.map((e, i) => [entryKey(e, i), e]));
  const theirsEntries = byKey(theirsDraft);
  const mineEntries = byKey(mineDraft);
  const orderFrom = pick('entries') === 'mine' ? mineDraft : theirsDraft;
  merged.entries = orderFrom.entries.map((e, i) => {
    const key = entryKey(e, i);
    const [first, second] = pick('entry:' + key) === 'mine' ? [mineEntries, theirsEntries] : [theirsEntries, mineEntries];
    return structuredClone(first.get(key) || second.get(key));
  });

  const count = Math.max(theirsDraft.sections.length, mineDraft.sections.length);
  merged.sections = [];
  for (let i = 0; i < count; i++) {
    const [first, second] = pick('section:' + i) === 'mine' ? [mineDraft, theirsDraft] : [theirsDraft, mineDraft];
    const section = choice.has('section:' + i) ? first.sections[i] : theirsDraft.sections[i] || second.sections[i];
    if (section) merged.sections.push(structuredClone(section));
  }
  return merged;
}
