// Failures of the meeting API in words people can read: the server's own localized title where it gave one.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';

/** Kinds where trying again can help. */
const RETRY = new Set(['auth', 'network', 'unavailable', 'server']);

/** { title, detail, retry } for an error (a RoomError from the API, or anything else). */
export function describeError(error) {
  switch (error?.kind) {
    case 'auth':
      return { title: t('error.authTitle'), detail: t('error.authDetail', error.message), retry: true };
    case 'network':
      return { title: t('error.networkTitle'), detail: t('error.networkDetail'), retry: true };
    case 'invalid':
    case 'forbidden':
    case 'notFound':
    case 'closed':
    case 'unavailable':
    case 'server':
      return { title: error.message, detail: null, retry: RETRY.has(error.kind) };
    default:
      console.error(error); // For developers only; the page shows plain words.
      return { title: t('error.otherTitle'), detail: t('error.otherDetail'), retry: true };
  }
}

/**
 * An error block (role alert) with a "Try again" button when retrying can help.
 * @param {unknown} error
 * @param {(() => void) | null} [retry]
 */
export function errorBlock(error, retry = null) {
  const e = describeError(error);
  return h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, e.title),
    e.detail ? h('p', {}, e.detail) : null,
    e.retry && retry ? h('button', { type: 'button', class: 'button', onClick: retry }, t('error.tryAgain')) : null);
}
