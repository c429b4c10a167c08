// What the main page and the embed share: starting runs (with an optional event index to move
// the playhead to once the run has logged that far, for share links and lessons), the frame loop
// that mirrors the playhead into the controls and the editor, and the core of window.looplab.
const TERMINAL = ['finished', 'failed', 'stopped'];

export function createRunner({ api, editor, transport, view }) {
  let pendingSeek = null;
  let status = api.status();

  function run(source, { seek } = {}) {
    api.setSpeed(transport.speed());
    pendingSeek = Number.isInteger(seek) ? seek : null;
    return api.run(source, { task: transport.selectedTask?.() ?? 0 }).catch(() => null);  // a crash is reported through the onCrash hook
  }

  function frame() {
    status = api.status();
    if (pendingSeek !== null && (status.events >= pendingSeek || TERMINAL.includes(status.runState))) {
      api.seek(Math.min(pendingSeek, status.events));
      pendingSeek = null;
      status = api.status();
    }
    if (transport.update(status)) view.changed(status);
    requestAnimationFrame(frame);
  }

  // The scripting API both pages publish (README.md: "window.looplab").
  const scripting = {
    run: (source) => api.run(source),
    stop: () => api.stop(),
    output: () => api.output(),
    state: () => ({ ...api.state(), runState: api.status().runState }),
    status: () => api.status(),
    step: (kind = transport.kind(), dir = 1) => api.step(kind, dir),
    stepBack: (kind = transport.kind()) => api.step(kind, -1),
    seek: (index) => api.seek(index),
    events: () => api.events(),
    playhead: () => api.status().playhead,
    play: () => api.play(),
    pause: () => api.pause(),
    setSpeed: (eps) => transport.setSpeed(eps),
    selectTask: (id) => transport.selectTask(id),
    trace: () => api.trace(),
    model: () => api.model(),
    editor: { text: () => editor.text(), marks: () => editor.marks() },
  };

  return {
    run,
    runEditor: (options) => run(editor.text(), options),
    start: () => requestAnimationFrame(frame),
    status: () => status,
    scripting,
  };
}
