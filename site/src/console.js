// The console: stdout and stderr interleaved in the order the program wrote them, stderr styled.
// Each line remembers the log event that printed it: clicking it moves the playhead there, and
// lines printed after the playhead are dimmed (time travel shows the console as it was).
// `File "main.py", line N` in a traceback is a link to that line in the editor. Output is
// batched once per frame and capped at MAX_LINES lines (the oldest go, with a notice).
import { t } from './i18n.js';
import { programLocation } from './traceback.js';

export const MAX_LINES = 5000;
const MAX_LINE_CHARS = 10_000;  // a longer line is cut in the view (output() keeps all of it)

export function createConsole(element, { onSeek, onJump, onLine } = {}) {
  const lines = [];        // {el, event, text, done}; event: index of the Output event
  let dropped = 0;         // lines removed from the top by the cap
  let cappedNotice = null; // the notice element saying so
  let queue = [];          // pieces waiting for the next frame: [stream, text, event]
  let scheduled = false;
  let pinned = true;       // follow the end unless the reader scrolled up
  let playhead = Infinity; // lines with event >= playhead are "future"
  let boundary = 0;        // lines[0 .. boundary) are past, the rest future

  element.addEventListener('scroll', () => {
    pinned = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
  });
  element.addEventListener('click', (e) => {
    const link = e.target.closest('.tb-link');
    if (link) {
      e.preventDefault();
      onJump?.(Number(link.dataset.line));
      return;
    }
    const row = e.target.closest('.line[data-event]');
    if (row && !window.getSelection()?.toString()) onSeek?.(Number(row.dataset.event) + 1);
  });

  function newLine(stream, event) {
    const el = document.createElement('div');
    el.className = `line ${stream}`;
    if (event >= playhead) el.classList.add('future');
    if (event >= 0) {
      el.dataset.event = event;
      el.title = t('seekHere');
    }
    element.append(el);
    const line = { el, event, text: '', done: false, stream };
    lines.push(line);
    return line;
  }

  function addText(line, stream, text) {
    if (line.text.length >= MAX_LINE_CHARS) return;
    if (line.text.length + text.length > MAX_LINE_CHARS) text = text.slice(0, MAX_LINE_CHARS - line.text.length) + '…';
    line.text += text;
    const last = line.el.lastChild;
    if (last && last.dataset?.stream === stream) last.firstChild.appendData(text);
    else {
      const span = document.createElement('span');
      span.dataset.stream = stream;
      span.className = stream;
      span.append(text);
      line.el.append(span);
    }
  }

  // A finished line that points into the program becomes a link (stderr only: tracebacks).
  function finishLine(line) {
    line.done = true;
    if (line.stream !== 'stderr') return;
    onLine?.(line.text, line.event);
    const loc = programLocation(line.text);
    if (!loc || line.el.childNodes.length !== 1) return;
    const span = line.el.firstChild;
    const a = document.createElement('a');
    a.className = 'tb-link';
    a.href = '#';
    a.dataset.line = loc.line;
    a.title = t('jumpToLine', { line: loc.line });
    a.textContent = line.text.slice(loc.start, loc.end);
    span.replaceChildren(line.text.slice(0, loc.start), a, line.text.slice(loc.end));
  }

  function write(stream, text, event) {
    let line = lines.length ? lines[lines.length - 1] : null;
    const parts = text.split('\n');
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && !part) return;  // text ending in '\n' opens no line until more comes
      if (!line || line.done || line.notice) line = newLine(stream, event);
      if (part) addText(line, stream, part);
      if (i < parts.length - 1) finishLine(line);
    });
  }

  function enforceCap() {
    const excess = lines.length - MAX_LINES;
    if (excess <= 0) return;
    for (const line of lines.splice(0, excess)) line.el.remove();
    boundary = Math.max(0, boundary - excess);
    dropped += excess;
    if (!cappedNotice) {
      cappedNotice = document.createElement('div');
      cappedNotice.className = 'line notice capped';
    }
    cappedNotice.textContent = t('consoleCapped', { n: dropped.toLocaleString() });
    element.prepend(cappedNotice);
  }

  function flush() {
    scheduled = false;
    const pieces = queue;
    queue = [];
    for (const [stream, text, event] of pieces) write(stream, text, event);
    enforceCap();
    markFuture();
    if (pinned) element.scrollTop = element.scrollHeight;
  }

  // Dims lines printed at or after the playhead. Lines come in event order, so only the lines
  // between the old and the new boundary change (new lines get their class when made).
  const isFuture = (line) => line.event >= playhead;
  function markFuture() {
    let b = Math.min(boundary, lines.length);
    while (b < lines.length && !isFuture(lines[b])) lines[b++].el.classList.remove('future');
    while (b > 0 && isFuture(lines[b - 1])) lines[--b].el.classList.add('future');
    boundary = b;
  }

  return {
    // `event`: the index of the Output event in the log (-1: not in the log).
    write(stream, text, event = -1) {
      queue.push([stream, text, event]);
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(flush);
      }
    },
    flush,
    // `event`: where in the log it belongs (the end of the run for "[exit code 0]").
    notice(text, event = -1) {
      flush();
      const el = document.createElement('div');
      el.className = 'line notice';
      if (event >= playhead) el.classList.add('future');
      el.textContent = text;
      element.append(el);
      lines.push({ el, event, text, done: true, notice: true });
      if (pinned) element.scrollTop = element.scrollHeight;
    },
    // Output printed at event index >= playhead is in the future of the view.
    setPlayhead(index) {
      playhead = index;
      markFuture();
    },
    clear() {
      queue = [];
      lines.length = 0;
      dropped = boundary = 0;
      cappedNotice = null;
      element.textContent = '';
      pinned = true;
    },
    lineCount: () => lines.length,
    droppedLines: () => dropped,
  };
}
