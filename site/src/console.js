// The console: stdout and stderr interleaved in the order the program wrote them, stderr
// styled. Consecutive pieces of the same stream share one span so long outputs stay cheap.
export function createConsole(element) {
  let last = null;  // {stream, node}: the span the next piece of the same stream joins
  let pinned = true;  // follow the end unless the reader scrolled up

  element.addEventListener('scroll', () => {
    pinned = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
  });

  function append(stream, text) {
    if (!last || last.stream !== stream) {
      const span = document.createElement('span');
      span.className = stream;
      span.append(document.createTextNode(''));
      element.append(span);
      last = { stream, node: span.firstChild };
    }
    last.node.appendData(text);
    if (pinned) element.scrollTop = element.scrollHeight;
  }

  return {
    write: append,
    notice(text) {
      append('notice', (element.textContent && !element.textContent.endsWith('\n') ? '\n' : '') + text + '\n');
    },
    clear() {
      element.textContent = '';
      last = null;
      pinned = true;
    },
  };
}
