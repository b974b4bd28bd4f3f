/**
 * `npm run provision -- --site <url> [--device-code]`: creates or upgrades the PST lists
 * on a site, for administrators (the web parts offer the same to site owners).
 */
import { parseArgs } from 'node:util';
import { provisionPst } from '../../data/provisioning';
import { createNodeSp, webServerRelativeUrlOf } from '../sp/nodeSp';
import { sharePointTokenProvider } from '../sp/credentials';
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
  const report = await provisionPst(sp, webServerRelativeUrlOf(values.site));
  const permissionChanges = report.permissionChanges ?? [];
  const total = report.changes.length + permissionChanges.length;
  if (total === 0) {
    console.log(`Les listes et les groupes du PST sont à jour sur ${values.site} : rien à modifier.`);
  } else {
    for (const change of report.changes) console.log(`- ${describeChange(change)}`);
    for (const change of permissionChanges) console.log(`- ${change}`);
    console.log(`${total} modification(s) appliquée(s) sur ${values.site}.`);
  }
}

main().catch((error: unknown) => {
  console.error(`Échec de la création des listes : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
