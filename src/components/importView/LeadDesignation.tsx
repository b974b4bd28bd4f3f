import * as React from 'react';
import {
  Checkbox,
  DefaultButton,
  IPersonaProps,
  MessageBar,
  MessageBarType,
  NormalPeoplePicker,
  PrimaryButton,
  ProgressIndicator,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  mergeStyleSets,
  useTheme,
} from '@fluentui/react';
import * as strings from 'PstStrings';
import type { LeadDesignationResult, PstRepository } from '../../data/PstRepository';
import { leadNamesToDesignate, LeadName } from '../../domain/leadNames';
import type { Action, IsoDate, Person } from '../../domain/model';
import type { PstSnapshot } from '../../domain/snapshot';
import { objectivePaths, pathText } from '../action/panelModel';
import type { MailService } from '../../mail/mailService';
import { formatMessage } from '../../text/format';
import { rankByName, searchWordOf } from '../../text/personNames';
import { useMounted } from '../ui/useMounted';

export interface LeadDesignationProps {
  readonly repository: PstRepository;
  /** Absent where Graph is not available: no mail is offered. */
  readonly mail?: MailService;
  /** The signed-in coordinator: the mails go out in their name. */
  readonly me?: Person | null;
  /** Leads were saved: the views reload. */
  readonly onApplied: () => void;
  /** The day of sending: the assignment mail flags an action already late. */
  readonly today: IsoDate;
}

type Persona = IPersonaProps & { person: Person };

/** How the directory answered for a name. */
type Match = 'one' | 'several' | 'none';

interface Row {
  readonly lead: LeadName;
  /** Accounts the name may be, best first. */
  readonly candidates: Person[];
  readonly match: Match;
  /** The account chosen; null: the name stays as written. */
  readonly chosen: Person | null;
  readonly outcome?: { readonly kind: 'success' | 'warning' | 'error'; readonly text: string };
}

type Phase = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready' } | { kind: 'applying'; done: number; total: number } | { kind: 'applied' };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const personaOf = (person: Person): Persona => ({ key: person.email ?? person.displayName, text: person.displayName, secondaryText: person.email, person });
const actionLabel = (action: Action): string => (action.code ? `${action.code} ${action.title}` : action.title);

/** The proposal for a name: the best account when it is the only best one. */
async function matchRow(repository: PstRepository, lead: LeadName): Promise<Row> {
  const found: Person[] = [];
  for (const written of lead.writtenAs) {
    const word = searchWordOf(written);
    if (!word) continue;
    for (const person of await repository.searchPeople(word)) {
      if (!found.some((p) => p.email === person.email)) found.push(person);
    }
  }
  const ranked = rankByName(lead.name, found);
  const candidates = ranked.map((m) => m.person);
  if (ranked.length === 0) return { lead, candidates: [], match: 'none', chosen: null };
  const unique = ranked.length === 1 || ranked[0].score > ranked[1].score;
  return { lead, candidates, match: unique ? 'one' : 'several', chosen: unique ? ranked[0].person : null };
}

function useClasses() {
  const theme = useTheme();
  return mergeStyleSets({
    table: { borderCollapse: 'collapse', width: '100%' },
    cell: { borderBottom: `1px solid ${theme.palette.neutralLighter}`, padding: '8px 6px', verticalAlign: 'top', textAlign: 'left' },
    head: { borderBottom: `1px solid ${theme.palette.neutralTertiaryAlt}`, padding: '6px', textAlign: 'left', fontWeight: 600 },
    muted: { color: theme.palette.neutralSecondary },
    actions: { margin: 0, paddingLeft: 16 },
  });
}

/**
 * "Désigner les chefs de projet": every lead the documents gave as a name, the matching
 * directory accounts proposed (people search, then accent/case-insensitive name matching),
 * the coordinator's choice per name, and all of it applied in one go (designateLeads), with
 * one mail per person listing their actions when asked. Names left without an account are
 * listed, never dropped; a second "Appliquer" redoes only what failed.
 */
