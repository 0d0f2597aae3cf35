/** The editor console: its page, and the preview that renders Markdown exactly as the reader pages do. */
package io.roundup.web.editor;
