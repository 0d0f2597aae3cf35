// Drafts kept in this browser until the server has them (the text only: never the token).

const DRAFT_PREFIX = 'roundup.console.draft.';

export const localDrafts = {
  key: (id) => DRAFT_PREFIX + (id || 'new'),
  put(id, draft, baseRevision) {
    try {
      localStorage.setItem(this.key(id), JSON.stringify({ draft, baseRevision, keptAt: new Date().toISOString() }));
    } catch {
      // storage full or disabled: autosave still protects the text
    }
  },
  get(id) {
    try {
      return JSON.parse(localStorage.getItem(this.key(id)));
    } catch {
      return null;
    }
  },
  remove(id) {
    localStorage.removeItem(this.key(id));
  },
  all() {
    const found = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(DRAFT_PREFIX)) {
        const id = key.slice(DRAFT_PREFIX.length);
        const kept = this.get(id === 'new' ? null : id);
        if (kept && kept.draft) found.push({ id: id === 'new' ? null : id, ...kept });
      }
    }
    return found;
  },
};
