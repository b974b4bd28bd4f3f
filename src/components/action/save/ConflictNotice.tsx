import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { ConflictRow } from './saveModel';
import { usePanelClassNames } from '../parts';

export interface ConflictNoticeProps {
  /** « Cette action a été modifiée par … le … pendant que vous la modifiiez. » */
  readonly message: string;
  readonly rows: readonly ConflictRow[];
  readonly busy: boolean;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}

/**
 * Someone saved the action meanwhile: the user's input is kept and shown next to the
 * stored values, and the user chooses. Focus comes here so that keyboard and screen-reader
 * users find the choice.
 */
export function ConflictNotice({ message, rows, busy, onKeepMine, onTakeTheirs }: ConflictNoticeProps): JSX.Element {
  const classNames = usePanelClassNames();
  const container = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    container.current?.focus();
  }, []);
  return (
    <div ref={container} tabIndex={-1} className={classNames.card} role="group" aria-label={message} data-testid="conflict">
      <Stack tokens={{ childrenGap: 8 }}>
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {message}
        </MessageBar>
        <Text block>{rows.length > 0 ? strings.ConflictKept : strings.ConflictNoFieldDiffers}</Text>
        {rows.length > 0 && (
          <div className={classNames.tableWrapper}>
            <table className={classNames.table}>
              <thead>
                <tr>
                  <th scope="col">{strings.ConflictField}</th>
                  <th scope="col">{strings.ConflictYours}</th>
                  <th scope="col">{strings.ConflictTheirs}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>
                      <span className={classNames.mine}>{row.mine}</span>
                    </td>
                    <td>
                      <span className={classNames.theirs}>{row.theirs}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={strings.ConflictKeepMine} onClick={onKeepMine} disabled={busy} allowDisabledFocus />
          <DefaultButton text={strings.ConflictTakeTheirs} onClick={onTakeTheirs} disabled={busy} allowDisabledFocus />
        </Stack>
      </Stack>
    </div>
  );
}
