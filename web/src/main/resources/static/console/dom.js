// Small DOM and format helpers shared by every part of the console.

export const $ = (id) => document.getElementById(id);

/** Builds an element: attributes (text, className, properties, plain attributes) and children (nodes or text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
});
export const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
/** A time as the editor reads it, in the browser's own time zone (named). */
export const when = (iso) => (iso ? dateFormat.format(new Date(iso)) : '—');
export const STATUS_LABEL = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', UNPUBLISHED: 'Unpublished' };

/** Says a short text to screen readers (the page's one polite live region). */
export function announce(text) {
  $('announce').textContent = text;
}
