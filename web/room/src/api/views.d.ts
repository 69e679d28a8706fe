// The ART room API's views, typed from its OpenAPI document (room.d.ts, generated from ../../api/openapi_room.json).
import type { components, paths } from './room';

/** The API's JSON types by name (OverviewView, RoomImpediment, BoardView, …). */
export type Schemas = components['schemas'];

type Path<V extends string> = `/api/room/${V}`;
type Name<P> = P extends Path<infer V> ? V : never;

/** A JSON view's name: the path after /api/room/ ("context", "overview", …, "mine"); not the board's changes (board/…). */
export type JsonView = Exclude<Name<keyof paths>, `${string}.csv` | `${string}/${string}`>;

/** A view that also comes as CSV (/api/room/<view>.csv). */
export type CsvView = Name<keyof paths> extends infer V ? (V extends `${infer Csv}.csv` ? Csv : never) : never;

/** What GET /api/room/<view> answers with (200, application/json). */
export type Answer<V extends JsonView> = paths[Path<V>]['get']['responses'][200]['content']['application/json'];

/** The query parameters a view takes (none for "mine"). */
export type Query<V extends JsonView | `${CsvView}.csv`> = Params<NonNullable<paths[Path<V>]['get']['parameters']['query']>>;

type Params<Q> = [Q] extends [never] ? Record<string, never> : { [K in keyof Q]?: Q[K] | null };
