// A small, safe Markdown subset for lesson text (CONTENT.md): paragraphs split by blank lines,
// "- " bullet lines, **bold**, *italic*, `code` and [label](https://...) links. Builds DOM nodes
// (never innerHTML), so lesson text cannot inject markup.
const INLINE = /(\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\))/g;

function inline(parent, text) {
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) parent.append(text.slice(at, m.index));
    let el;
    if (m[2] !== undefined) (el = document.createElement('strong')).textContent = m[2];
    else if (m[3] !== undefined) (el = document.createElement('em')).textContent = m[3];
    else if (m[4] !== undefined) (el = document.createElement('code')).textContent = m[4];
    else {
      el = document.createElement('a');
      el.textContent = m[5];
      el.href = m[6];
      el.target = '_blank';
      el.rel = 'noopener';
    }
    parent.append(el);
    at = m.index + m[0].length;
  }
  if (at < text.length) parent.append(text.slice(at));
}

export function renderMarkdown(text) {
  const frag = document.createDocumentFragment();
  for (const block of String(text).split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*] /.test(l))) {
      const ul = document.createElement('ul');
      for (const l of lines) {
        const li = document.createElement('li');
        inline(li, l.replace(/^\s*[-*] /, ''));
        ul.append(li);
      }
      frag.append(ul);
    } else {
      const p = document.createElement('p');
      inline(p, lines.join(' '));
      frag.append(p);
    }
  }
  return frag;
}
