/**
 * The render benchmark's baseline: the same snapshot, loaded by the same repository in the
 * same browser, shown as a plain virtualised list (one row per OS, OO and action, fixed
 * height, only the rows in view in the DOM). What a render that does not thrash costs.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import { createPstServices } from '../../../src/components/host/createPstServices';
import type { PstSnapshot } from '../../../src/domain/snapshot';

const ROW_HEIGHT = 32;
const VIEW_HEIGHT = 900;

interface Row {
  readonly key: string;
  readonly level: number;
  readonly text: string;
}

function rowsOf(snapshot: PstSnapshot): Row[] {
  const rows: Row[] = [];
  const actionsByOo = new Map<number, typeof snapshot.actions[number][]>();
  for (const action of snapshot.actions) {
    const first = action.operationalObjectiveIds[0];
    if (first !== undefined) actionsByOo.set(first, (actionsByOo.get(first) ?? []).concat(action));
  }
  for (const os of snapshot.strategicObjectives) {
    rows.push({ key: `os-${os.id}`, level: 1, text: `${os.code ?? ''} ${os.title}` });
    for (const oo of snapshot.operationalObjectives.filter((o) => o.strategicObjectiveId === os.id)) {
      rows.push({ key: `oo-${oo.id}`, level: 2, text: `${oo.code ?? ''} ${oo.title}` });
      for (const action of actionsByOo.get(oo.id) ?? []) rows.push({ key: `action-${action.id}`, level: 3, text: `${action.code ?? ''} ${action.title} – ${action.progressPercent ?? 0} %` });
    }
  }
  return rows;
}

function PlainList({ rows }: { rows: readonly Row[] }): JSX.Element {
  const [top, setTop] = React.useState(0);
  const first = Math.floor(top / ROW_HEIGHT);
  const shown = rows.slice(first, first + Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 1);
  return (
    <div style={{ height: VIEW_HEIGHT, overflowY: 'auto' }} onScroll={(event) => setTop(event.currentTarget.scrollTop)}>
      <ul style={{ position: 'relative', height: rows.length * ROW_HEIGHT, margin: 0, padding: 0, listStyle: 'none' }}>
        {shown.map((row, index) => (
          <li key={row.key} data-baseline-row="" style={{ position: 'absolute', top: (first + index) * ROW_HEIGHT, height: ROW_HEIGHT, paddingLeft: row.level * 16 }}>
            {row.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Baseline(): JSX.Element {
  const [rows, setRows] = React.useState<Row[] | null>(null);
  React.useEffect(() => {
    const { repository } = createPstServices({
      sp: spfi(`${window.location.origin}/sites/pst`).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse()),
      webServerRelativeUrl: '/sites/pst',
      graphClient: () => Promise.reject(new Error('no mail in the baseline')),
      organisation: '',
      lang: 'fr',
      pageUrl: window.location.href,
    });
    repository.loadSnapshot().then((snapshot) => setRows(rowsOf(snapshot)), (error: unknown) => {
      document.body.textContent = String(error);
    });
  }, []);
  return rows ? <PlainList rows={rows} /> : <p>Chargement…</p>;
}

ReactDom.render(<Baseline />, document.getElementById('root'));
