// What the console knows of the open article's workflow state (status, revision, schedule, who created it), taken
// from every answer of the API so that the bar, the history and the next write's If-Match agree with the server.

import { editor } from './draft.js';
import { renderHeader } from './header.js';

/** The editor's article record from an API answer (an article view) and its ETag. */
export function articleState(data, etag) {
  return {
    id: data.id, etag: etag || '"' + data.revision + '"', status: data.status, slug: data.slug,
    publishedAt: data.publishedAt, revision: data.revision, scheduledAt: data.scheduledAt || null,
    hasUnpublishedChanges: Boolean(data.hasUnpublishedChanges), createdBy: data.createdBy, updatedBy: data.updatedBy,
  };
}

/** Takes a workflow answer for the open article into the editor and redraws the bar. */
export function adopt(data, etag) {
  if (!editor.article || editor.article.id !== data.id) return;
  Object.assign(editor.article, articleState(data, etag));
  if (editor.draft) renderHeader();
}

/**
 * Takes only the workflow state of an answer (status, schedule), not its ETag: for a change the console did not
 * make while the text on screen may differ from the server's, so that the next save still meets If-Match honestly.
 */
export function adoptStatus(data) {
  if (!editor.article || editor.article.id !== data.id) return;
  const { status, scheduledAt, publishedAt, hasUnpublishedChanges } = articleState(data);
  Object.assign(editor.article, { status, scheduledAt, publishedAt, hasUnpublishedChanges });
  if (editor.draft) renderHeader();
}
