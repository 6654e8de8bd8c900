// Getting a file in: the drop zone (also opened with Enter or Space), the file pickers and the
// sample button; the progress bar with its cancel button; the password prompt of a protected
// workbook. It only collects files and shows progress: reading is the caller's (app.js).
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/**
 * Calls onOrders(file) for a dropped or picked orders file, onEvents(file) for an events file,
 * onSample(withEvents) for the sample buttons.
 */
export function wireIntake({ onOrders, onEvents, onSample }) {
  const drop = $('drop');
  const picker = $('orders-file');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files?.[0];
    if (file) onOrders(file);
  });
  drop.addEventListener('click', () => picker.click());
  drop.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      picker.click();
    }
  });
  picker.addEventListener('change', () => picker.files[0] && onOrders(picker.files[0]));
  $('events-file').addEventListener('change', (event) => onEvents(event.target.files[0] ?? null));
  $('sample').addEventListener('click', () => onSample(false));
  $('sample-events').addEventListener('click', () => onSample(true));
}

/** Shows the progress bar; returns {update(progress), done()}; cancel() runs on the Cancel button. */
export function showProgress(cancel) {
  const box = $('progress-box');
  const bar = $('progress');
  const text = $('progress-text');
  const button = $('cancel');
  box.hidden = false;
  bar.value = 0;
  text.textContent = '';
  button.onclick = cancel;
  return {
    update({ bytesRead, rowsRead, fraction }) {
      if (fraction !== undefined) bar.value = fraction;
      else bar.removeAttribute('value');
      text.textContent = t('progressText', { mb: (bytesRead / 1e6).toFixed(1), rows: rowsRead.toLocaleString() });
    },
    done() {
      box.hidden = true;
      button.onclick = null;
    },
  };
}

/** Asks for a workbook's password; resolves to it when the form is submitted. */
export function askPassword(wrong) {
  const form = $('password-form');
  const input = $('password');
  form.hidden = false;
  input.value = '';
  showMessage(wrong ? t('wrongPassword') : t('passwordNeeded'), wrong ? 'wrong_password' : 'password_required');
  input.focus();
  return new Promise((resolve) => {
    form.onsubmit = (event) => {
      event.preventDefault();
      form.hidden = true;
      showMessage('');
      resolve(input.value);
    };
  });
}

export function showMessage(text, code = '') {
  const node = $('message');
  node.textContent = text;
  node.dataset.code = code;
}
