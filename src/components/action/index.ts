export { ActionPanel } from './ActionPanel';
export type { ActionPanelProps, ActionPanelContext, ObjectivePath, ObjectivePathLookup } from './ActionPanel';
