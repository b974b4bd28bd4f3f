/**
 * The PST published: one self-contained HTML page (its CSS inside, no script) that the CPAS
 * puts on its public website, since SharePoint does not serve anonymous visitors. The tree
 * (OS → OO → actions) with rolled-up progress, each action's public fields, the date of the
 * data. Nothing internal unless asked: check-in comments and the sheet's comments
 * (`comments`), people's e-mail (`emails`), who checked in and when (`checkIns`).
 *
 * Accessible (landmarks, one h1 then h2/h3/h4, a skip link, progress said in words with the
 * bar only decorative, contrast above 4.5:1, French `lang`) and printable (A4, no bar
 * backgrounds lost, an objective never split from its heading). Pure: the CLI writes it,
 * the browser can offer it as a download.
 */
import type { Action, CheckIn, Indicator, IsoDate } from '../domain/model';
import { displayNameOf } from '../domain/model';
import type { ActionNode, OperationalObjectiveNode, PlanTreeInput, SectionNode, StrategicObjectiveNode } from '../domain/tree';
import { buildPlanTree } from '../domain/tree';
import type { PlanRollup } from '../domain/rollup';
import { rollUp } from '../domain/rollup';
import { formatDate, formatNumber, formatPercent, formatPeriod } from '../domain/parsing';
import { Lang, statusLabel, voletLabel } from '../domain/vocabularies';
import { escapeAttribute, escapeHtml } from '../text/htmlEntities';
import { richTextToPlainText } from '../text/richText';
import { PUBLICATION_TEXTS, PublicationTexts } from '../strings/publication';

export interface PublicPageInput extends PlanTreeInput {
  readonly indicators?: readonly Indicator[];
  readonly checkIns?: readonly CheckIn[];
}

/** What internal information the page may carry; all off by default. */
export interface PublicPageOptions {
  readonly today: IsoDate;
  readonly lang?: Lang;
  /** The last check-in's comment and the action sheet's comments. */
  readonly comments?: boolean;
  /** The project lead's e-mail. */
  readonly emails?: boolean;
  /** The date and author of the last check-in. */
  readonly checkIns?: boolean;
}

