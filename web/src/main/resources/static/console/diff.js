// What changed between two revisions of a roundup: field by field (entries matched by product, sections by
// position), and within a text, word by word.

/** Words, single punctuation marks and runs of space, so that joining the tokens gives the text back. */
const tokenize = (text) => String(text || '').match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}]/gu) || [];

/** Beyond this many token pairs the texts are shown as wholly replaced instead of compared word by word. */
const MAX_CELLS = 4_000_000;

/**
 * The two texts as runs of {type: 'same' | 'del' | 'ins', text}: the longest common subsequence of their tokens
 * is kept, the rest of the older text is deleted and the rest of the newer one inserted.
 */
export function wordDiff(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_CELLS) return merge([{ type: 'del', text: a.join('') }, { type: 'ins', text: b.join('') }]);
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1
        : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const runs = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      runs.push({ type: 'same', text: a[i++] });
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      runs.push({ type: 'ins', text: b[j++] });
    } else {
      runs.push({ type: 'del', text: a[i++] });
    }
  }
  return merge(absorbSpaces(runs));
}

/** A lone space kept between two changes reads as part of them ("old words" → "new text", not word by word). */
function absorbSpaces(runs) {
  return runs.map((run, k) => {
    if (run.type !== 'same' || run.text.trim()) return run;
    const prev = runs[k - 1];
    const next = runs[k + 1];
    if (prev && next && prev.type !== 'same' && next.type !== 'same') return [{ type: 'del', text: run.text }, { type: 'ins', text: run.text }];
    return run;
  }).flat();
}

/** One side of a comparison: the older text's runs ('del') or the newer one's ('ins'), neighbours of a kind joined. */
export function side(runs, kind) {
  return merge(runs.filter((run) => run.type === 'same' || run.type === kind));
}

function merge(runs) {
  const merged = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = merged[merged.length - 1];
    if (last && last.type === run.type) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

const featuresText = (entry) => (entry.features || []).map((f) => f.name + ': ' + f.description).join('\n');

/** The fields of a revision that an editor compares, as label → text. */
function topFields(r) {
  return [
    ['Title', r.title], ['Summary', r.summary], ['Category', r.category], ['Tags', (r.tags || []).join(', ')],
    ['Author', r.author && r.author.name], ['Author bio', r.author && r.author.bio], ['Intro', r.intro],
  ];
}

function entryFields(e) {
  return e ? [['Rank', String(e.rank)], ['Heading', e.heading], ['Review', e.body], ['Features', featuresText(e)]] : [];
}

function sectionFields(s) {
  return s ? [['Heading', s.heading], ['Body', s.body]] : [];
}

/** Pairs two lists of fields by label; only the changed ones, each with both texts (null where a side has none). */
function changedFields(before, after) {
  const labels = [...new Set([...before.map(([l]) => l), ...after.map(([l]) => l)])];
  const b = new Map(before);
  const a = new Map(after);
  return labels
    .map((label) => ({ label, before: b.has(label) ? b.get(label) || '' : null, after: a.has(label) ? a.get(label) || '' : null }))
    .filter((f) => f.before !== f.after);
}

/**
 * The changes from one revision to another, grouped: the roundup's own fields, then each entry (matched by its
 * product, so a moved entry shows as a changed rank, not as two rewritten ones), then each section.
 */
export function compareRevisions(older, newer) {
  const groups = [];
  const top = changedFields(topFields(older), topFields(newer));
  if (top.length) groups.push({ label: 'The roundup', fields: top });

  const olderEntries = new Map((older.entries || []).map((e) => [e.productId, e]));
  const newerEntries = new Map((newer.entries || []).map((e) => [e.productId, e]));
  const products = [...new Set([...(newer.entries || []), ...(older.entries || [])].map((e) => e.productId))];
  for (const product of products) {
    const o = olderEntries.get(product);
    const n = newerEntries.get(product);
    const fields = changedFields(entryFields(o), entryFields(n));
    if (!fields.length) continue;
    const name = (n || o).heading || product;
    const state = !o ? ' (added)' : !n ? ' (removed)' : '';
    groups.push({ label: 'Entry “' + name + '”' + state, fields, added: !o, removed: !n });
  }

  const sections = Math.max((older.sections || []).length, (newer.sections || []).length);
  for (let i = 0; i < sections; i++) {
    const o = (older.sections || [])[i];
    const n = (newer.sections || [])[i];
    const fields = changedFields(sectionFields(o), sectionFields(n));
    if (!fields.length) continue;
    const state = !o ? ' (added)' : !n ? ' (removed)' : '';
    groups.push({ label: 'Section ' + (i + 1) + ' “' + ((n || o).heading || '') + '”' + state, fields });
  }
  return groups;
}
