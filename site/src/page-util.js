// Small page helpers shared by the main page and the embed: settings in localStorage, file
// downloads, and the banner that says what happened to a link.
import { t } from './i18n.js';

export function loadSettings(key) {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

export function saveSettings(key, settings) {
  try {
    localStorage.setItem(key, JSON.stringify(settings));
  } catch {
    // not remembered; the page still works
  }
}

export function download(filename, text, type = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The banner under the top bar: one message at a time, an optional action and a close button.
export function createBanner(root) {
  const text = root.querySelector('.banner-text');
  const action = root.querySelector('.banner-action');
  const close = root.querySelector('.banner-close');
  let onAction = null;
  let timer = 0;
  const hide = () => { root.hidden = true; };
  close?.addEventListener('click', hide);
  action?.addEventListener('click', () => {
    onAction?.();
    hide();
  });
  return {
    // kind: "info" | "error"; action: {label, run}; timeout in ms (0: stays).
    show(message, { kind = 'info', action: act = null, timeout = 0, extra = null } = {}) {
      clearTimeout(timer);
      root.dataset.kind = kind;
      text.replaceChildren(message, ...(extra ? [extra] : []));
      onAction = act?.run ?? null;
      if (action) {
        action.hidden = !act;
        action.textContent = act?.label ?? '';
      }
      if (close) close.title = t('close');
      root.hidden = false;
      if (timeout) timer = setTimeout(hide, timeout);
    },
    hide,
    text: () => (root.hidden ? '' : text.textContent),
  };
}

// The URL fragment without '#', percent-decoded where that is valid (a pasted link may carry
// stray '%' signs: then the raw text is returned and the reader reports it as broken).
export function readFragment() {
  const raw = location.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
