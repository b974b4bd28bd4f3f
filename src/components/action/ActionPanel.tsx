import * as React from 'react';
import {
  DefaultButton,
  IButton,
  IPanelStyles,
  MessageBar,
  MessageBarType,
  Panel,
  PanelType,
  Spinner,
  SpinnerSize,
  Stack,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { PstRepository } from '../../data/PstRepository';
import type { ActionDetails } from '../../data/actionDetails';
import type { Action, IsoDate, Person } from '../../domain/model';
import type { Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { ActionHeader } from './ActionHeader';
import { UpdateRequest } from './lead/UpdateRequest';
import type { MailService } from '../../mail/mailService';
import { ActionSheet } from './sheet/ActionSheet';
import { CheckInForm } from './checkIn/CheckInForm';
import { CheckInHistory } from './checkIn/CheckInHistory';
import { IndicatorTable } from './sheet/IndicatorTable';
import { MeansLines } from './sheet/MeansLines';
import { IndicatorEditor } from './sheet/IndicatorEditor';
import { ActionPanelContext, ObjectivePathLookup, codeAndTitle, objectivePaths, pathText, withLastCheckIn } from './panelModel';
import { SheetEditForm } from './sheet/SheetEditForm';
import { useMounted } from '../ui/useMounted';

export type { ActionPanelContext, ObjectivePath, ObjectivePathLookup } from './panelModel';

export interface ActionPanelProps {
  /** The action to show; null = the panel is closed. */
  readonly actionId: number | null;
  readonly repository: PstRepository;
  /** The OS and OO around the action (to show the OS → OO path), or a function giving the path. */
  readonly context: ActionPanelContext | ObjectivePathLookup;
  /** The day lateness is evaluated at, and the default date of a check-in. */
  readonly today: IsoDate;
  readonly lang: Lang;
  /** The coordinator (référent PST) may also edit the sheet itself. */
  readonly isCoordinator: boolean;
  readonly onClose: () => void;
  /** An update was saved: the parent reloads its figures. */
  readonly onSaved: (action: Action) => void;
  /** Mail as the signed-in user; with `me`, the coordinator can ask the lead for an update. */
  readonly mail?: MailService;
  readonly me?: Person | null;
}

/** Fluent's large panel is only 340 px wide on tablets: below 1024 px it takes the whole screen. */
const PANEL_STYLES: Partial<IPanelStyles> = {
  main: { selectors: { '@media (max-width: 1023px)': { left: 0, right: 0, width: '100%' } } },
};

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ready'; readonly details: ActionDetails };

/**
 * The project panel: the action sheet, its indicators and check-in history, the check-in
 * form for the lead and the coordinator, the sheet form for the coordinator.
 */
/** Only the coordination assigns leads: the people picker is loaded for them alone. */
const PeoplePickers = React.lazy(() => import(/* webpackChunkName: 'pst-lead' */ './people/PeoplePickers').then((m) => ({ default: m.PeoplePickers })));
const LeadAssignment = React.lazy(() => import(/* webpackChunkName: 'pst-lead' */ './lead/LeadAssignment').then((m) => ({ default: m.LeadAssignment })));

export function ActionPanel(props: ActionPanelProps): JSX.Element {
  const { actionId, repository, context, today, lang, isCoordinator, onClose, onSaved } = props;
  const mounted = useMounted();
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [editing, setEditing] = React.useState(false);
  const [editingIndicators, setEditingIndicators] = React.useState(false);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [attempt, setAttempt] = React.useState(0);
  const editButton = React.useRef<IButton>(null);

  React.useEffect(() => {
    setEditing(false);
    setEditingIndicators(false);
    setNotice(null);
    if (actionId === null) return undefined;
    let current = true;
    setState({ kind: 'loading' });
    repository.loadActionDetails(actionId).then(
      (details) => {
        if (current) setState({ kind: 'ready', details });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [actionId, repository, attempt]);

  const details = state.kind === 'ready' && state.details.action.id === actionId ? state.details : null;
  const action = React.useMemo(() => (details ? withLastCheckIn(details) : null), [details]);
  const paths = React.useMemo(() => (action ? objectivePaths(action, context) : []), [action, context]);
  // The mails to the lead say where the action sits, as the panel shows it.
  const mailFacts = React.useMemo(() => ({ objective: paths.map(pathText).join(' ; '), today }), [paths, today]);

  const saved = (next: ActionDetails, message: string): void => {
    if (!mounted.current) return;
    setState({ kind: 'ready', details: next });
    setNotice(message);
    onSaved(next.action);
  };

  const replaced = (next: ActionDetails): void => {
    setState({ kind: 'ready', details: next });
    setNotice(null);
  };

  const stopEditing = (): void => {
    setEditing(false);
    // Back to where the user was: the button that opened the form.
    window.setTimeout(() => editButton.current?.focus(), 0);
  };

  const canEdit = details?.canEdit === true;
  const canEditSheet = canEdit && isCoordinator;

  let body: JSX.Element;
  if (actionId === null) body = <></>;
  else if (state.kind === 'error') {
    body = (
      <Stack tokens={{ childrenGap: 8 }}>
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {formatMessage(strings.PanelLoadError, state.message)}
        </MessageBar>
        <DefaultButton text={strings.Retry} onClick={() => setAttempt((n) => n + 1)} />
      </Stack>
    );
  } else if (!details || !action) {
    body = <Spinner size={SpinnerSize.large} label={strings.PanelLoading} />;
  } else {
    body = (
      <Stack tokens={{ childrenGap: 16 }} styles={{ root: { paddingBottom: 24 } }}>
        <ActionHeader action={action} paths={paths} today={today} lang={lang} />
        {canEditSheet && !editing && (
          <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
            <LeadAssignment
              key={`lead-${details.action.id}`}
              details={details}
              repository={repository}
              mail={props.mail}
              me={props.me}
              mailFacts={mailFacts}
              onAssigned={saved}
              onReplaceDetails={replaced}
            />
            <PeoplePickers key={`people-${details.action.id}`} details={details} repository={repository} onSaved={saved} onReplaceDetails={replaced} />
          </React.Suspense>
        )}
        {isCoordinator && props.mail && props.me && action.status !== 'TERMINE' && action.status !== 'ANNULE_ABANDONNE' && (
          <UpdateRequest action={action} mail={props.mail} requester={props.me} facts={mailFacts} />
        )}
        {notice && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(null)} dismissButtonAriaLabel={strings.Close}>
            {notice}
          </MessageBar>
        )}
        {!canEdit && <MessageBar messageBarType={MessageBarType.info}>{strings.PanelReadOnly}</MessageBar>}
        {canEdit && !editing && (
          <CheckInForm
            key={details.action.id}
            details={details}
            repository={repository}
            today={today}
            lang={lang}
            me={props.me}
            onSaved={(next, corrected) => saved(next, corrected ? strings.CheckInCorrected : strings.CheckInSaved)}
            onReplaceDetails={replaced}
          />
        )}
        {canEditSheet && !editing && (
          <Stack horizontal>
            <DefaultButton
              componentRef={editButton}
              iconProps={{ iconName: 'Edit' }}
              text={strings.EditSheet}
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            />
          </Stack>
        )}
        {editing && canEditSheet ? (
          <SheetEditForm
            key={details.action.id}
            details={details}
            repository={repository}
            lang={lang}
            onSaved={(next) => {
              saved(next, strings.EditSaved);
              stopEditing();
            }}
            onReplaceDetails={replaced}
            onCancel={stopEditing}
          />
        ) : (
          <ActionSheet action={action} lang={lang} hasCheckIns={details.checkIns.length > 0} />
        )}
        {!editing && (
          <MeansLines
            key={`means-${details.action.id}`}
            details={details}
            repository={repository}
            lang={lang}
            canEdit={canEditSheet}
            defaultYear={Number(today.substring(0, 4))}
            onSaved={(next) => saved(next, strings.MeansSaved)}
            onReplaceDetails={replaced}
          />
        )}
        {editingIndicators && canEditSheet ? (
          <IndicatorEditor
            details={details}
            repository={repository}
            lang={lang}
            onSaved={(next) => {
              setEditingIndicators(false);
              saved(next, strings.IndicatorsSaved);
            }}
            onReplaceDetails={replaced}
            onCancel={() => setEditingIndicators(false)}
          />
        ) : (
          <IndicatorTable indicators={details.indicators} values={details.indicatorValues}>
            {canEditSheet && !editing && (
              <Stack horizontal styles={{ root: { marginTop: 8 } }}>
                <DefaultButton iconProps={{ iconName: 'BarChartVertical' }} text={strings.IndicatorsEdit} onClick={() => setEditingIndicators(true)} />
              </Stack>
            )}
          </IndicatorTable>
        )}
        <CheckInHistory checkIns={details.checkIns} lang={lang} />
      </Stack>
    );
  }

  return (
    <Panel
      isOpen={actionId !== null}
      type={PanelType.large}
      onDismiss={onClose}
      headerText={action ? codeAndTitle(action) : strings.PanelHeading}
      closeButtonAriaLabel={strings.Close}
      isLightDismiss={false}
      styles={PANEL_STYLES}
    >
      {body}
    </Panel>
  );
}
