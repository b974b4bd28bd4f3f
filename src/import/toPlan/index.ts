/**
 * The outline of a PST document and its conversion into domain objects (see
 * `planFromOutline` for what the conversion keeps, merges and reports).
 */
export type {
  OutlineAction,
  OutlineActionFields,
  OutlineAxis,
  OutlineCounts,
  OutlineDocument,
  OutlineOperationalObjective,
  OutlineProjectGroup,
  OutlineStrategicObjective,
} from './outlineTypes';
export type { OutlineWarning, OutlineWarningCode, PlanFromOutline, PlanFromOutlineOptions } from './planFromOutline';
export { planFromOutline } from './planFromOutline';
export { actionResourcesOf, readMeansLines, readResources } from './resources';
export { splitSectionHeading } from './texts';
