import * as React from 'react';
import { DefaultButton, DropdownMenuItemType, IDropdownOption, IStackItemStyles, Label, SearchBox, Stack, Toggle } from '@fluentui/react';
import { Dropdown } from '../ui/LazyDropdown';
import * as strings from 'PstStrings';
import type { PstFilter, PstFilterOptions, StatusFilterValue } from '../../domain/filter';
import { LATENESS_STATES, activeCriteriaCount, isEmptyFilter } from '../../domain/filter';
import type { LatenessState } from '../../domain/lateness';
import type { Health, Priority, Volet } from '../../domain/model';
import { Lang, healthLabel, priorityLabel, statusLabel, voletLabel } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { useStableId } from '../ui/useStableId';

export interface FilterBarProps {
  readonly filter: PstFilter;
  readonly onChange: (filter: PstFilter) => void;
  /** From `filterOptions(data)` over the UNFILTERED data. */
  readonly options: PstFilterOptions;
  readonly lang: Lang;
  /** Milliseconds between the last key typed in the search box and the filter change (0: at once). */
  readonly searchDelayMs?: number;
  /** false hides « Mes actions » (the signed-in user is not known). */
  readonly canFilterMine?: boolean;
  /**
   * Compact: the search box, « Mes actions » and a « Filtres » button on one line; the
   * lists open under the button. For web parts side by side on a page or in a Teams tab.
   */
  readonly compact?: boolean;
}

const LATENESS_TEXT: { readonly [S in LatenessState]: () => string } = {
  overdue: () => strings.FilterLateness_overdue,
  dueSoon: () => strings.FilterLateness_dueSoon,
  stale: () => strings.FilterLateness_stale,
  onTrack: () => strings.FilterLateness_onTrack,
  unscheduled: () => strings.FilterLateness_unscheduled,
  done: () => strings.FilterLateness_done,
  cancelled: () => strings.FilterLateness_cancelled,
};

const LABEL_PREFIX = 'label:';
const SDG_PREFIX = 'odd:';

const controlStyles: IStackItemStyles = { root: { flex: '1 1 180px', minWidth: 160, maxWidth: 320 } };

/** Adds the selected values that the data no longer holds (a filter from a link), so they stay visible. */
function withSelected(options: IDropdownOption[], selected: readonly (string | number)[] | undefined, text: (key: string) => string): IDropdownOption[] {
  const missing = (selected || []).map(String).filter((key) => !options.some((o) => String(o.key) === key));
  return missing.length ? options.concat(missing.map((key) => ({ key, text: text(key) }))) : options;
}

function toggled<T>(values: readonly T[] | undefined, value: T, selected: boolean): T[] {
  const rest = (values || []).filter((v) => v !== value);
  return selected ? rest.concat(value) : rest;
}

interface MultiSelectProps {
  readonly label: string;
  readonly options: IDropdownOption[];
  readonly selectedKeys: string[];
  readonly onToggle: (key: string, selected: boolean) => void;
}

function MultiSelect({ label, options, selectedKeys, onToggle }: MultiSelectProps): JSX.Element {
  const selectable = options.filter((o) => o.itemType !== DropdownMenuItemType.Header);
  return (
    <Stack.Item styles={controlStyles}>
      <Dropdown
        label={label}
        multiSelect
        options={options}
        selectedKeys={selectedKeys}
        placeholder={strings.FilterAny}
        disabled={selectable.length === 0}
        panelProps={{ closeButtonAriaLabel: strings.Close }}
        onChange={(_, option) => option && onToggle(String(option.key), option.selected === true)}
      />
    </Stack.Item>
  );
}

/**
 * The PST filter: a search box, multi-select lists, « Mes actions », « Effacer les filtres ».
 * Controlled: `filter` comes from the parent and every change goes back through `onChange`.
 */
