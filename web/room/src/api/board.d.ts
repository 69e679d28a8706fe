// The program board's API (issue 27), hand-written from src/ArtBot/Features/Board/BoardModels.cs (web JSON, camelCase)
// until the generated room.d.ts has it; dates are "yyyy-mm-dd", times ISO 8601.

export interface BoardView {
  available: boolean;
  pi: string | null;
  iterations: BoardIteration[];
  teams: BoardTeam[];
  milestones: BoardMilestone[];
  features: BoardFeature[];
  strings: BoardString[];
  conflicts: BoardConflict[];
  can: BoardPermissions;
}

export interface BoardIteration { number: number; start: string; end: string; isIp: boolean; isCurrent: boolean }

/** inArt false: a team that left the ART but still has features or strings. */
export interface BoardTeam { conversationId: string; name: string; inArt: boolean; load: BoardLoad[] }

export interface BoardLoad { iteration: number; capacity: number | null; load: number; over: boolean }

/** kind: release | event | external; iteration null: outside the PI's iterations. */
export interface BoardMilestone { id: string; date: string; title: string; kind: string; iteration: number | null }

export interface BoardFeature {
  id: string;
  title: string;
  description: string | null;
  businessValue: number | null;
  wsjf: number | null;
  /** backlog | planned | inProgress | done | removed */
  state: string;
  sourceUrl: string | null;
  sourceId: string | null;
  parts: BoardPart[];
  objectives: string[];
  version: string;
}

/** iteration null: not planned. */
export interface BoardPart { team: string; teamName: string; iteration: number | null; points: number | null }

/** state: onTrack | warning | requested | conflict | delivered | declined | teamLeft | outsidePi. */
export interface BoardString {
  dependencyId: string;
  text: string;
  fromTeam: string;
  fromTeamName: string;
  fromFeature: string | null;
  fromIteration: number | null;
  toTeam: string;
  toTeamName: string;
  toFeature: string | null;
  toIteration: number;
  state: string;
  iterationsLate: number;
  words: string;
}

export interface BoardConflict {
  dependencyId: string;
  text: string;
  state: string;
  words: string;
  fromTeamName: string;
  toTeamName: string;
  needed: number;
  committed: number | null;
  riskId: string | null;
  proposeIterations: number[];
}

export interface BoardPermissions { keepBacklog: boolean; teams: string[] }

export interface BoardMove { featureId: string; team: string; from: number | null; to: number | null }

export interface BoardMoveConflict { title: string; detail: string; current: BoardFeature }

export interface BoardCapacity { team: string; iteration: number; points: number | null }

export interface BoardNewMilestone { date: string; title: string; kind: string }

export interface BoardNewFeature { title: string; description: string | null; businessValue: number | null; teams: string[] }

export interface BoardProposal { iteration: number }

export interface BoardChange { at: string; by: string | null; field: string; from: string | null; to: string | null }

export interface BoardHistory { featureId: string; changes: BoardChange[] }

type Get<Query, Answer> = {
  parameters: { query?: Query; header?: never; path?: never; cookie?: never };
  get: {
    parameters: { query?: Query; header?: never; path?: never; cookie?: never };
    responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': Answer } } };
  };
};

type BoardQuery = { conversation?: string; tenant?: string; team?: string; state?: string };

/** The board's GET paths in the generated paths' shape, so views.d.ts lists "board" as a view until room.d.ts has it. */
export interface BoardPaths {
  '/api/room/board': Get<BoardQuery, BoardView>;
  '/api/room/board.csv': Get<BoardQuery, string>;
}
