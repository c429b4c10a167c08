// UI text in English and Korean. The language comes from the saved choice, else the browser's
// (Korean if it prefers Korean), and can be switched; elements carry data-i18n="key" (text),
// data-i18n-title="key" (tooltip) or data-i18n-aria="key" (aria-label) and are refreshed on switch.
const STORAGE_KEY = 'looplab.lang';
export const LANGUAGES = ['en', 'ko'];

const TEXT = {
  en: {
    tagline: 'asyncio playground',
    run: 'Run', stop: 'Stop', play: 'Play', pause: 'Pause',
    stepBack: 'Step back', stepForward: 'Step',
    stepKind: 'Step size', speed: 'Speed',
    'kind.event': 'event', 'kind.task': 'task step', 'kind.iteration': 'loop iteration', 'kind.line': 'line',
    instant: 'instant', perSecond: '{n}/s',
    eventOf: 'event {i} / {n}',
    clock: 't = {t} s',
    autoRun: 'Auto-run', autoRunTitle: 'Run again shortly after each edit',
    share: 'Share', shareTitle: 'Copy a link to this program at this moment',
    exportTrace: 'Export trace', exportTraceTitle: 'Download the run as a Perfetto / Chrome trace (JSON)',
    download: 'Download program', downloadTitle: 'Save the program as main.py',
    console: 'Console', clear: 'clear', visualizer: 'Visualizer',
    examples: 'Examples', lessons: 'Lessons', sidebar: 'Examples and lessons',
    myProgram: 'My program', myProgramAbout: 'What you had in the editor before opening this',
    shortcuts: 'Keyboard shortcuts',
    'sc.run': 'Run', 'sc.stop': 'Stop', 'sc.play': 'Play / pause', 'sc.step': 'Step forward',
    'sc.back': 'Step back', 'sc.kind': 'Step size', 'sc.outside': 'outside the editor',
    'state.loading': 'loading', 'state.idle': 'idle', 'state.running': 'running',
    'state.waiting_io': 'waiting for I/O', 'state.finished': 'finished', 'state.failed': 'failed',
    'state.stopped': 'stopped', 'state.error': 'error',
    linkCopied: 'Link copied to the clipboard', linkReady: 'Link ready: copy it from the box',
    embed: 'Embed', embedTitle: 'Copy an <iframe> showing this program at this moment (editor and visualizer)',
    embedCopied: 'Embed code (<iframe>) copied to the clipboard', embedReady: 'Embed code ready: copy it from the box',
    linkBroken: 'This link is damaged or incomplete ({why}), so it cannot be opened. The editor shows your saved program instead; nothing was lost.',
    linkExampleMissing: 'This link names the example "{name}", which this version of Looplab does not have. The editor shows your saved program instead.',
    openedShared: 'Opened a shared program.', restoreMine: 'Restore my previous program',
    openedExample: 'Opened the example "{name}".',
    exitCode: '[exit code {code}]', stopped: '[stopped]',
    consoleCapped: '[{n} earlier lines are not shown; output() has all of it]',
    logFull: '[the event log is full: the visualizer shows the run up to this point]',
    crashed: 'The Looplab engine crashed ({what}); reload the page.',
    couldNotStart: 'Looplab could not start: {why}',
    lessonStep: 'Step {i} of {n}', prev: 'Back', next: 'Next', backToLessons: 'All lessons',
    noContent: 'Nothing here yet.', contentFailed: 'Could not load the list: {why}',
    openInLooplab: 'Open in Looplab',
    language: 'Language',
    jumpToLine: 'Show line {line} in the editor',
    seekHere: 'Move the playhead to when this was printed',
    close: 'Close',
    running: 'running',
    followTask: 'Task', followTaskTitle: 'Whose lines a line step follows',
    moduleCode: 'module code',
    followLines: 'Step through the lines of {name}',
  },
  ko: {
    tagline: 'asyncio 놀이터',
    run: '실행', stop: '중지', play: '재생', pause: '일시정지',
    stepBack: '한 단계 뒤로', stepForward: '한 단계',
    stepKind: '단계 크기', speed: '속도',
    'kind.event': '이벤트', 'kind.task': '태스크 스텝', 'kind.iteration': '루프 반복', 'kind.line': '줄',
    instant: '즉시', perSecond: '초당 {n}',
    eventOf: '이벤트 {i} / {n}',
    clock: 't = {t}초',
    autoRun: '자동 실행', autoRunTitle: '수정하고 잠시 뒤 다시 실행',
    share: '공유', shareTitle: '지금 이 순간의 프로그램 링크 복사',
    exportTrace: '트레이스 내보내기', exportTraceTitle: '실행 기록을 Perfetto / Chrome 트레이스(JSON)로 저장',
    download: '프로그램 내려받기', downloadTitle: '프로그램을 main.py로 저장',
    console: '콘솔', clear: '지우기', visualizer: '시각화',
    examples: '예제', lessons: '레슨', sidebar: '예제와 레슨',
    myProgram: '내 프로그램', myProgramAbout: '이것을 열기 전에 편집기에 있던 프로그램',
    shortcuts: '단축키',
    'sc.run': '실행', 'sc.stop': '중지', 'sc.play': '재생 / 일시정지', 'sc.step': '앞으로 한 단계',
    'sc.back': '뒤로 한 단계', 'sc.kind': '단계 크기', 'sc.outside': '편집기 밖에서',
    'state.loading': '불러오는 중', 'state.idle': '대기', 'state.running': '실행 중',
    'state.waiting_io': 'I/O 대기 중', 'state.finished': '완료', 'state.failed': '실패',
    'state.stopped': '중지됨', 'state.error': '오류',
    linkCopied: '링크를 클립보드에 복사했습니다', linkReady: '링크가 준비되었습니다: 상자에서 복사하세요',
    embed: '임베드', embedTitle: '지금 이 순간의 프로그램을 보여 주는 <iframe> 복사(편집기와 시각화)',
    embedCopied: '임베드 코드(<iframe>)를 클립보드에 복사했습니다', embedReady: '임베드 코드가 준비되었습니다: 상자에서 복사하세요',
    linkBroken: '링크가 손상되었거나 잘려서 열 수 없습니다({why}). 편집기에는 저장해 둔 프로그램이 그대로 있습니다.',
    linkExampleMissing: '링크가 가리키는 예제 "{name}"이(가) 이 버전의 Looplab에 없습니다. 편집기에는 저장해 둔 프로그램이 그대로 있습니다.',
    openedShared: '공유된 프로그램을 열었습니다.', restoreMine: '이전 프로그램 되돌리기',
    openedExample: '예제 "{name}"을(를) 열었습니다.',
    exitCode: '[종료 코드 {code}]', stopped: '[중지됨]',
    consoleCapped: '[앞의 {n}줄은 표시하지 않습니다. output()에는 모두 있습니다]',
    logFull: '[이벤트 기록이 가득 찼습니다: 시각화는 이 지점까지의 실행을 보여 줍니다]',
    crashed: 'Looplab 엔진이 멈췄습니다({what}). 페이지를 새로 고치세요.',
    couldNotStart: 'Looplab을 시작할 수 없습니다: {why}',
    lessonStep: '{n}단계 중 {i}단계', prev: '이전', next: '다음', backToLessons: '레슨 목록',
    noContent: '아직 아무것도 없습니다.', contentFailed: '목록을 불러오지 못했습니다: {why}',
    openInLooplab: 'Looplab에서 열기',
    language: '언어',
    jumpToLine: '편집기에서 {line}번째 줄 보기',
    seekHere: '이것이 출력된 순간으로 재생 위치 옮기기',
    close: '닫기',
    running: '실행 중',
    followTask: '태스크', followTaskTitle: '줄 단위 스텝이 따라갈 태스크',
    moduleCode: '모듈 코드',
    followLines: '{name}의 줄을 한 줄씩 따라가기',
  },
};

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(saved)) return saved;
  } catch {
    // storage disabled: fall through to the browser's preference
  }
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  for (const p of prefs) {
    const base = String(p).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

let lang = initialLanguage();
const listeners = new Set();

export function language() { return lang; }

// t('eventOf', {i: 3, n: 10}) -> "event 3 / 10"; an unknown key shows as itself.
export function t(key, params) {
  let s = TEXT[lang][key] ?? TEXT.en[key] ?? key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
  return s;
}

// {en, ko} -> the text in the current language (English when Korean is missing).
export function pick(texts) {
  if (texts == null) return '';
  if (typeof texts === 'string') return texts;
  return texts[lang] ?? texts.en ?? '';
}

export function setLanguage(next) {
  if (!LANGUAGES.includes(next) || next === lang) return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered; still switched for this visit
  }
  applyTranslations(document);
  for (const f of listeners) f(lang);
}

export function onLanguageChange(f) { listeners.add(f); }

export function applyTranslations(root) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}
