import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv';
import { buildTeamsApp } from '../../../src/node/teams/buildTeamsPackage';
import { personalTabDeepLink, TEAMS_MANIFEST_VERSION } from '../../../src/node/teams/teamsManifest';
import { PST_ACTIVITY_TYPE } from '../../../src/mail/teamsActivity';

const schemaFolder = path.resolve(__dirname, `../../../node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}`);
const files = buildTeamsApp();
const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));

/** Schema errors, as "path message" lines (empty when valid). */
function validate(document: unknown, schemaFile: string): string[] {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaFolder, schemaFile), 'utf8'));
  delete schema.$schema;
  const check = new Ajv({ allErrors: true, schemaId: 'auto', unknownFormats: 'ignore' }).compile(schema);
  return check(document) ? [] : (check.errors ?? []).map((e) => `${e.dataPath} ${e.message} ${JSON.stringify(e.params)}`);
}

function pngSize(png: Uint8Array): { width: number; height: number; transparentCorner: boolean } {
  const buffer = Buffer.from(png);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const idatLength = buffer.readUInt32BE(33);
  const pixels = inflateSync(buffer.subarray(41, 41 + idatLength));
  return { width, height, transparentCorner: pixels[4] === 0 };
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

  it('ships a 192×192 colour icon and a 32×32 transparent outline icon', () => {
    expect(pngSize(files['color.png'])).toEqual({ width: 192, height: 192, transparentCorner: false });
    expect(pngSize(files['outline.png'])).toEqual({ width: 32, height: 32, transparentCorner: true });
  });
});

describe('the Teams app package for activity-feed notifications', () => {
  const JOB_APP = '5f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
  const withFeed = (): { webApplicationInfo: { id: string }; activities: { activityTypes: { type: string; templateText: string }[] } } => {
    process.env.PST_ACTIVITY_APP_ID = JOB_APP;
    try {
      return JSON.parse(Buffer.from(buildTeamsApp()['manifest.json']).toString('utf8'));
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
