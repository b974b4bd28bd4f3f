import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { inflateSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import Ajv from 'ajv';
import { unzipSync } from 'fflate';
import { buildTeamsApp, readCpasUrls, TeamsConfigError, writeTeamsPackage } from '../../../src/node/teams/buildTeamsPackage';
import type { CpasUrls } from '../../../src/node/teams/teamsManifest';
import { personalTabDeepLink, TEAMS_MANIFEST_VERSION } from '../../../src/node/teams/teamsManifest';
import { PST_ACTIVITY_TYPE } from '../../../src/mail/teamsActivity';

const schemaFolder = path.resolve(__dirname, `../../../node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}`);
/** What the IT officer of a CPAS sets (config/teams-app.json or PST_* variables). */
const CPAS: CpasUrls = {
  siteUrl: 'https://cpasbinche.sharepoint.com/sites/pst',
  websiteUrl: 'https://www.cpas-binche.be',
  privacyUrl: 'https://www.cpas-binche.be/vie-privee',
  termsOfUseUrl: 'https://www.cpas-binche.be/vie-privee',
};
// The package as it ships: written to disk, read back from the zip.
const zipPath = writeTeamsPackage(CPAS, fs.mkdtempSync(path.join(os.tmpdir(), 'pst-teams-')));
const files = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));

/** Schema errors, as "path message" lines (empty when valid). */
function validate(document: unknown, schemaFile: string): string[] {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaFolder, schemaFile), 'utf8'));
  delete schema.$schema;
  const check = new Ajv({ allErrors: true, schemaId: 'auto', unknownFormats: 'ignore' }).compile(schema);
  return check(document) ? [] : (check.errors ?? []).map((e) => `${e.dataPath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** A PNG read back: size, colour type and its pixels as RGBA (8-bit RGB or RGBA, every row filter). */
function readPng(png: Uint8Array): { width: number; height: number; colorType: number; pixel(x: number, y: number): [number, number, number, number] } {
  const buffer = Buffer.from(png);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let width = 0, height = 0, colorType = -1;
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('ascii', at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height, colorType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  expect([2, 6]).toContain(colorType);
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const up = rows[y - 1];
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0, b = up ? up[i] : 0, c = up && i >= bpp ? up[i - bpp] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      line[i] = (line[i] + predictor) & 0xff;
    }
    rows.push(line);
  }
  return { width, height, colorType, pixel: (x, y) => [...rows[y].subarray(x * bpp, x * bpp + 3), bpp === 4 ? rows[y][x * 4 + 3] : 255] as [number, number, number, number] };
}

function everyPixel(png: ReturnType<typeof readPng>): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) out.push(png.pixel(x, y));
  return out;
}

describe('the Teams app package', () => {
  it('validates against the Teams manifest schema', () => {
    expect(validate(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
  });

  it('is refused by the schema when broken (the validation is real)', () => {
    expect(validate({ ...manifest, accentColor: 'violet', staticTabs: [{ name: 'x' }] }, 'MicrosoftTeams.schema.json').length).toBeGreaterThan(0);
  });

  it('validates the English localization file', () => {
    const localization = JSON.parse(Buffer.from(files['en-us.json']).toString('utf8'));
    expect(validate(localization, 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
  });

  it('offers the dashboard as a configurable channel tab and the cards as the personal "Mes actions" app', () => {
    const dashboardId = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../src/webparts/pstDashboard/PstDashboardWebPart.manifest.json'), 'utf8')).id;
    const cardsId = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../src/webparts/projectCards/ProjectCardsWebPart.manifest.json'), 'utf8')).id;
    expect(manifest.configurableTabs[0].configurationUrl).toContain(`componentId=${dashboardId}`);
    expect(manifest.configurableTabs[0].scopes).toEqual(['team']);
    expect(manifest.staticTabs[0].contentUrl).toContain(`componentId=${cardsId}`);
    expect(manifest.staticTabs[0].name).toBe('Mes actions');
    expect(manifest.webApplicationInfo.id).toBe('00000003-0000-0ff1-ce00-000000000000');
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon, white on transparent as Teams requires', () => {
    const color = readPng(files['color.png']);
    expect([color.width, color.height]).toEqual([192, 192]);
    // Full colour, opaque (Teams shows it on its own background), and drawn: the accent colour and white.
    const colorPixels = everyPixel(color);
    expect(colorPixels.every(([, , , a]) => a === 255)).toBe(true);
    expect(color.pixel(2, 2)).toEqual([0x5b, 0x5f, 0xc7, 255]);
    expect(colorPixels.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    const outline = readPng(files['outline.png']);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = everyPixel(outline);
    // Only white (any opacity) or fully transparent: Teams recolours the outline icon.
    expect(pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(outline.pixel(0, 0)[3]).toBe(0);
    const drawn = pixels.filter(([, , , a]) => a > 0).length;
    expect(drawn).toBeGreaterThan(32);
    expect(drawn).toBeLessThan(32 * 32 * 0.8);
  });

  it('opens « Mes actions » on the CPAS’s own PST site and names its website and privacy page', () => {
    const personal = manifest.staticTabs[0].contentUrl as string;
    expect(personal.startsWith('https://cpasbinche.sharepoint.com/sites/pst/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/sites/pst/_layouts/15/teamshostedapp.aspx')).toBe(true);
    expect(personal).not.toContain('{teamSiteDomain}');
    // A channel tab lives in its team's own site: Teams fills these in.
    expect(manifest.configurableTabs[0].configurationUrl).toMatch(/^https:\/\/\{teamSiteDomain\}\{teamSitePath\}\/_layouts\/15\/TeamsLogon\.aspx/);
    expect(manifest.developer).toEqual({ name: expect.any(String), websiteUrl: CPAS.websiteUrl, privacyUrl: CPAS.privacyUrl, termsOfUseUrl: CPAS.termsOfUseUrl });
    expect(manifest.validDomains).toContain('cpasbinche.sharepoint.com');
    expect(manifest.webApplicationInfo.resource).toBe('https://cpasbinche.sharepoint.com');
    expect(JSON.stringify(manifest)).not.toMatch(/microsoft\.com\/fr-be|www\.sharepoint\.com/);
  });
});

describe('the Teams app package for activity-feed notifications', () => {
  const JOB_APP = '5f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
  const withFeed = (): { webApplicationInfo: { id: string }; activities: { activityTypes: { type: string; templateText: string }[] } } => {
    process.env.PST_ACTIVITY_APP_ID = JOB_APP;
    try {
      return JSON.parse(Buffer.from(buildTeamsApp(CPAS)['manifest.json']).toString('utf8'));
    } finally {
      delete process.env.PST_ACTIVITY_APP_ID;
    }
  };

  it('names the job’s Entra app and declares the activity type the job sends, and still validates', () => {
    const manifest = withFeed();
    expect(manifest.webApplicationInfo.id).toBe(JOB_APP);
    expect(manifest.activities.activityTypes.map((a) => a.type)).toEqual([PST_ACTIVITY_TYPE]);
    expect(manifest.activities.activityTypes[0].templateText).toContain('{count}');
    expect(validate(manifest, 'MicrosoftTeams.schema.json')).toEqual([]);
  });

  it('deep links of the notifications open the personal tab the manifest declares', () => {
    expect(personalTabDeepLink('abc')).toBe(`https://teams.microsoft.com/l/entity/abc/${manifest.staticTabs[0].entityId}`);
  });
});

