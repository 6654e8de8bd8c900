// Building elements without HTML strings: text from files only ever becomes a Text node, so a
// customer named "<img src=x onerror=…>" is shown as those characters and never parsed.

/**
 * el('td', {className: 'num', dataset: {value: 3}}, 'text', child…): properties are assigned
 * (never innerHTML), strings and numbers become Text nodes, null/false children are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) node.setAttribute(name, v);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A table from a header row and body rows (cells: strings, nodes or {text, value, className}). */
export function table(headers, rows, caption) {
  const cell = (tag, c) => {
    if (c && typeof c === 'object' && !(c instanceof Node)) {
      const props = { className: c.className ?? '' };
      if (c.value !== undefined && c.value !== null) props.dataset = { value: String(c.value) };
      return el(tag, props, c.text);
    }
    return el(tag, {}, c);
  };
  return el('div', { className: 'table-wrap' },
    el('table', {},
      caption ? el('caption', {}, caption) : null,
      el('thead', {}, el('tr', {}, headers.map((h) => cell('th', h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => cell('td', c)))))));
}

/** The "what this means / what to do" line every panel ends with. */
export function advice(meaning, todo) {
  return el('p', { className: 'advice' }, el('strong', {}, meaning), ' ', todo);
}
