/**
 * The dashboard's key figures as quick filters. Each tile stands for one criterion of the
 * shared `PstFilter` (so the tree and the cards of the page follow it, and the URL keeps it):
 * - `late`: lateness `overdue`; `stale`: lateness `stale` (« sans suivi récent »);
 * - `blocked`: the `blocked` criterion; `done`: status TERMINE;
 * - `all`: none of those (the other criteria of the filter are left as they are).
 * The tiles exclude each other: choosing one drops the criterion of the one chosen before;
 * choosing the active tile again drops it. A criterion chosen in the filter bar that is not
 * exactly a tile's (two statuses, two lateness states) is no tile, and is replaced only when
 * a tile on the same criterion is chosen.
 */
import type { PstFilter } from './filter';

export type TileKey = 'all' | 'done' | 'late' | 'blocked' | 'stale';

export const FILTER_TILES: readonly TileKey[] = ['all', 'done', 'late', 'blocked', 'stale'];

function only<T>(values: readonly T[] | undefined, value: T): boolean {
  return values !== undefined && values.length === 1 && values[0] === value;
}

const IS_TILE: { readonly [K in Exclude<TileKey, 'all'>]: (filter: PstFilter) => boolean } = {
  done: (f) => only(f.statuses, 'TERMINE'),
  late: (f) => only(f.lateness, 'overdue'),
  stale: (f) => only(f.lateness, 'stale'),
  blocked: (f) => f.blocked === true,
};

/** The tile whose criterion the filter holds; `all` when none. */
export function activeTile(filter: PstFilter): TileKey {
  for (const tile of ['done', 'late', 'stale', 'blocked'] as const) if (IS_TILE[tile](filter)) return tile;
  return 'all';
}

/** The filter without any tile's criterion. */
function withoutTiles(filter: PstFilter): PstFilter {
  const next: PstFilter = { ...filter };
  if (IS_TILE.done(next)) delete next.statuses;
  if (IS_TILE.late(next) || IS_TILE.stale(next)) delete next.lateness;
  delete next.blocked;
  return next;
}

/** The filter after a click on `tile` (see the module comment). */
export function filterForTile(filter: PstFilter, tile: TileKey): PstFilter {
  const wasActive = tile !== 'all' && IS_TILE[tile](filter);
  const next = withoutTiles(filter);
  if (wasActive || tile === 'all') return next;
  if (tile === 'done') next.statuses = ['TERMINE'];
  else if (tile === 'late') next.lateness = ['overdue'];
  else if (tile === 'stale') next.lateness = ['stale'];
  else next.blocked = true;
  return next;
}
