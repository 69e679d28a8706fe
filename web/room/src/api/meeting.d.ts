// The meeting API (/api/meeting, issue 26), written by hand from the contract between the server and the pages until the
// server publishes its OpenAPI document (then generated like room.d.ts). Field names and nullability as the contract says.

export type MeetingRole = 'Organizer' | 'Presenter' | 'Attendee';
export type VoteScope = 'team' | 'art';

/** An ART the user may link a private meeting to (only when the meeting is not linked and the user may link it). */
export interface LinkableArt {
  artId: string;
  artName: string;
  teams: string[];
}

/** GET /api/meeting/context?meeting=&chat= and POST /api/meeting/link. */
export interface MeetingContext {
  meetingId: string;
  linked: boolean;
  artName: string | null;
  teamName: string | null;
  /** The teams offered for a team vote: the meeting's team only, or every team of the ART in an ART-level meeting. */
  teams: string[];
  canStartArtVote: boolean;
  role: MeetingRole | null;
  canStart: boolean;
  /** A localized note about roles (e.g. the meeting is too large for Teams to say them). */
  roleNote: string | null;
  linkable: LinkableArt[] | null;
  /** This meeting's votes, newest first, at most 20. */
  votes: LiveVote[];
}

/** A concern voiced by a voter who gave a 1 or a 2 (only for those who may manage the vote). */
export interface VoteConcern {
  concernId: string;
  text: string;
  author: string | null;
  riskId: string | null;
}

/** A vote as the meeting shows it: GET /api/meeting/votes/{voteId} (with an ETag) and every vote action's answer. */
export interface LiveVote {
  voteId: string;
  question: string;
  scope: VoteScope;
  teamName: string | null;
  round: number;
  anonymous: boolean;
  hideResults: boolean;
  open: boolean;
  /** ISO-8601; null without a deadline. */
  deadline: string | null;
  /** ISO-8601: the server's clock when it answered (the page corrects its own clock's skew with it). */
  serverTime: string;
  voted: number;
  /** The people in the meeting now; null when Teams cannot say. */
  inMeeting: number | null;
  /** Counts of 1 to 5; null while the results are hidden. */
  distribution: number[] | null;
  /** null while the results are hidden. */
  average: number | null;
  /** Localized, when closed ("Confident: average 4.1, no 1s or 2s"). */
  verdict: string | null;
  confident: boolean | null;
  /** The caller's own ballot (open votes). */
  mine: number | null;
  canManage: boolean;
  concerns: VoteConcern[] | null;
  /** The rework round, once started. */
  nextVoteId: string | null;
}

/** POST /api/meeting/link (organizer only; private meetings). */
export interface LinkRequest {
  meeting: string;
  chat: string;
  artId: string;
  team: string | null;
}

/** POST /api/meeting/votes → 201 LiveVote. */
export interface StartVoteRequest {
  meeting: string;
  chat: string;
  scope: VoteScope;
  team: string | null;
  question: string | null;
  anonymous: boolean;
  hideResults: boolean;
  minutes: number | null;
}

/** POST /api/meeting/votes/{voteId}/ballot → LiveVote. */
export interface BallotRequest {
  value: 1 | 2 | 3 | 4 | 5;
}

/** POST /api/meeting/votes/{voteId}/concerns → 201 ConcernCreated. */
export interface ConcernRequest {
  text: string;
}

export interface ConcernCreated {
  concernId: string;
}

/** POST /api/meeting/votes/{voteId}/concerns/{concernId}/risk. */
export interface RiskRaised {
  riskId: string;
  title: string;
}
