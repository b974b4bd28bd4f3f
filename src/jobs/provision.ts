/**
 * `npm run provision -- --site <url> [--device-code]`: creates or upgrades the PST lists
 * on a site, for administrators (the web parts offer the same to site owners).
 */
import { parseArgs } from 'node:util';
import { ensurePstLists } from '../data/provisioning';
import { createNodeSp, webServerRelativeUrlOf } from '../node/nodeSp';
import { sharePointTokenProvider } from '../node/credentials';
import { describeChange } from './describeChange';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { site: { type: 'string' }, 'device-code': { type: 'boolean', default: false } },
  });
  if (!values.site) {
    console.error('Indiquez le site : npm run provision -- --site https://<tenant>.sharepoint.com/sites/<site>');
    process.exitCode = 2;
    return;
  }
  const sp = createNodeSp(values.site, sharePointTokenProvider(values.site, { deviceCode: values['device-code'] }));
  const report = await ensurePstLists(sp, webServerRelativeUrlOf(values.site));
  if (report.changes.length === 0) {
    console.log(`Les listes du PST sont à jour sur ${values.site} : rien à modifier.`);
  } else {
    for (const change of report.changes) console.log(`- ${describeChange(change)}`);
    console.log(`${report.changes.length} modification(s) appliquée(s) sur ${values.site}.`);
  }
}

main().catch((error: unknown) => {
  console.error(`Échec de la création des listes : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
