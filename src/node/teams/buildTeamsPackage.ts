/**
 * `npm run teams:package`: writes the Teams app (manifest.json, en-us.json, icons) zipped as
 * `teams/TeamsSPFxApp.zip`, the name under which `package-solution` puts a
 * developer-provided Teams app into the .sppkg (used by "Sync to Teams").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { colorIcon, outlineIcon } from './png';
import { teamsLocalizationEn, teamsManifest, WebPartManifestInfo } from './teamsManifest';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const TEAMS_FOLDER = path.join(REPO_ROOT, 'teams');

/** A different id than the SPFx solution's, as Teams requires for a developer-provided app. */
const TEAMS_APP_ID = '0c6f8a57-2a0e-4b0f-9f6e-5b1e3c7d2a41';

export function readWebPartManifest(folder: string, alias: string): WebPartManifestInfo {
  const file = path.join(REPO_ROOT, 'src', 'webparts', folder, `${alias}.manifest.json`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entry = json.preconfiguredEntries[0];
  return {
    id: json.id,
    alias: json.alias,
    title: { fr: entry.title['fr-fr'] ?? entry.title.default, en: entry.title['en-us'] ?? entry.title.default },
    description: { fr: entry.description['fr-fr'] ?? entry.description.default, en: entry.description['en-us'] ?? entry.description.default },
  };
}

export function buildTeamsApp(): Record<string, Uint8Array> {
  const solution = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'config', 'package-solution.json'), 'utf8')).solution;
  const dashboard = readWebPartManifest('pstDashboard', 'PstDashboardWebPart');
  const cards = readWebPartManifest('projectCards', 'ProjectCardsWebPart');
  const version = String(solution.version).split('.').slice(0, 3).join('.');
  const manifest = teamsManifest(
    {
      appId: TEAMS_APP_ID,
      // The reminder job's Entra app, for Teams activity-feed notifications (README).
      activityFeedAppId: process.env.PST_ACTIVITY_APP_ID || undefined,
      version,
      developerName: solution.developer.name,
      websiteUrl: solution.developer.websiteUrl || 'https://www.sharepoint.com',
      privacyUrl: solution.developer.privacyUrl || 'https://privacy.microsoft.com/fr-be/privacystatement',
      termsOfUseUrl: solution.developer.termsOfUseUrl || 'https://www.microsoft.com/fr-be/servicesagreement',
    },
    dashboard,
    cards,
  );
  return {
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'en-us.json': strToU8(JSON.stringify(teamsLocalizationEn(dashboard, cards), null, 2)),
    'color.png': colorIcon(),
    'outline.png': outlineIcon(),
  };
}

if (require.main === module) {
  const files = buildTeamsApp();
  // Only the zip goes into teams/: package-solution copies that folder into the .sppkg.
  // The loose files, to read, go to temp/teams/.
  const loose = path.join(REPO_ROOT, 'temp', 'teams');
  fs.mkdirSync(loose, { recursive: true });
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(loose, name), data);
  fs.mkdirSync(TEAMS_FOLDER, { recursive: true });
  fs.writeFileSync(path.join(TEAMS_FOLDER, 'TeamsSPFxApp.zip'), zipSync(files));
  console.log(`Application Teams écrite : ${path.relative(REPO_ROOT, path.join(TEAMS_FOLDER, 'TeamsSPFxApp.zip'))}`);
}
