/** Review-roundup articles: the editable working copy, its published snapshot, revisions and the publishing workflow. */
package io.roundup.article;