export function FilterBar({ filter, onChange, options, lang, searchDelayMs = 250, canFilterMine = true, compact = false }: FilterBarProps): JSX.Element {
  const searchId = useStableId('pst-filter-search');
  const listsId = useStableId('pst-filter-lists');
  const listCriteria = activeCriteriaCount({ ...filter, search: undefined, mine: undefined });
  const [listsOpen, setListsOpen] = React.useState(!compact || listCriteria > 0);
  const latest = React.useRef({ filter, onChange });
  latest.current = { filter, onChange };

  // The search box keeps what is typed; the filter follows after a short pause.
  const [text, setText] = React.useState(filter.search ?? '');
  const emitted = React.useRef(filter.search ?? '');
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  React.useEffect(() => {
    const incoming = filter.search ?? '';
    if (incoming !== emitted.current) {
      emitted.current = incoming;
      setText(incoming);
    }
  }, [filter.search]);
  React.useEffect(() => () => clearTimeout(timer.current), []);

  const applySearch = React.useCallback((value: string): void => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (value === (latest.current.filter.search ?? '')) return;
    emitted.current = value;
    const next: PstFilter = { ...latest.current.filter };
    if (value === '') delete next.search;
    else next.search = value;
    latest.current.onChange(next);
  }, []);

  const onSearchText = (value: string): void => {
    setText(value);
    clearTimeout(timer.current);
    if (searchDelayMs <= 0) applySearch(value);
    else timer.current = setTimeout(() => applySearch(value), searchDelayMs);
  };

  const update = <K extends keyof PstFilter>(key: K, value: PstFilter[K]): void => {
    const next: PstFilter = { ...filter };
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === false) delete next[key];
    else next[key] = value;
    onChange(next);
  };

  const statusText = (s: string): string => (s === 'unknown' ? strings.FilterStatusUnknown : statusLabel(s as never, lang));

  const voletOptions = withSelected(
    options.volets.map((v) => ({ key: v, text: voletLabel(v, lang) })),
    filter.volets,
    (k) => voletLabel(k as Volet, lang),
  );
  const departmentOptions = withSelected(options.departments.map((d) => ({ key: d.key, text: d.text })), filter.departments, (k) => k);
  const leadOptions = withSelected(options.leads.map((l) => ({ key: l.key, text: l.text })), filter.leads, (k) => k);
  const statusOptions = withSelected(options.statuses.map((s) => ({ key: s, text: statusText(s) })), filter.statuses, statusText);
  const healthOptions = withSelected(
    options.healths.map((h) => ({ key: h, text: healthLabel(h, lang) })),
    filter.healths,
    (k) => healthLabel(k as Health, lang),
  );
  const priorityOptions = withSelected(
    options.priorities.map((p) => ({ key: p, text: priorityLabel(p, lang) })),
    filter.priorities,
    (k) => priorityLabel(k as Priority, lang),
  );
  const labelKeys = (filter.labels || []).map((l) => LABEL_PREFIX + l);
  const sdgKeys = (filter.sdgs || []).map((n) => SDG_PREFIX + n);
  const labelChoices = withSelected(
    options.labels.map((l) => ({ key: LABEL_PREFIX + l.key, text: l.text })),
    labelKeys,
    (k) => k.substring(LABEL_PREFIX.length),
  );
  const sdgChoices = withSelected(
    options.sdgs.map((n) => ({ key: SDG_PREFIX + n, text: formatMessage(strings.FilterSdg, String(n)) })),
    sdgKeys,
    (k) => formatMessage(strings.FilterSdg, k.substring(SDG_PREFIX.length)),
  );
  const labelSdgOptions: IDropdownOption[] = [
    ...(labelChoices.length ? [{ key: 'header-labels', text: strings.FilterLabelsHeader, itemType: DropdownMenuItemType.Header }] : []),
    ...labelChoices,
    ...(sdgChoices.length ? [{ key: 'header-sdgs', text: strings.FilterSdgsHeader, itemType: DropdownMenuItemType.Header }] : []),
    ...sdgChoices,
  ];
  const latenessOptions = LATENESS_STATES.map((s) => ({ key: s, text: LATENESS_TEXT[s]() }));

  return (
    <div role="search" aria-label={strings.FilterBarLabel}>
      <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }}>
        <Stack.Item styles={{ root: { flex: '2 1 240px', minWidth: 200, maxWidth: 480 } }}>
          <Label htmlFor={searchId}>{strings.FilterSearchLabel}</Label>
          <SearchBox
            id={searchId}
            value={text}
            placeholder={strings.FilterSearchPlaceholder}
            onChange={(_, value) => onSearchText(value ?? '')}
            onSearch={(value: string) => applySearch(value ?? '')}
            onClear={() => {
              setText('');
              applySearch('');
            }}
          />
        </Stack.Item>
        {compact && (
          <Stack.Item>
            <DefaultButton
              text={listCriteria > 0 ? formatMessage(strings.FilterListsButtonCount, String(listCriteria)) : strings.FilterListsButton}
              iconProps={{ iconName: 'Filter' }}
              aria-expanded={listsOpen}
              aria-controls={listsId}
              onClick={() => setListsOpen(!listsOpen)}
            />
          </Stack.Item>
        )}
        {canFilterMine && (
          <Stack.Item styles={{ root: { paddingBottom: 2 } }}>
            <Toggle
              label={strings.FilterMine}
              inlineLabel
              checked={filter.mine === true}
              onChange={(_, checked) => update('mine', checked === true)}
              styles={{ root: { marginBottom: 4 } }}
            />
          </Stack.Item>
        )}
        <Stack.Item>
          <DefaultButton
            text={strings.FilterClear}
            iconProps={{ iconName: 'ClearFilter' }}
            disabled={isEmptyFilter(filter)}
            onClick={() => {
              clearTimeout(timer.current);
              emitted.current = '';
              setText('');
              onChange({});
            }}
          />
        </Stack.Item>
      </Stack>
      {listsOpen && (
        <Stack id={listsId} horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }} styles={{ root: { marginTop: 8 } }}>
        <MultiSelect
          label={strings.FilterVolet}
          options={voletOptions}
          selectedKeys={filter.volets || []}
          onToggle={(key, selected) => update('volets', toggled(filter.volets, key as Volet, selected))}
        />
        <MultiSelect
          label={strings.FilterDepartment}
          options={departmentOptions}
          selectedKeys={filter.departments || []}
          onToggle={(key, selected) => update('departments', toggled(filter.departments, key, selected))}
        />
        <MultiSelect
          label={strings.FilterLead}
          options={leadOptions}
          selectedKeys={filter.leads || []}
          onToggle={(key, selected) => update('leads', toggled(filter.leads, key, selected))}
        />
        <MultiSelect
          label={strings.FilterStatus}
          options={statusOptions}
          selectedKeys={filter.statuses || []}
          onToggle={(key, selected) => update('statuses', toggled(filter.statuses, key as StatusFilterValue, selected))}
        />
        <MultiSelect
          label={strings.FilterHealth}
          options={healthOptions}
          selectedKeys={filter.healths || []}
          onToggle={(key, selected) => update('healths', toggled(filter.healths, key as Health, selected))}
        />
        <MultiSelect
          label={strings.FilterPriority}
          options={priorityOptions}
          selectedKeys={filter.priorities || []}
          onToggle={(key, selected) => update('priorities', toggled(filter.priorities, key as Priority, selected))}
        />
        <MultiSelect
          label={strings.FilterLabelSdg}
          options={labelSdgOptions}
          selectedKeys={labelKeys.concat(sdgKeys)}
          onToggle={(key, selected) => {
            if (key.indexOf(SDG_PREFIX) === 0) update('sdgs', toggled(filter.sdgs, Number(key.substring(SDG_PREFIX.length)), selected));
            else update('labels', toggled(filter.labels, key.substring(LABEL_PREFIX.length), selected));
          }}
        />
        <MultiSelect
          label={strings.FilterLateness}
          options={latenessOptions}
          selectedKeys={filter.lateness || []}
          onToggle={(key, selected) => update('lateness', toggled(filter.lateness, key as LatenessState, selected))}
        />
        <Stack.Item styles={{ root: { paddingBottom: 6 } }}>
          {/* the dashboard's « Bloquées » tile sets it */}
          <Toggle label={strings.BlockedActions} inlineLabel checked={filter.blocked === true} onChange={(_, checked) => update('blocked', checked === true)} />
        </Stack.Item>
        </Stack>
      )}
    </div>
  );
}
