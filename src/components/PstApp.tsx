import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository, PstSnapshot } from '../data/PstRepository';
import type { ProvisioningState } from '../data/provisioning';
import { httpStatusOf } from '../data/sharePointPaths';
import { ProvisioningPrompt } from './ProvisioningPrompt';
import { ObjectiveTreeView } from './ObjectiveTreeView';
import { ProjectCardsView } from './ProjectCardsView';
import { DashboardView } from './DashboardView';
import { formatMessage } from './format';

export type PstView = 'tree' | 'cards' | 'dashboard';

export interface PstAppProps {
  readonly view: PstView;
  readonly repository: PstRepository;
  readonly lang: 'fr' | 'en';
  /** ISO date the lateness rules are evaluated at (today, or a fixed date in tests). */
  readonly today: string;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'ready'; snapshot: PstSnapshot }
  | { kind: 'listsMissing'; state: ProvisioningState; canManageLists: boolean }
  | { kind: 'error'; message: string };

/**
 * Loads the PST once (one batched request) and shows the chosen view. Only when that
 * load fails does it inspect the site for missing lists, so a normal page load stays cheap.
 */
export function PstApp({ view, repository, lang, today }: PstAppProps): JSX.Element {
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });

  const load = React.useCallback(async (): Promise<void> => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', snapshot: await repository.loadSnapshot() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A missing list answers 404, a missing column 400: both mean "provision first".
      const status = httpStatusOf(error);
      if (status === 404 || status === 400) {
        const [listsState, canManageLists] = await Promise.all([repository.inspectLists(), repository.canManageLists()]);
        if (!listsState.upToDate) {
          setState({ kind: 'listsMissing', state: listsState, canManageLists });
          return;
        }
      }
      setState({ kind: 'error', message });
    }
  }, [repository]);

  React.useEffect(() => {
    load().catch((error: unknown) => setState({ kind: 'error', message: String(error) }));
  }, [load]);

  switch (state.kind) {
    case 'loading':
      return <Spinner size={SpinnerSize.large} label={strings.Loading} />;
    case 'error':
      return (
        <Stack tokens={{ childrenGap: 8 }}>
          <MessageBar messageBarType={MessageBarType.error}>{formatMessage(strings.LoadError, state.message)}</MessageBar>
          <DefaultButton text={strings.Retry} onClick={() => load()} />
        </Stack>
      );
    case 'listsMissing':
      return (
        <ProvisioningPrompt
          state={state.state}
          canManageLists={state.canManageLists}
          onProvision={async () => {
            await repository.provisionLists();
            await load();
          }}
        />
      );
    case 'ready': {
      const props = { snapshot: state.snapshot, lang, today };
      if (view === 'tree') return <ObjectiveTreeView {...props} />;
      if (view === 'cards') return <ProjectCardsView {...props} />;
      return <DashboardView {...props} />;
    }
  }
}
