/**
 * The themes a PST web part can be shown in. In SharePoint the site's theme comes from
 * SPFx; in Teams, one of Teams' three themes. These palettes follow Teams' colours
 * (brand #6264A7) so that the tab looks native in each of them.
 */
import { createTheme, ITheme } from '@fluentui/react';

export type HostTheme = 'sharepoint' | 'teamsDefault' | 'teamsDark' | 'teamsContrast';

export const HOST_THEMES: readonly HostTheme[] = ['sharepoint', 'teamsDefault', 'teamsDark', 'teamsContrast'];

const sharePoint = createTheme({});

const teamsDefault = createTheme({
  palette: {
    themePrimary: '#6264a7',
    themeLighterAlt: '#f7f7fb',
    themeLighter: '#e1e1f1',
    themeLight: '#c8c9e4',
    themeTertiary: '#989ac9',
    themeSecondary: '#7173b0',
    themeDarkAlt: '#585a95',
    themeDark: '#4a4c7e',
    themeDarker: '#37385d',
    neutralLighterAlt: '#f5f5f5',
    white: '#ffffff',
  },
});

const teamsDark = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#a6a7dc',
    themeLighterAlt: '#07070a',
    themeLighter: '#1b1b24',
    themeLight: '#323246',
    themeTertiary: '#64648c',
    themeSecondary: '#9293cd',
    themeDarkAlt: '#b0b1e0',
    themeDark: '#bebfe6',
    themeDarker: '#d1d2ee',
    neutralLighterAlt: '#282828',
    neutralLighter: '#313131',
    neutralLight: '#3f3f3f',
    neutralQuaternaryAlt: '#484848',
    neutralQuaternary: '#4f4f4f',
    neutralTertiaryAlt: '#6d6d6d',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f',
  },
});

const teamsContrast = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeLighterAlt: '#0a0a00',
    themeLighter: '#292900',
    themeLight: '#4d4d00',
    themeTertiary: '#999900',
    themeSecondary: '#e0e000',
    themeDarkAlt: '#ffff19',
    themeDark: '#ffff3d',
    themeDarker: '#ffff70',
    neutralLighterAlt: '#0b0b0b',
    neutralLighter: '#151515',
    neutralLight: '#252525',
    neutralQuaternaryAlt: '#2f2f2f',
    neutralQuaternary: '#373737',
    neutralTertiaryAlt: '#595959',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000',
  },
});

export const THEMES: Record<HostTheme, ITheme> = { sharepoint: sharePoint, teamsDefault, teamsDark, teamsContrast };

/** Teams' theme names, as `app.getContext()` / the SPFx Teams context report them. */
export function hostThemeFromTeams(teamsTheme: string | undefined): HostTheme {
  if (teamsTheme === 'dark') return 'teamsDark';
  if (teamsTheme === 'contrast') return 'teamsContrast';
  return 'teamsDefault';
}
