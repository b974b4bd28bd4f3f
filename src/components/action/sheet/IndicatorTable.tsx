import * as React from 'react';
import { ProgressIndicator } from '@fluentui/react';
import * as strings from 'PstStrings';
import type { Indicator } from '../../../domain/model';
import { IndicatorValue, indicatorSeries, withCurrentValue } from '../../../domain/indicators';
import { IndicatorChart } from './IndicatorChart';
import { formatNumber, formatPercent } from '../../../domain/parsing';
import { formatMessage } from '../../../text/format';
import { usePanelClassNames } from '../parts';

/**
 * Share of the way from the baseline to the target (0–1), when the figures allow it:
 * current / target without a baseline, (current − baseline) / (target − baseline) with one
 * (so that "reduce the waiting time from 30 to 10 days" works too).
 */
export function indicatorProgress(indicator: Pick<Indicator, 'baseline' | 'target' | 'current'>): number | null {
  const { baseline, target, current } = indicator;
  if (typeof current !== 'number' || typeof target !== 'number' || !isFinite(current) || !isFinite(target)) return null;
  const from = typeof baseline === 'number' && isFinite(baseline) && baseline !== target ? baseline : 0;
  if (target === from) return current >= target ? 1 : 0;
  return Math.min(1, Math.max(0, (current - from) / (target - from)));
}

function value(number: number | null, unit: string | null): string {
  if (number === null) return '';
  if (unit && unit.trim() === '%') return formatPercent(number, 2);
  if (unit && /^(€|eur|euros?)$/i.test(unit.trim())) return `${formatNumber(number, { maxDecimals: 2 })}\u00a0€`;
  return formatNumber(number, { maxDecimals: 2 });
}

/** The indicators with their current value (the latest of the history when there is one), and the trend of each. */
export function IndicatorTable({ indicators: stored, values = [], children }: { indicators: readonly Indicator[]; values?: readonly IndicatorValue[]; children?: React.ReactNode }): JSX.Element | null {
  const classNames = usePanelClassNames();
  const indicators = stored.map((indicator) => withCurrentValue(indicator, values));
  if (indicators.length === 0) return children ? <section className={classNames.section}>{children}</section> : null;
  return (
    <section className={classNames.section} aria-labelledby="pst-panel-indicators">
      <div className={classNames.tableWrapper} role="group" aria-labelledby="pst-panel-indicators" tabIndex={0}>
        <table className={classNames.table}>
          <caption id="pst-panel-indicators" className={classNames.caption}>
            {strings.IndicatorsHeading}
          </caption>
          <thead>
            <tr>
              <th scope="col">{strings.IndicatorLabel}</th>
              <th scope="col">{strings.IndicatorUnit}</th>
              <th scope="col">{strings.IndicatorBaseline}</th>
              <th scope="col">{strings.IndicatorTarget}</th>
              <th scope="col">{strings.IndicatorCurrent}</th>
              <th scope="col">{strings.IndicatorYear}</th>
              <th scope="col">{strings.IndicatorProgress}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => {
              const progress = indicatorProgress(indicator);
              const progressText = progress === null ? '' : formatMessage(strings.IndicatorProgressValue, formatPercent(progress * 100, 0));
              return (
                <tr key={indicator.id}>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    {indicator.label}
                  </th>
                  <td>{indicator.unit ?? ''}</td>
                  <td className="number">{value(indicator.baseline, indicator.unit)}</td>
                  <td className="number">{value(indicator.target, indicator.unit)}</td>
                  <td className="number">{value(indicator.current, indicator.unit)}</td>
                  <td className="number">{indicator.year === null ? '' : String(indicator.year)}</td>
                  <td style={{ minWidth: 120 }}>
                    {progress !== null && (
                      <ProgressIndicator
                        percentComplete={progress}
                        description={progressText}
                        ariaValueText={progressText}
                        progressHidden={false}
                        aria-label={`${strings.IndicatorProgress} – ${indicator.label}`}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {indicators.map((indicator) => {
        const series = indicatorSeries(indicator.id, values);
        return series.length > 0 ? (
          <figure key={indicator.id} style={{ margin: '8px 0' }} data-testid="indicator-chart">
            <figcaption className={classNames.fieldLabel}>{formatMessage(strings.IndicatorChartCaption, indicator.label)}</figcaption>
            <IndicatorChart indicator={indicator} series={series} />
          </figure>
        ) : null;
      })}
      {children}
    </section>
  );
}
