/**
 * What the repository needs only to write, provision, read the evaluation archive, and
 * PnPjs's people search: one module, loaded on first use (`loadWriteSide` in
 * SharePointPstRepository.ts), so a page's first read (the plan) downloads none of it.
 */
import '@pnp/sp/profiles';

export { SharePointStructureEditing } from './structureWriter';
export { SharePointSnapshotArchive } from './SharePointSnapshotArchive';
export { inspectPstLists, provisionPst } from './provisioning';
export { addUserToPstGroup } from './permissions';
export { ensureActionSpace, ensureFolder, progressPayload } from './actionSpaces';
export { correctLatestCheckIn } from './checkInCorrection';
export { applyToProgress, findCheckInByKey, newCheckInKey, savedCheckIn, writeCheckIn } from './checkInWriter';
export { IndicatorsVersionChanged, saveActionIndicators, writeIndicatorValues } from './indicatorValues';
export { MeansVersionChanged, saveActionMeans } from './meansLines';
export { resolvePeople } from './peopleResolution';
export { designateLeads } from './leadDesignation';
