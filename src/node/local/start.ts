/**
 * `npm start`: the local intranet (see intranet.ts). The data lives in `data/pst.sqlite`
 * (ignored by git); on first start the sample PST is loaded. `npm start -- --reset`
 * starts again from the sample; `--port` changes the port (default 4321). It prints the
 * local sign-in link (localSession.ts): nothing answers without its key.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalIntranet } from './intranet';

const REPO_ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4321' },
      data: { type: 'string', default: path.join(REPO_ROOT, 'data', 'pst.sqlite') },
      reset: { type: 'boolean', default: false },
    },
  });
  const dataFile = values.data!;
  if (values.reset) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dataFile + suffix, { force: true });
  if (!fs.existsSync(dataFile)) console.log(`Premier démarrage : chargement du PST d'exemple dans ${path.relative(REPO_ROOT, dataFile)}…`);
  const intranet = await startLocalIntranet({ dataFile, port: Number(values.port) });
  if (intranet.seeded) console.log(`PST d'exemple chargé : ${intranet.seeded.actions} actions, ${intranet.seeded.checkIns} suivis.`);
  console.log(`\nIntranet local du PST : ${intranet.url}/`);
  console.log(`Poste de travail SPFx (build de livraison, npm run build) : ${intranet.workbenchUrl}?webparts=tree,cards,dashboard`);
  console.log(`Connexion (ouvrez ce lien une fois ; la clé change à chaque démarrage) : ${intranet.session.signInUrl(intranet.url)}`);
  console.log(`Clé aussi dans ${path.relative(process.cwd(), intranet.session.file) || intranet.session.file} (lisible par vous seul), pour les scripts et les tests.\n`);

  const stop = async (): Promise<void> => {
    await intranet.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Le démarrage a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
