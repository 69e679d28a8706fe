// The meeting's Teams capabilities (share to stage, closing a dialog), and their stand-ins in the simulated meeting
// (static/simulated-meeting.html, local development): there the page tells its parent window what Teams would do.
import { dialog, meeting } from '@microsoft/teams-js';
import { SIMULATION } from './simulation.js';

/** The simulated meeting around this page, if any (local development only: same origin, a parent window). */
function simulation(host) {
  if (host.inTeams || window.parent === window) return null;
  try {
    return window.parent.location.origin === window.location.origin ? window.parent : null;
  } catch {
    return null;
  }
}

/**
 * Tells the simulated meeting what happened (nothing in Teams).
 * @param {any} host
 * @param {Omit<import('./simulation.js').SimulationMessage, 'source'>} message
 */
export function tellSimulation(host, message) {
  simulation(host)?.postMessage({ source: SIMULATION, ...message }, window.location.origin);
}

/** The absolute address of the stage page for a vote (Teams needs an absolute URL in the app's validDomains). */
export function stageUrl(voteId) {
  return new URL(`stage.html?vote=${encodeURIComponent(voteId)}`, window.location.href.split(/[?#]/)[0]).toString();
}

/**
 * Whether this user may share the app to the stage from here (the side panel), as Teams says.
 * @param {any} host
 * @returns {Promise<boolean>}
 */
export function canShareToStage(host) {
  if (host.frameContext !== 'sidePanel') return Promise.resolve(false);
  if (!host.inTeams) return Promise.resolve(simulation(host) !== null);
  return new Promise((resolve) => {
    try {
      meeting.getAppContentStageSharingCapabilities((error, capabilities) => {
        resolve(!error && capabilities?.doesAppHaveSharePermission === true);
      });
    } catch {
      resolve(false);
    }
  });
}

/**
 * Shares the vote's stage page to the meeting stage.
 * @param {any} host
 * @param {string} voteId
 * @returns {Promise<void>}
 */
export function shareToStage(host, voteId) {
  const url = stageUrl(voteId);
  if (!host.inTeams) {
    tellSimulation(host, { type: 'shareToStage', voteId, url });
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    try {
      meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? String(error.errorCode))) : resolve()), url);
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Closes the dialog (the in-meeting notification) the page runs in, as Teams asks such pages to do.
 * @param {any} host
 * @param {{ voteId: string, value?: number | null }} result
 */
export function closeDialog(host, result) {
  if (!host.inTeams) {
    tellSimulation(host, { type: 'dialogSubmitted', ...result });
    return;
  }
  try {
    dialog.url.submit(result);
  } catch {
    // Not in a dialog (e.g. opened as a tab): nothing to close.
  }
}
