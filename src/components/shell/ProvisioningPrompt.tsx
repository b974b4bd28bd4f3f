import * as React from 'react';
import { MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { ProvisioningState } from '../../data/provisioning';
import { formatMessage } from '../../text/format';

export interface ProvisioningPromptProps {
  readonly state: ProvisioningState;
  readonly canManageLists: boolean;
  readonly onProvision: () => Promise<void>;
}

/** Shown instead of a view when the PST lists are missing or out of date on the site. */
export function ProvisioningPrompt({ state, canManageLists, onProvision }: ProvisioningPromptProps): JSX.Element {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>();
  const listsMissing = state.missingLists.length > 0;

  const provision = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await onProvision();
    } catch (e) {
      setError(formatMessage(strings.LoadError, e instanceof Error ? e.message : String(e)));
      setBusy(false);
    }
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        <strong>
          {listsMissing ? strings.ListsMissingTitle : formatMessage(strings.ListsOutdated, String(state.missingFields.length))}
        </strong>{' '}
        {canManageLists ? strings.ListsMissingOwner : strings.ListsMissingReader}
      </MessageBar>
      {error && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
      {canManageLists &&
        (busy ? (
          <Spinner size={SpinnerSize.medium} label={strings.Provisioning} />
        ) : (
          <PrimaryButton onClick={provision} text={listsMissing ? strings.CreateLists : strings.UpgradeLists} />
        ))}
    </Stack>
  );
}