interface Context {
  readonly l: PublicationTexts;
  readonly lang: Lang;
  readonly options: PublicPageOptions;
  readonly rollup: PlanRollup;
  readonly indicators: ReadonlyMap<number, Indicator[]>;
  readonly latest: ReadonlyMap<number, CheckIn>;
  readonly ooCodes: ReadonlyMap<number, string>;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 "Segoe UI",Arial,Helvetica,sans-serif;color:#1b1b1b;background:#fff}
a{color:#0b4f8a}
a:focus,summary:focus{outline:3px solid #0b4f8a;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}
.skip:focus{left:.5em}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:4px solid #0b4f8a;padding-top:1.5rem;padding-bottom:1rem}
h1{font-size:1.9rem;margin:0 0 .25rem}
h2{font-size:1.45rem;margin:2rem 0 .5rem;border-bottom:1px solid #8a8a8a;padding-bottom:.25rem}
h3{font-size:1.2rem;margin:1.5rem 0 .4rem}
h4{font-size:1.05rem;margin:0 0 .3rem}
.meta{margin:0;color:#3d3d3d}
.code{font-weight:600;color:#3d3d3d}
.bar{display:block;height:.6rem;background:#e6e6e6;border-radius:.3rem;overflow:hidden;max-width:20rem;margin:.2rem 0 .5rem;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.bar>span{display:block;height:100%;background:#0b6b3a}
.figures{display:flex;flex-wrap:wrap;gap:1rem;padding:0;list-style:none}
.figures li{border:1px solid #8a8a8a;border-radius:.3rem;padding:.5rem .8rem;min-width:9rem}
.figures strong{display:block;font-size:1.4rem}
nav ol{padding-left:1.2rem}
article{border-left:4px solid #8a8a8a;padding:.3rem 0 .3rem .8rem;margin:.8rem 0;break-inside:avoid}
article.done{border-left-color:#0b6b3a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}
dt{font-weight:600}
dd{margin:0}
.description{margin:.2rem 0 .4rem;white-space:pre-line}
.sub{margin-left:1.5rem}
footer{border-top:1px solid #8a8a8a;margin-top:2rem;padding-top:.5rem;padding-bottom:2rem;color:#3d3d3d}
@media print{
  body{font-size:10.5pt}
  .skip,nav{display:none}
  header,main,footer{max-width:none;padding:0}
  h2,h3{break-after:avoid}
  a{color:inherit;text-decoration:none}
  @page{size:A4;margin:1.5cm}
}
`.trim();

const e = escapeHtml;

function plain(text: string | null | undefined): string {
  if (!text) return '';
  return /<[a-z][\s\S]*>/i.test(text) ? richTextToPlainText(text).trim() : text.trim();
}

function progressBlock(percent: number | null, ctx: Context, actions?: number): string {
  const value = percent === null ? null : Math.max(0, Math.min(100, percent));
  const words = value === null ? ctx.l.noProgress : formatPercent(value, 0);
  const label = actions !== undefined ? ctx.l.progressOf(words, actions) : words;
  // The bar repeats the words: hidden from screen readers.
  return (
    `<p class="meta">${e(ctx.l.progress)} : ${e(label)}</p>` +
    (value === null ? '' : `<span class="bar" aria-hidden="true"><span style="width:${Math.round(value)}%"></span></span>`)
  );
}

function field(name: string, value: string): string {
  return value.trim() === '' ? '' : `<dt>${e(name)}</dt><dd>${e(value)}</dd>`;
}

/** The heading id of an action's occurrence: a transversal action (and its sub-actions) appears under each of its OO. */
function actionBlock(node: ActionNode, ctx: Context, level: number, occurrence: string = `oo${node.operationalObjectiveId ?? ''}`): string {
  const a: Action = node.action;
  const rollup = ctx.rollup.actions.get(a.id);
  const { l, options } = ctx;
  const lead = a.projectLead ? displayNameOf(a.projectLead) + (options.emails && a.projectLead.email ? ` (${a.projectLead.email})` : '') : '';
  const indicators = (ctx.indicators.get(a.id) ?? [])
    .map((i) => l.indicatorLine(i.label, formatNumber(i.current), formatNumber(i.target), i.unit ?? '', i.year !== null ? String(i.year) : ''))
    .join(' ; ');
  const latest = ctx.latest.get(a.id);
  const others = node.otherOperationalObjectiveIds.map((id) => ctx.ooCodes.get(id)).filter((c): c is string => !!c);
  const fields = [
    field(l.status, a.status ? statusLabel(a.status, ctx.lang) : a.statusText ?? l.unknownStatus),
    field(l.start, formatPeriod(a.plannedStart) || a.plannedStartText || ''),
    field(l.end, formatPeriod(a.plannedEnd) || a.plannedEndText || ''),
    field(l.service, a.department ?? ''),
    field(l.lead, lead),
    field(l.partners, a.partners.join(', ')),
    field(l.indicators, indicators || plain(a.indicatorsText)),
    field(l.sdgs, a.sdgs.join(', ')),
    field(l.labels, a.labels.join(', ')),
    others.length > 0 ? field(l.alsoUnder, others.join(', ')) : '',
    options.checkIns && latest ? field(l.lastCheckIn, `${formatDate(latest.date)}${latest.author ? ` – ${latest.author.displayName}` : ''}`) : '',
    options.comments ? field(l.comments, [latest?.comment, a.comments].map(plain).filter((t) => t).join('\n')) : '',
  ].join('');
  const heading = `h${Math.min(level, 6)}`;
  const description = plain(a.description);
  const id = `a-${a.id}-${occurrence}`;
  const subs = node.subActions.length > 0 ? `<div class="sub">${node.subActions.map((s) => actionBlock(s, ctx, level + 1, occurrence)).join('')}</div>` : '';
  return (
    `<article${a.status === 'TERMINE' ? ' class="done"' : ''} aria-labelledby="${id}">` +
    `<${heading} id="${id}">${a.code ? `<span class="code">${e(a.code)}</span> ` : ''}${e(a.title)}</${heading}>` +
    progressBlock(rollup?.progress ?? null, ctx) +
    (description ? `<p class="description">${e(description)}</p>` : '') +
    `<dl>${fields}</dl>${subs}</article>`
  );
}

function operationalBlock(node: OperationalObjectiveNode, ctx: Context): string {
  const o = node.objective;
  const stats = ctx.rollup.operationalObjectives.get(o.id) ?? null;
  return (
    `<section aria-labelledby="oo-${o.id}"><h3 id="oo-${o.id}"><span class="code">${e(o.code ? `${ctx.l.operationalObjective} ${o.code}` : ctx.l.operationalObjective)}</span> – ${e(o.title)}</h3>` +
    progressBlock(stats?.progress ?? null, ctx, stats?.total) +
    (plain(o.description) ? `<p class="description">${e(plain(o.description))}</p>` : '') +
    node.actions.map((a) => actionBlock(a, ctx, 4)).join('') +
    '</section>'
  );
}

function strategicBlock(node: StrategicObjectiveNode, ctx: Context): string {
  const o = node.objective;
  const stats = ctx.rollup.strategicObjectives.get(o.id) ?? null;
  return (
    `<section aria-labelledby="os-${o.id}"><h2 id="os-${o.id}"><span class="code">${e(o.code ? `${ctx.l.strategicObjective} ${o.code}` : ctx.l.strategicObjective)}</span> – ${e(o.title)}</h2>` +
    (o.volet ? `<p class="meta">${e(voletLabel(o.volet, ctx.lang))}</p>` : '') +
    progressBlock(stats?.progress ?? null, ctx, stats?.total) +
    (plain(o.description) ? `<p class="description">${e(plain(o.description))}</p>` : '') +
    node.operationalObjectives.map((oo) => operationalBlock(oo, ctx)).join('') +
    '</section>'
  );
}

const objectivesIn = (sections: readonly SectionNode[]): StrategicObjectiveNode[] => sections.flatMap((s) => [...s.strategicObjectives, ...objectivesIn(s.sections)]);

/** The published PST: a complete HTML document (UTF-8). */
export function publicPageHtml(input: PublicPageInput, options: PublicPageOptions): string {
  const lang = options.lang ?? 'fr';
  const l = PUBLICATION_TEXTS[lang];
  const tree = buildPlanTree(input);
  const rollup = rollUp(tree, { today: options.today });
  const indicators = new Map<number, Indicator[]>();
  for (const i of input.indicators ?? []) indicators.set(i.actionId, (indicators.get(i.actionId) ?? []).concat([i]));
  const latest = new Map<number, CheckIn>();
  for (const c of input.checkIns ?? []) {
    if (c.date > options.today) continue;
    const known = latest.get(c.actionId);
    if (!known || c.date > known.date || (c.date === known.date && c.id > known.id)) latest.set(c.actionId, c);
  }
  const ooCodes = new Map(input.operationalObjectives.map((o) => [o.id, o.code ?? o.title] as [number, string]));
  const ctx: Context = { l, lang, options, rollup, indicators, latest, ooCodes };
  const objectives = tree.volets.flatMap((v) => [...v.strategicObjectives, ...objectivesIn(v.sections)]);
  const plan = input.plan;
  const stats = rollup.plan;
  const inProgress = stats.byStatus.EN_COURS + stats.byStatus.EN_ATTENTE + stats.byStatus.PROBLEME;
  const title = plan.organisation ? `${plan.title} – ${plan.organisation}` : plan.title;
  const figures = [
    [l.actions, stats.total - stats.cancelled],
    [l.done, stats.done],
    [l.inProgress, inProgress],
    [l.notStarted, stats.byStatus.NON_COMMENCE],
  ] as const;
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${lang === 'fr' ? 'fr-BE' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(title)}</title><meta name="description" content="${escapeAttribute(title)}"><style>${CSS}</style></head><body>` +
    `<a class="skip" href="#contenu">${e(l.skipToContent)}</a>` +
    `<header><h1>${e(plan.title)}</h1>` +
    (plan.organisation ? `<p class="meta">${e(plan.organisation)}</p>` : '') +
    (plan.startYear !== null ? `<p class="meta">${e(l.period)} : ${plan.startYear}–${plan.endYear ?? plan.startYear}</p>` : '') +
    `<p class="meta">${e(l.dataOf)} <time datetime="${options.today}">${formatDate(options.today)}</time></p></header>` +
    `<main id="contenu"><section aria-labelledby="resume"><h2 id="resume">${e(l.summary)}</h2>` +
    `<p>${e(l.overallProgress)} : ${e(stats.progress === null ? l.noProgress : formatPercent(stats.progress, 0))}</p>` +
    (stats.progress === null ? '' : `<span class="bar" aria-hidden="true"><span style="width:${Math.round(stats.progress)}%"></span></span>`) +
    `<ul class="figures">${figures.map(([name, value]) => `<li><strong>${formatNumber(value)}</strong>${e(name)}</li>`).join('')}</ul></section>` +
    `<nav aria-labelledby="sommaire"><h2 id="sommaire">${e(l.contents)}</h2><ol>${objectives
      .map((os) => `<li><a href="#os-${os.objective.id}">${e(os.objective.code ? `${os.objective.code} – ${os.objective.title}` : os.objective.title)}</a></li>`)
      .join('')}</ol></nav>` +
    objectives.map((os) => strategicBlock(os, ctx)).join('') +
    `</main><footer><p>${e(l.published(formatDate(options.today)))}</p></footer></body></html>\n`
  );
}
