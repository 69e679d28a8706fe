// The message the meeting pages send to the simulated meeting (static/simulated-meeting.html) in local development,
// where no Teams shares to the stage, opens notifications or closes them.
export const SIMULATION = 'artbot-simulated-meeting';

/**
 * @typedef {{ source: typeof SIMULATION, type: 'voteStarted' | 'shareToStage' | 'dialogSubmitted', voteId?: string,
 *   url?: string, value?: number | null }} SimulationMessage
 */
