// The page: editor beside the visualizer canvas, console below, Run/Stop above. Wires them to
// the wasm module and publishes the scripting API as window.looplab (see engine.js, README.md).
import './style.css';
import { createEditor } from './editor.js';
import { createConsole } from './console.js';
import { createLooplabApi } from './engine.js';

const $ = (id) => document.getElementById(id);
const runButton = $('run');
const stopButton = $('stop');
const status = $('status');
const output = createConsole($('console'));

function setStatus(state) {
  status.dataset.state = state;
  status.textContent = state.replace('_', ' ');
  const running = state === 'running' || state === 'waiting_io';
  stopButton.disabled = !running;
}

const looplab = createLooplabApi($('canvas'), {
  onOutput: (stream, text) => output.write(stream, text),
  onRunStarting: () => {
    output.clear();
    setStatus('running');
  },
  onRunEnded: ({ runState, exitCode }) => {
    setStatus(runState);
    if (runState === 'stopped') output.notice('[stopped]');
    else output.notice(`[exit code ${exitCode}]`);
  },
  onCrash: (error) => {
    setStatus('error');
    runButton.disabled = true;
    output.notice(error.message);
  },
});
window.looplab = looplab;

const editor = createEditor($('editor'), { onRun: () => runButton.click() });

// Failures reach the console through onCrash; the click handler has nothing more to report.
runButton.addEventListener('click', () => looplab.run(editor.state.doc.toString()).catch(() => {}));
stopButton.addEventListener('click', () => looplab.stop());
$('clear').addEventListener('click', () => output.clear());

looplab.ready.then(
  () => {
    runButton.disabled = false;
    setStatus('idle');
  },
  (error) => {
    setStatus('error');
    output.notice(`Looplab could not start: ${error.message}`);
    console.error(error);
  },
);
