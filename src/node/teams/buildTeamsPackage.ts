/**
 * `npm run teams:package`: writes the Teams app (manifest.json, en-us.json, icons) zipped as
 * `teams/TeamsSPFxApp.zip`, the name under which `package-solution` puts a
 * developer-provided Teams app into the .sppkg (used by "Sync to Teams").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CpasUrls, teamsLocalizationEn, teamsManifest, WebPartManifestInfo } from './teamsManifest';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const TEAMS_FOLDER = path.join(REPO_ROOT, 'teams');

/** The IT officer's settings of the CPAS installing the app (README, « Teams »); not in git. */
export const TEAMS_CONFIG_FILE = path.join(REPO_ROOT, 'config', 'teams-app.json');

export class TeamsConfigError extends Error {
  constructor(problem: string) {
    super(
      `Application Teams non construite : ${problem}. Indiquez les adresses du CPAS dans config/teams-app.json ` +
        `({ "siteUrl": "https://<cpas>.sharepoint.com/sites/<pst>", "websiteUrl": "https://www.<cpas>.be", "privacyUrl": "https://www.<cpas>.be/vie-privee" }) ` +
        `ou par PST_SITE_URL, PST_WEBSITE_URL, PST_PRIVACY_URL (PST_TERMS_URL facultatif). ` +
        `(Teams app not built: ${problem}; set the CPAS's URLs in config/teams-app.json or PST_SITE_URL, PST_WEBSITE_URL, PST_PRIVACY_URL.)`,
    );
    this.name = 'TeamsConfigError';
  }
}

/**
 * The CPAS's URLs: `siteUrl` (the PST site, where « Mes actions » opens), its public website
 * and privacy page (Teams shows them in the app's details), from config/teams-app.json, each
 * overridden by its environment variable. Throws TeamsConfigError when one is missing or not https.
 */
export function readCpasUrls(env: NodeJS.ProcessEnv = process.env, file: string = TEAMS_CONFIG_FILE): CpasUrls {
  let fromFile: Partial<Record<keyof CpasUrls, unknown>> = {};
  if (fs.existsSync(file)) {
    try {
      fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new TeamsConfigError(`${path.relative(REPO_ROOT, file)} n'est pas du JSON valide (${(error as Error).message})`);
    }
  }
  const pick = (key: keyof CpasUrls, variable: string): string | undefined => {
    const value = env[variable] || fromFile[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\/+$/, '') : undefined;
  };
  const siteUrl = pick('siteUrl', 'PST_SITE_URL');
  const websiteUrl = pick('websiteUrl', 'PST_WEBSITE_URL');
  const privacyUrl = pick('privacyUrl', 'PST_PRIVACY_URL');
  const termsOfUseUrl = pick('termsOfUseUrl', 'PST_TERMS_URL') ?? privacyUrl;
  const missing = Object.entries({ siteUrl, websiteUrl, privacyUrl }).filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) throw new TeamsConfigError(`adresse(s) manquante(s) : ${missing.join(', ')}`);
  for (const [key, value] of Object.entries({ siteUrl, websiteUrl, privacyUrl, termsOfUseUrl })) {
    let url: URL;
    try {
      url = new URL(value!);
    } catch {
      throw new TeamsConfigError(`${key} n'est pas une adresse : ${value}`);
    }
    if (url.protocol !== 'https:') throw new TeamsConfigError(`${key} doit commencer par https:// (Teams le demande) : ${value}`);
  }
  const site = new URL(siteUrl!);
  if (!/^\/(sites|teams)\/[^/]+/.test(site.pathname)) throw new TeamsConfigError(`siteUrl doit être l'adresse du site du PST (https://<cpas>.sharepoint.com/sites/<pst>) : ${siteUrl}`);
  return { siteUrl: `${site.origin}${site.pathname.replace(/\/+$/, '')}`, websiteUrl: websiteUrl!, privacyUrl: privacyUrl!, termsOfUseUrl: termsOfUseUrl! };
}

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

export function buildTeamsApp(cpas: CpasUrls = readCpasUrls()): Record<string, Uint8Array> {
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
      siteUrl: cpas.siteUrl,
      websiteUrl: cpas.websiteUrl,
      privacyUrl: cpas.privacyUrl,
      termsOfUseUrl: cpas.termsOfUseUrl,
    },
    dashboard,
    cards,
  );
  return {
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'en-us.json': strToU8(JSON.stringify(teamsLocalizationEn(dashboard, cards), null, 2)),
    // Drawn from icons/*.svg by drawIcons.ts.
    'color.png': new Uint8Array(fs.readFileSync(path.join(__dirname, 'icons', 'color.png'))),
    'outline.png': new Uint8Array(fs.readFileSync(path.join(__dirname, 'icons', 'outline.png'))),
  };
}

/** Writes `folder`/TeamsSPFxApp.zip (teams/ by default, which package-solution puts in the .sppkg); returns its path. */
export function writeTeamsPackage(cpas: CpasUrls = readCpasUrls(), folder: string = TEAMS_FOLDER): string {
  fs.mkdirSync(folder, { recursive: true });
  const zip = path.join(folder, 'TeamsSPFxApp.zip');
  fs.writeFileSync(zip, zipSync(buildTeamsApp(cpas)));
  return zip;
}

if (require.main === module) {
  // `--out DIR`: another folder than teams/ (tests).
  const outAt = process.argv.indexOf('--out');
  const folder = outAt > 0 ? path.resolve(process.argv[outAt + 1]) : TEAMS_FOLDER;
  try {
    const cpas = readCpasUrls();
    // Only the zip goes into teams/: package-solution copies that folder into the .sppkg. The loose files, to read, go to temp/teams/.
    const loose = path.join(REPO_ROOT, 'temp', 'teams');
    fs.mkdirSync(loose, { recursive: true });
    for (const [name, data] of Object.entries(buildTeamsApp(cpas))) fs.writeFileSync(path.join(loose, name), data);
    const zip = writeTeamsPackage(cpas, folder);
    console.log(`Application Teams écrite : ${path.relative(REPO_ROOT, zip)}`);
  } catch (error) {
    if (!(error instanceof TeamsConfigError)) throw error;
    // No app of another CPAS may ship: a stale zip goes too.
    fs.rmSync(path.join(folder, 'TeamsSPFxApp.zip'), { force: true });
    console.error(error.message);
    // In `npm run build` (--if-configured), a development build goes on without the Teams app; said loudly.
    if (process.argv.includes('--if-configured')) console.error('Le .sppkg sera construit SANS application Teams. (The .sppkg is built WITHOUT the Teams app.)');
    else process.exitCode = 1;
  }
}
