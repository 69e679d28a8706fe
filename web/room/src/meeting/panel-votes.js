// The meeting's votes in the side panel: live count, result when closed, and what the user may do with each vote
// (share to stage, close, vote again, raise a concern as a risk). Items are rebuilt in place as votes change.
import { h, replace } from '../dom.js';
import { t, tn, locale } from '../i18n/index.js';
import { RoomError } from '../api.js';
import { act, keepFocus } from './page.js';
import { distributionChart } from './distribution.js';
import { scopeText, votedText, averageText, hiddenText } from './vote-text.js';
import { shareToStage } from './teams.js';

/** @typedef {import('../api/meeting').LiveVote} LiveVote */
/** @typedef {import('../api/meeting').VoteConcern} VoteConcern */

/**
 * @param {{ api: import('./api.js').MeetingApi, host: any, canShare: () => boolean, say: (message: string) => void,
 *   changed: (vote: LiveVote) => void, started: (vote: LiveVote) => void }} panel
 */
export function createVoteList(panel) {
  const list = h('ul', { class: 'votes' });
  const empty = h('p', { class: 'empty' }, t('votes.none'));
  const element = h('section', { class: 'block', 'aria-labelledby': 'votes-title' },
    h('h2', { id: 'votes-title' }, t('votes.title')), empty, list);
  /** @type {Map<string, HTMLElement>} */
  const items = new Map();
  /** Votes whose "Close vote…" asks for confirmation now. */
  const confirming = new Set();

  /** @param {LiveVote[]} votes */
  function render(votes) {
    keepFocus(list, () => {
      items.clear();
      replace(list, votes.map((vote) => {
        const li = item(vote);
        items.set(vote.voteId, li);
        return li;
      }));
    });
    empty.hidden = votes.length > 0;
    list.hidden = votes.length === 0;
  }

  /** @param {LiveVote} vote */
  function update(vote) {
    const old = items.get(vote.voteId);
    if (!old) return;
    keepFocus(list, () => {
      const fresh = item(vote);
      old.replaceWith(fresh);
      items.set(vote.voteId, fresh);
    });
  }

  /** @param {LiveVote} vote */
  function item(vote) {
    const alerts = h('div', { class: 'alerts' });
    const average = averageText(vote);
    const hidden = hiddenText(vote);
    const closes = vote.open ? closesText(vote.deadline) : null;
    return h('li', { class: 'vote-item', dataset: { vote: vote.voteId, focusScope: `vote-${vote.voteId}` } },
      h('h3', { tabindex: '-1', dataset: { focusKey: `vote-${vote.voteId}` } }, vote.question),
      h('p', { class: 'vote-meta' },
        h('span', { class: vote.open ? 'badge badge-info' : 'badge badge-muted' }, vote.open ? t('vote.open') : t('vote.closed')),
        ' ', scopeText(vote)),
      h('p', { class: 'vote-count' }, votedText(vote), closes ? ` · ${closes}` : ''),
      !vote.open && vote.verdict
        ? h('p', { class: vote.confident ? 'verdict verdict-good' : 'verdict verdict-bad' }, vote.verdict)
        : null,
      average ? h('p', {}, average) : null,
      vote.distribution ? distributionChart(vote.distribution, 'dist-small') : null,
      hidden ? h('p', { class: 'secondary small' }, hidden) : null,
      vote.open && vote.mine ? h('p', { class: 'small' }, t('vote.mine', vote.mine)) : null,
      !vote.open && vote.nextVoteId ? h('p', { class: 'secondary small' }, t('vote.nextRound', vote.round + 1)) : null,
      actions(vote, alerts),
      alerts,
      concerns(vote));
  }

  /**
   * @param {LiveVote} vote
   * @param {HTMLElement} alerts
   */
  function actions(vote, alerts) {
    const id = vote.voteId;
    if (vote.open && vote.canManage && confirming.has(id)) {
      const yes = h('button', {
        type: 'button', class: 'button danger', dataset: { focusKey: `close-yes-${id}` },
        onClick: () => act(yes, alerts, async () => {
          const closed = await panel.api.close(id);
          confirming.delete(id);
          panel.say(t('vote.closedNow'));
          panel.changed(closed);
        }),
      }, t('vote.closeYes'));
      const cancel = h('button', {
        type: 'button', class: 'button', dataset: { focusKey: `close-cancel-${id}` },
        onClick: () => {
          confirming.delete(id);
          update(vote);
          /** @type {HTMLElement | null} */ (list.querySelector(`[data-focus-key="${CSS.escape(`close-${id}`)}"]`))?.focus();
        },
      }, t('vote.cancel'));
      return h('div', { class: 'confirm', role: 'group', 'aria-label': t('vote.closeVote') },
        h('p', {}, t('vote.closeConfirm')), h('div', { class: 'actions' }, yes, cancel));
    }
    const buttons = [];
    if (vote.open && panel.canShare()) {
      const share = h('button', {
        type: 'button', class: 'button primary', dataset: { focusKey: `share-${id}` },
        onClick: () => act(share, alerts, async () => {
          try {
            await shareToStage(panel.host, id);
          } catch {
            throw new RoomError('server', t('vote.shareFailed'));
          }
          panel.say(t('vote.shared'));
        }),
      }, t('vote.share'));
      buttons.push(share);
    }
    if (vote.open && vote.canManage) {
      buttons.push(h('button', {
        type: 'button', class: 'button', dataset: { focusKey: `close-${id}` },
        onClick: () => {
          confirming.add(id);
          update(vote);
          /** @type {HTMLElement | null} */ (list.querySelector(`[data-focus-key="${CSS.escape(`close-yes-${id}`)}"]`))?.focus();
        },
      }, t('vote.closeVote')));
    }
    if (!vote.open && vote.canManage && !vote.nextVoteId) {
      const again = h('button', {
        type: 'button', class: 'button primary', dataset: { focusKey: `again-${id}` },
        onClick: () => act(again, alerts, async () => {
          const next = await panel.api.again(id);
          panel.changed({ ...vote, nextVoteId: next.voteId });
          panel.started(next);
        }),
      }, t('vote.again'));
      buttons.push(again);
    }
    return buttons.length > 0 ? h('div', { class: 'actions' }, buttons) : null;
  }

  /** @param {LiveVote} vote */
  function concerns(vote) {
    const all = vote.canManage ? vote.concerns ?? [] : [];
    if (all.length === 0) return null;
    return h('div', { class: 'concerns' },
      h('h4', {}, tn(all.length, 'vote.concerns')),
      h('ul', {}, all.map((concern) => concernItem(vote, concern))));
  }

  /**
   * @param {LiveVote} vote
   * @param {VoteConcern} concern
   */
  function concernItem(vote, concern) {
    const alerts = h('div', { class: 'alerts' });
    let action;
    if (concern.riskId) {
      action = h('p', { class: 'small raised', tabindex: '-1', dataset: { focusKey: `risk-${concern.concernId}` } }, t('vote.raised'));
    } else {
      action = h('button', {
        type: 'button', class: 'button', dataset: { focusKey: `risk-${concern.concernId}` },
        onClick: () => act(action, alerts, async () => {
          const risk = await panel.api.raiseRisk(vote.voteId, concern.concernId);
          panel.say(t('vote.riskRaised', risk.title));
          panel.changed({ ...vote, concerns: (vote.concerns ?? []).map((c) => (c.concernId === concern.concernId ? { ...c, riskId: risk.riskId } : c)) });
        }),
      }, t('vote.raiseRisk'));
    }
    return h('li', { class: 'concern-item' },
      h('p', { class: 'concern-text' }, concern.text),
      concern.author ? h('p', { class: 'secondary small' }, t('vote.concernBy', concern.author)) : null,
      action,
      alerts);
  }

  return { element, render, update };
}

/** "closes at 14:05" in the page's language, or null without a deadline. @param {string | null} deadline */
function closesText(deadline) {
  const end = deadline ? new Date(deadline) : null;
  if (!end || Number.isNaN(end.getTime())) return null;
  return t('vote.closesAt', new Intl.DateTimeFormat(locale(), { hour: 'numeric', minute: '2-digit' }).format(end));
}
