import * as React from 'react';
import { Link, Text, useTheme } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { AgendaItem, LeadAgenda as Agenda } from '../../domain/leadAgenda';
import { formatDate } from '../../domain/parsing';
import type { Lang } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { plural } from '../tree/texts';
import { dashboardColours } from './chartParts';

/** « À faire : 2 actions en retard à replanifier ou terminer, 1 échéance proche à préparer et 3 suivis à ajouter. » */
export function agendaLine(agenda: Agenda, lang: Lang): string {
  const parts: string[] = [];
  if (agenda.overdue > 0) parts.push(plural(strings.DashAgendaOverdue, agenda.overdue, lang));
  if (agenda.dueSoon > 0) parts.push(plural(strings.DashAgendaDueSoon, agenda.dueSoon, lang));
  if (agenda.stale > 0) parts.push(plural(strings.DashAgendaStale, agenda.stale, lang));
  if (parts.length === 0) return strings.DashAgendaNothing;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')}${strings.DashAgendaAnd}${parts[parts.length - 1]}`;
  return formatMessage(strings.DashAgendaTodo, list);
}

function why(item: AgendaItem): string {
  if (item.reason === 'overdue') return `${formatMessage(strings.DaysLate, String(item.daysLate))} · ${formatMessage(strings.DashDueOn, formatDate(item.dueDate))}`;
  if (item.reason === 'dueSoon') {
    const due = item.daysLeft === 0 ? strings.DashAgendaDueToday : formatMessage(strings.DashAgendaDueIn, String(item.daysLeft));
    return `${due} · ${formatDate(item.dueDate)}`;
  }
  return item.daysSinceCheckIn === null ? strings.DashAgendaNeverChecked : formatMessage(strings.DashAgendaStaleDays, String(item.daysSinceCheckIn));
}

/** The lead's start: what needs doing in one line, then their actions most urgent first, each opening its panel. */
export function LeadAgenda({ agenda, lang, onOpenAction }: { agenda: Agenda; lang: Lang; onOpenAction: (id: number) => void }): JSX.Element {
  const theme = useTheme();
  const c = dashboardColours(theme);
  const colour = (item: AgendaItem) => (item.reason === 'overdue' ? c.late : item.reason === 'dueSoon' ? c.text : c.subtext);
  return (
    <div>
      <Text block styles={{ root: { fontWeight: 600, marginBottom: 6 } }}>
        {agendaLine(agenda, lang)}
      </Text>
      {agenda.items.length > 0 && (
        <ol style={{ margin: 0, paddingLeft: 20 }}>
          {agenda.items.map((item) => (
            <li key={item.action.id} style={{ padding: '3px 0' }}>
              <Link onClick={() => onOpenAction(item.action.id)}>{item.action.code ? `${item.action.code} ${item.action.title}` : item.action.title}</Link>
              <Text block variant="small" styles={{ root: { color: colour(item), fontWeight: item.reason === 'stale' ? 400 : 600 } }}>
                {why(item)}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
