// The code editor: CodeMirror 6 with Python highlighting. Its text is saved to localStorage on
// every change and restored on load, so a reload never loses work.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { python } from '@codemirror/lang-python';
import { oneDark } from '@codemirror/theme-one-dark';

const STORAGE_KEY = 'looplab.source';

export const DEFAULT_PROGRAM = `import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay}s")
    return name


async def main():
    results = await asyncio.gather(worker("A", 0.2), worker("B", 0.1))
    print("results:", results)


asyncio.run(main())
`;

function loadSaved() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;  // storage disabled: start from the default program
  }
}

function save(text) {
  try {
    localStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Storage full or disabled: keep editing; nothing else to do.
  }
}

// `onRun` is bound to Ctrl/Cmd+Enter.
export function createEditor(parent, { onRun }) {
  const saved = loadSaved();
  return new EditorView({
    parent,
    doc: saved ?? DEFAULT_PROGRAM,
    extensions: [
      basicSetup,
      python(),
      oneDark,
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) save(update.state.doc.toString());
      }),
    ],
  });
}
