// The program board's types: the generated contract's (room.d.ts, from api/openapi_room.json) under their own names.
import type { components } from './room';

type S = components['schemas'];

export type BoardView = S['BoardView'];
export type BoardIteration = S['BoardIteration'];
export type BoardTeam = S['BoardTeam'];
export type BoardLoad = S['BoardLoad'];
export type BoardMilestone = S['BoardMilestone'];
export type BoardFeature = S['BoardFeature'];
export type BoardPart = S['BoardPart'];
export type BoardString = S['BoardString'];
export type BoardConflict = S['BoardConflict'];
export type BoardPermissions = S['BoardPermissions'];
export type BoardMove = S['BoardMove'];
export type BoardCapacity = S['BoardCapacity'];
export type BoardNewMilestone = S['BoardNewMilestone'];
export type BoardNewFeature = S['BoardNewFeature'];
export type BoardProposal = S['BoardProposal'];
export type BoardChange = S['BoardChange'];
export type BoardHistory = S['BoardHistory'];

/** A move refused as stale (409): the server's words and the feature as it is now. */
export interface BoardMoveConflict { title: string; detail: string; current: BoardFeature }
