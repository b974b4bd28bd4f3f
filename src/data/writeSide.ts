/**
 * What the repository needs only to write, provision, read an action's details or the
 * evaluation archive: one module, loaded on first use (`loadWriteSide` in
 * SharePointPstRepository.ts), so a page's first read (the plan) downloads none of it.
 */
export { SharePointStructureEditing } from './structureWriter';
export { SharePointSnapshotArchive } from './SharePointSnapshotArchive';
export { inspectPstLists, provisionPst } from './provisioning';
export { addUserToPstGroup } from './permissions';
export { ensureActionSpace, ensureFolder, progressPayload } from './actionSpaces';
export { correctLatestCheckIn } from './checkInCorrection';
export { applyToProgress, findCheckInByKey, newCheckInKey, savedCheckIn, writeCheckIn } from './checkInWriter';
export { actionValuesFrom, actionValuesQuery, IndicatorsVersionChanged, indicatorsVersionOf, saveActionIndicators, writeIndicatorValues } from './indicatorValues';
export { actionMeansFrom, actionMeansQuery, MeansVersionChanged, missingListAsEmpty, readAllMeans, saveActionMeans } from './meansLines';
export { readCheckInHistory } from './checkInHistory';
export { resolvePeople } from './peopleResolution';
export { designateLeads } from './leadDesignation';
