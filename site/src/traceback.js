// Reading Python's error reports line by line, as the console receives them: where a traceback
// points in the program (main.py) and the exception it ends with. CPython's shapes:
//   Traceback (most recent call last):        |    File "main.py", line 3       (SyntaxError:
//     File "main.py", line 12, in <module>    |      x = (                       no header)
//       asyncio.run(main())                   |          ^
//     ...                                     |  SyntaxError: '(' was never closed
//   ValueError: boom
// and warnings: `main.py:5: RuntimeWarning: coroutine 'f' was never awaited`.
export const PROGRAM_FILE = 'main.py';

const FRAME = /^\s*File "([^"]+)", line (\d+)/;
// Exception groups draw a frame around their parts ("  | ", "  + "): read through it.
const unframe = (text) => text.replace(/^\s*[+|]\s?/, '');
const WARNING = /^([^\s:]+\.py):(\d+): (\w+(?:Warning|Error)): (.*)$/;

// Where a console line points in the program: {line, start, end} (the text span to link), or null.
export function programLocation(text) {
  let m = FRAME.exec(unframe(text));
  if (m && m[1] === PROGRAM_FILE) {
    const start = text.indexOf('File "');
    return { line: Number(m[2]), start, end: start + m[0].trimStart().length };
  }
  m = WARNING.exec(text);
  if (m && m[1] === PROGRAM_FILE) return { line: Number(m[2]), start: 0, end: m[1].length + 1 + m[2].length };
  return null;
}

// Feed stderr lines in order; `onError({line, message, event})` fires when a report ends with
// its exception line, `line` being the innermost frame in main.py (0 if none).
export function createTracebackReader(onError) {
  let open = false;    // inside a report
  let line = 0;        // innermost main.py frame so far
  let event = 0;       // where the report began (its Output event)

  return function feed(raw, atEvent) {
    const text = unframe(raw);
    if (/^(Exception Group )?Traceback \(most recent call last\):/.test(text)) {
      open = true;
      line = 0;
      event = atEvent;
      return;
    }
    const frame = FRAME.exec(text);
    if (frame) {
      if (!open) {
        open = true;
        line = 0;
        event = atEvent;
      }
      if (frame[1] === PROGRAM_FILE) line = Number(frame[2]);
      return;
    }
    if (!open) {
      const w = WARNING.exec(text);
      if (w && w[1] === PROGRAM_FILE) onError({ line: Number(w[2]), message: `${w[3]}: ${w[4]}`, event: atEvent, warning: true });
      return;
    }
    // Source lines, carets and "During handling ..." sit indented or blank; the exception line
    // is the first at column 0 (chained exceptions start a new report with their own header).
    if (text === '' || /^\s/.test(text)) return;
    if (/^(During handling|The above exception)/.test(text)) return;
    open = false;
    onError({ line, message: text, event });
  };
}
