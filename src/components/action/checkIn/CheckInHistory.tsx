import * as React from 'react';
import { Stack, Text } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { CheckIn, CheckInRevision } from '../../../domain/model';
import { formatMessage } from '../../../text/format';
import { formatDate, formatPercent } from '../../../domain/parsing';
import { healthLabel, statusLabel, Lang } from '../../../domain/vocabularies';
import { Badge, MultilineText, usePanelClassNames } from '../parts';
import { HEALTH_ICONS, HEALTH_TONES, STATUS_ICONS, STATUS_TONES } from '../panelModel';

/** Newest first (by date, then by id for several check-ins on the same day). */
export function sortCheckIns(checkIns: readonly CheckIn[]): CheckIn[] {
  return [...checkIns].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}

/** What a check-in said before a correction, in one line: « En cours, 35 %, À risque, « … » ». */
function revisionSummary(revision: CheckInRevision, lang: Lang): string {
  return [
    statusLabel(revision.status, lang),
    revision.percent !== null ? formatPercent(revision.percent) : null,
    revision.health ? healthLabel(revision.health, lang) : null,
    revision.comment ? `« ${revision.comment} »` : null,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}

export function CheckInHistory({ checkIns, lang }: { checkIns: readonly CheckIn[]; lang: Lang }): JSX.Element {
  const classNames = usePanelClassNames();
  const sorted = React.useMemo(() => sortCheckIns(checkIns), [checkIns]);
  return (
    <section className={classNames.section} aria-labelledby="pst-panel-history">
      <h3 id="pst-panel-history" className={classNames.sectionTitle}>
        {strings.HistoryHeading}
      </h3>
      {sorted.length === 0 ? (
        <Text>{strings.HistoryEmpty}</Text>
      ) : (
        <ol className={classNames.plainList} style={{ listStyle: 'none', paddingLeft: 0 }} aria-labelledby="pst-panel-history">
          {sorted.map((checkIn) => (
            <li key={checkIn.id} style={{ marginBottom: 12 }} data-testid="check-in">
              <Stack tokens={{ childrenGap: 4 }}>
                <Text variant="smallPlus" style={{ fontWeight: 600 }}>
                  {formatDate(checkIn.date)} · {checkIn.author ? checkIn.author.displayName : strings.HistoryUnknownAuthor}
                </Text>
                <Stack horizontal wrap tokens={{ childrenGap: 6 }}>
                  <Badge icon={STATUS_ICONS[checkIn.status]} text={statusLabel(checkIn.status, lang)} tone={STATUS_TONES[checkIn.status]} />
                  {checkIn.percent !== null && <Badge icon="BarChartHorizontal" text={`${strings.Progress} : ${formatPercent(checkIn.percent)}`} tone="neutral" />}
                  {checkIn.health && (
                    <Badge icon={HEALTH_ICONS[checkIn.health]} text={`${strings.PanelHealth} : ${healthLabel(checkIn.health, lang)}`} tone={HEALTH_TONES[checkIn.health]} />
                  )}
                </Stack>
                {checkIn.comment && checkIn.comment.trim() !== '' && <MultilineText text={checkIn.comment} />}
                {(checkIn.corrections ?? []).map((revision, i) => (
                  <Text key={i} variant="small" data-testid="check-in-correction">
                    {formatMessage(strings.HistoryCorrected, formatDate(revision.correctedOn.substring(0, 10)), revisionSummary(revision, lang))}
                  </Text>
                ))}
              </Stack>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