export function LeadDesignation({ repository, mail, me, onApplied, today }: LeadDesignationProps): JSX.Element {
  const classes = useClasses();
  const mounted = useMounted();
  const [phase, setPhase] = React.useState<Phase>({ kind: 'loading' });
  const [rows, setRows] = React.useState<Row[]>([]);
  const [notify, setNotify] = React.useState(true);
  const [summary, setSummary] = React.useState<string | null>(null);
  const canMail = !!mail && !!me;
  // The plan the names were read from: the mail names each action's objective.
  const loaded = React.useRef<PstSnapshot | null>(null);
  const objectiveOf = (action: Action): string => (loaded.current ? objectivePaths(action, loaded.current).map(pathText).join(' ; ') : '');

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const snapshot = await repository.loadSnapshot();
        loaded.current = snapshot;
        const found = await Promise.all(leadNamesToDesignate(snapshot.actions).map((lead) => matchRow(repository, lead)));
        if (!live) return;
        setRows(found);
        setPhase({ kind: 'ready' });
      } catch (error) {
        if (live) setPhase({ kind: 'failed', message: errorText(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [repository]);

  const choose = (index: number, person: Person | null): void => setRows((all) => all.map((row, i) => (i === index ? { ...row, chosen: person } : row)));

  const apply = async (): Promise<void> => {
    // One designation (and one mail) per account, however many names of the document it is.
    const todo: { lead: Person; actions: Action[]; indexes: number[] }[] = [];
    rows.forEach((row, index) => {
      if (row.chosen === null || row.outcome?.kind === 'success') return;
      const account = (row.chosen.email ?? row.chosen.displayName).toLowerCase();
      const same = todo.find((t) => (t.lead.email ?? t.lead.displayName).toLowerCase() === account);
      if (same) {
        same.actions.push(...row.lead.actions);
        same.indexes.push(index);
      } else todo.push({ lead: row.chosen, actions: [...row.lead.actions], indexes: [index] });
    });
    setSummary(null);
    setPhase({ kind: 'applying', done: 0, total: todo.length });
    let results: LeadDesignationResult[];
    try {
      results = await repository.designateLeads(
        todo.map((t) => ({ lead: t.lead, actionIds: t.actions.map((a) => a.id) })),
        (done, total) => mounted.current && setPhase({ kind: 'applying', done, total }),
      );
    } catch (error) {
      if (mounted.current) {
        setPhase({ kind: 'ready' });
        setSummary(errorText(error));
      }
      return;
    }
    const outcomes = new Map<number, Row['outcome']>();
    for (let i = 0; i < todo.length; i++) {
      const { actions, indexes } = todo[i];
      const result = results[i];
      const done = result.assigned.length + result.unchanged.length;
      const parts: string[] = [];
      let kind: 'success' | 'warning' | 'error' = 'success';
      if (result.failed.length === 0) parts.push(formatMessage(strings.DesignateDone, result.lead.displayName, String(done)));
      else {
        kind = done > 0 ? 'warning' : 'error';
        const failedLabels = result.failed.map((f) => {
          const action = actions.find((a) => a.id === f.actionId);
          return action ? actionLabel(action) : String(f.actionId);
        });
        parts.push(formatMessage(strings.DesignatePartial, result.lead.displayName, String(done), failedLabels.join(', '), result.failed[0].message));
      }
      if (result.permissionErrors.length > 0) {
        kind = 'warning';
        parts.push(formatMessage(strings.LeadPermissionFailed, result.lead.displayName, result.permissionErrors.join(' ')));
      }
      const newlyAssigned = actions.filter((a) => result.assigned.indexOf(a.id) >= 0);
      if (notify && canMail && newlyAssigned.length > 0) {
        try {
          // One mail per person, listing all the actions they were given.
          await mail!.sendAssignment(newlyAssigned, result.lead, me!, { objective: objectiveOf, today });
          parts.push(strings.DesignateMailSent);
        } catch (error) {
          if (kind === 'success') kind = 'warning';
          parts.push(formatMessage(strings.LeadMailFailed, errorText(error)));
        }
      }
      for (const index of indexes) outcomes.set(index, { kind, text: parts.join(' ') });
    }
    if (!mounted.current) return;
    const failedPeople = results.filter((r) => r.failed.length > 0).length;
    setRows((all) => all.map((row, i) => (outcomes.has(i) ? { ...row, outcome: outcomes.get(i) } : row)));
    setSummary(failedPeople > 0 ? formatMessage(strings.DesignateFailedCount, String(failedPeople)) : null);
    setPhase({ kind: 'applied' });
    if (results.some((r) => r.assigned.length > 0)) onApplied();
  };

  if (phase.kind === 'loading') return <Spinner size={SpinnerSize.large} label={strings.DesignateLoading} />;
  if (phase.kind === 'failed') {
    return (
      <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
        {formatMessage(strings.LeadAssignFailed, phase.message)}
      </MessageBar>
    );
  }
  if (rows.length === 0) return <MessageBar messageBarType={MessageBarType.info}>{strings.DesignateNothing}</MessageBar>;

  const applying = phase.kind === 'applying';
  const unmatched = rows.filter((r) => r.chosen === null).map((r) => r.lead.name);
  const pending = rows.filter((r) => r.chosen !== null && r.outcome?.kind !== 'success').length;

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text>{strings.DesignateIntro}</Text>
      <table className={classes.table} aria-label={strings.DesignateHeading}>
        <thead>
          <tr>
            <th scope="col" className={classes.head}>
              {strings.DesignateColumnName}
            </th>
            <th scope="col" className={classes.head}>
              {strings.DesignateColumnActions}
            </th>
            <th scope="col" className={classes.head}>
              {strings.DesignateColumnAccount}
            </th>
            <th scope="col" className={classes.head}>
              {strings.DesignateColumnOutcome}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.lead.name} data-testid="designate-row">
              <th scope="row" className={classes.cell}>
                {row.lead.name}
                {row.lead.writtenAs.length > 1 && <div className={classes.muted}>{row.lead.writtenAs.slice(1).join(' ; ')}</div>}
              </th>
              <td className={classes.cell}>
                <ul className={classes.actions}>
                  {row.lead.actions.map((action) => (
                    <li key={action.id}>{actionLabel(action)}</li>
                  ))}
                </ul>
              </td>
              <td className={classes.cell} style={{ minWidth: 260 }}>
                <NormalPeoplePicker
                  onResolveSuggestions={async (filter) => (filter.trim().length >= 2 ? (await repository.searchPeople(filter)).map(personaOf) : [])}
                  onEmptyResolveSuggestions={() => row.candidates.map(personaOf)}
                  getTextFromItem={(persona) => persona.text ?? ''}
                  selectedItems={row.chosen ? [personaOf(row.chosen)] : []}
                  onChange={(items) => choose(index, ((items ?? [])[0] as Persona | undefined)?.person ?? null)}
                  itemLimit={1}
                  resolveDelay={300}
                  disabled={applying || row.outcome?.kind === 'success'}
                  pickerSuggestionsProps={{ noResultsFoundText: strings.LeadNoResults, suggestionsHeaderText: strings.LeadSuggestions, loadingText: strings.Loading }}
                  inputProps={{ 'aria-label': formatMessage(strings.DesignatePickerLabel, row.lead.name), placeholder: strings.LeadPickerPlaceholder }}
                />
                {row.chosen === null && row.match !== 'one' && (
                  <Text variant="small" className={classes.muted} block>
                    {row.match === 'none' ? strings.DesignateNoMatch : strings.DesignateSeveral}
                  </Text>
                )}
                {row.chosen !== null && row.outcome?.kind !== 'success' && (
                  <DefaultButton text={strings.DesignateLeave} disabled={applying} onClick={() => choose(index, null)} styles={{ root: { marginTop: 4 } }} />
                )}
              </td>
              <td className={classes.cell} aria-live="polite">
                {row.outcome && (
                  <MessageBar messageBarType={row.outcome.kind === 'success' ? MessageBarType.success : row.outcome.kind === 'warning' ? MessageBarType.warning : MessageBarType.error} isMultiline>
                    {row.outcome.text}
                  </MessageBar>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unmatched.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {formatMessage(strings.DesignateUnmatched, unmatched.join(', '))}
        </MessageBar>
      )}
      {canMail && <Checkbox label={strings.DesignateNotify} checked={notify} disabled={applying} onChange={(_, checked) => setNotify(!!checked)} />}
      {applying && <ProgressIndicator label={formatMessage(strings.DesignateProgress, String(phase.done), String(phase.total))} percentComplete={phase.total === 0 ? 0 : phase.done / phase.total} />}
      {summary && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline role="alert">
          {summary}
        </MessageBar>
      )}
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={strings.DesignateApply} disabled={applying || pending === 0} onClick={() => void apply()} allowDisabledFocus />
      </Stack>
    </Stack>
  );
}