describe('the CPAS’s URLs the IT officer sets', () => {
  const none = path.join(os.tmpdir(), 'pst-no-such-teams-app.json');

  it('are read from the config file, each overridden by its variable', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pst-teams-config-')), 'teams-app.json');
    fs.writeFileSync(file, JSON.stringify({ siteUrl: 'https://cpasmons.sharepoint.com/sites/pst/', websiteUrl: 'https://www.cpasmons.be', privacyUrl: 'https://www.cpasmons.be/rgpd' }));
    expect(readCpasUrls({}, file)).toEqual({ siteUrl: 'https://cpasmons.sharepoint.com/sites/pst', websiteUrl: 'https://www.cpasmons.be', privacyUrl: 'https://www.cpasmons.be/rgpd', termsOfUseUrl: 'https://www.cpasmons.be/rgpd' });
    expect(readCpasUrls({ PST_SITE_URL: 'https://cpasmons.sharepoint.com/sites/plan' }, file).siteUrl).toBe('https://cpasmons.sharepoint.com/sites/plan');
  });

  it('refuse with a French message naming what is missing or wrong', () => {
    expect(() => readCpasUrls({}, none)).toThrow(TeamsConfigError);
    expect(() => readCpasUrls({}, none)).toThrow(/adresse\(s\) manquante\(s\) : siteUrl, websiteUrl, privacyUrl.*config\/teams-app\.json/);
    const urls = { PST_WEBSITE_URL: 'https://www.cpas.be', PST_PRIVACY_URL: 'https://www.cpas.be/rgpd' };
    expect(() => readCpasUrls({ ...urls, PST_SITE_URL: 'http://cpas.sharepoint.com/sites/pst' }, none)).toThrow(/siteUrl doit commencer par https:\/\//);
    expect(() => readCpasUrls({ ...urls, PST_SITE_URL: 'https://cpas.sharepoint.com/' }, none)).toThrow(/siteUrl doit être l'adresse du site du PST/);
  });

  it('npm run teams:package fails without them, and the build goes on without a Teams app of another CPAS', () => {
    const script = path.resolve(__dirname, '../../../src/node/teams/buildTeamsPackage.ts');
    const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
    const env = { ...process.env, PST_SITE_URL: '', PST_WEBSITE_URL: '', PST_PRIVACY_URL: '' };
    if (fs.existsSync(path.resolve(__dirname, '../../../config/teams-app.json'))) return; // a configured checkout: nothing to refuse
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-teams-cli-'));
    fs.writeFileSync(path.join(out, 'TeamsSPFxApp.zip'), 'an app of another CPAS');
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(tsx, [script, '--out', out], { env, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain('Application Teams non construite');
    expect(fs.existsSync(path.join(out, 'TeamsSPFxApp.zip'))).toBe(false);
    // `npm run build` passes --if-configured: exit 0, nothing written.
    execFileSync(tsx, [script, '--if-configured', '--out', out], { env, stdio: 'ignore' });
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
