import * as strings from 'PstStrings';
import type { PstFilter, PstFilterOptions } from '../../domain/filter';
import { healthLabel, priorityLabel, statusLabel, voletLabel, Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';

const LATENESS_LABEL: Record<string, () => string> = {
  overdue: () => strings.FilterLateness_overdue,
  dueSoon: () => strings.FilterLateness_dueSoon,
  stale: () => strings.FilterLateness_stale,
  onTrack: () => strings.FilterLateness_onTrack,
  unscheduled: () => strings.FilterLateness_unscheduled,
  done: () => strings.FilterLateness_done,
  cancelled: () => strings.FilterLateness_cancelled,
};

/** One line per active filter, « Statut : En cours, Problème », for the export header. */
export function describeFilter(filter: PstFilter, options: PstFilterOptions, lang: Lang): string[] {
  const lines: string[] = [];
  const line = (label: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) lines.push(`${label} : ${values.join(', ')}`);
  };
  const textOf = (choices: readonly { key: string; text: string }[], key: string) => choices.find((c) => c.key === key)?.text ?? key;
  if (filter.search && filter.search.trim()) lines.push(`${strings.FilterSearchLabel} : « ${filter.search.trim()} »`);
  line(strings.FilterVolet, filter.volets?.map((v) => voletLabel(v, lang)));
  line(strings.FilterDepartment, filter.departments?.map((d) => textOf(options.departments, d)));
  line(strings.FilterLead, filter.leads?.map((l) => textOf(options.leads, l)));
  line(strings.FilterStatus, filter.statuses?.map((s) => (s === 'unknown' ? strings.FilterStatusUnknown : statusLabel(s, lang))));
  line(strings.FilterHealth, filter.healths?.map((h) => healthLabel(h, lang)));
  line(strings.FilterPriority, filter.priorities?.map((p) => priorityLabel(p, lang)));
  line(strings.FilterLabelsHeader, filter.labels);
  line(strings.FilterSdgsHeader, filter.sdgs?.map((n) => formatMessage(strings.FilterSdg, String(n))));
  line(strings.FilterLateness, filter.lateness?.map((l) => LATENESS_LABEL[l]()));
  if (filter.blocked) lines.push(strings.BlockedActions);
  if (filter.mine) lines.push(strings.FilterMine);
  return lines;
}
