/**
 * The three PST web parts differ only by the view they show: this base turns the SPFx
 * context into services (built once, with the same `createPstServices` as the local page)
 * and props (theme, host, language), and renders the shared React app. No logic here.
 * SharePoint calls `render()` again on every theme change and property edit: the services
 * must survive it, or the plan reloads and an open form loses what was typed.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IPropertyPaneConfiguration, PropertyPaneDropdown, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import { ThemeChangedEventArgs, ThemeProvider as SpThemeProvider } from '@microsoft/sp-component-base';
import { createTheme, ITheme } from '@fluentui/react';
import { spfi } from '@pnp/sp';
import * as strings from 'PstStrings';
import { PstApp, PstView } from '../../components/shell/PstApp';
import { DASHBOARD_WIDGETS } from '../../components/dashboard/dashboardWidgets';
import { THEMES, hostThemeFromTeams } from '../../components/ui/themes';
import { createPstServices, PstServices } from '../../components/host/createPstServices';
import { nodeIdFromHash, TeamsTabEntity } from '../../domain/links/nodeLinks';
import { isoDateOfLocalDay } from '../../domain/model';
import { SPHttpClientFetch } from './spHttpClientFetch';
import type { Lang } from '../../domain/vocabularies';

export interface IPstWebPartProps {
  /** Absolute URL of the site holding the PST lists; empty means the current site. */
  siteUrl: string;
  /** Default filters, in the query form of deep links (`pst-statut=EN_COURS&pst-mes=1`). */
  defaultFilter: string;
  /** Dashboard widgets, cards grouping: view-specific options. */
  showFilterBar: boolean;
  cardsGroupBy: string;
  /** Dashboard blocks switched off in the property pane (`widget_late: false`…). */
  [widgetToggle: `widget_${string}`]: boolean | undefined;
}

const WIDGET_LABELS: Record<string, () => string> = {
  figures: () => strings.KeyFigures,
  objectives: () => strings.ProgressPerOs,
  statuses: () => strings.StatusDistribution,
  late: () => strings.LateActions,
  services: () => strings.ByService,
  quarters: () => strings.PlannedEndsPerQuarter,
  trend: () => strings.TrendTitle,
  means: () => strings.DashMeansTitle,
};

export abstract class PstWebPartBase extends BaseClientSideWebPart<IPstWebPartProps> {
  protected abstract readonly view: PstView;
  private theme: ITheme | undefined;
  private teamsTheme: string | undefined;
  private subEntityId: string | undefined;
  private teamsEntity: TeamsTabEntity | undefined;
  private services: PstServices | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      // In Teams: Teams' theme, followed live, and the deep link's sub-entity (an action or node).
      const context = await teams.teamsJs.app.getContext();
      this.teamsTheme = context.app.theme;
      this.subEntityId = context.page.subPageId || undefined;
      this.teamsEntity = context.app.appId ? { appId: String(context.app.appId), entityId: context.page.id, channelId: context.channel?.id } : undefined;
      teams.teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
        this.teamsTheme = theme;
        this.render();
      });
    } else {
      const themeProvider = this.context.serviceScope.consume(SpThemeProvider.serviceKey);
      const siteTheme = themeProvider.tryGetTheme();
      this.theme = siteTheme ? createTheme({ palette: siteTheme.palette, semanticColors: siteTheme.semanticColors, isInverted: siteTheme.isInverted }) : undefined;
      themeProvider.themeChangedEvent.add(this, (args: ThemeChangedEventArgs) => {
        if (!args.theme) return;
        this.theme = createTheme({ palette: args.theme.palette, semanticColors: args.theme.semanticColors, isInverted: args.theme.isInverted });
        this.render();
      });
    }
    this.services = this.createServices();
  }

  private get lang(): Lang {
    return this.context.pageContext.cultureInfo.currentUICultureName.toLowerCase().indexOf('en') === 0 ? 'en' : 'fr';
  }

  private createServices(): PstServices {
    const siteUrl = this.properties.siteUrl || this.context.pageContext.web.absoluteUrl;
    return createPstServices({
      sp: spfi(siteUrl).using(SPHttpClientFetch(this.context)),
      webServerRelativeUrl: this.properties.siteUrl ? new URL(this.properties.siteUrl).pathname : this.context.pageContext.web.serverRelativeUrl,
      graphClient: () => this.context.msGraphClientFactory.getClient('3'),
      organisation: this.context.pageContext.web.title,
      lang: this.lang,
      pageUrl: window.location.href,
      teamsEntity: this.context.sdks.microsoftTeams ? this.teamsEntity : undefined,
    });
  }

  /** Only another site means other services; every other property is a prop. */
  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    if (propertyPath === 'siteUrl' && oldValue !== newValue) this.services = this.createServices();
    super.onPropertyPaneFieldChanged(propertyPath, oldValue, newValue);
  }

  public render(): void {
    const services = this.services ?? (this.services = this.createServices());
    const inTeams = !!this.context.sdks.microsoftTeams;
    ReactDom.render(
      React.createElement(PstApp, {
        view: this.view,
        repository: services.repository,
        mail: services.mail,
        lang: this.lang,
        today: isoDateOfLocalDay(new Date()),
        theme: inTeams ? THEMES[hostThemeFromTeams(this.teamsTheme)] : this.theme,
        host: inTeams ? 'teams' : 'sharepoint',
        initialNodeId: this.subEntityId ?? nodeIdFromHash(window.location.hash),
        defaultFilterQuery: this.properties.defaultFilter,
        showFilterBar: this.properties.showFilterBar !== false,
        cardsGroupBy: this.properties.cardsGroupBy,
        dashboardWidgets: DASHBOARD_WIDGETS.filter((w) => this.properties[`widget_${w}`] !== false),
        linkForNode: services.linkForNode,
      }),
      this.domElement,
    );
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          groups: [
            {
              groupName: strings.PropertyGroupData,
              groupFields: [
                PropertyPaneTextField('siteUrl', { label: strings.PropertySiteUrl }),
                PropertyPaneTextField('defaultFilter', { label: strings.PropertyDefaultFilter, description: strings.PropertyDefaultFilterHelp }),
                PropertyPaneToggle('showFilterBar', { label: strings.PropertyShowFilterBar, checked: this.properties.showFilterBar !== false }),
                PropertyPaneDropdown('cardsGroupBy', {
                  label: strings.GroupBy,
                  options: [
                    { key: 'strategicObjective', text: strings.GroupByOs },
                    { key: 'service', text: strings.GroupByService },
                    { key: 'lead', text: strings.GroupByLead },
                    { key: 'status', text: strings.GroupByStatus },
                    { key: 'none', text: strings.GroupNone },
                  ],
                }),
              ],
            },
            ...(this.view === 'dashboard'
              ? [
                  {
                    groupName: strings.PropertyGroupWidgets,
                    groupFields: DASHBOARD_WIDGETS.map((w) =>
                      PropertyPaneToggle(`widget_${w}`, { label: WIDGET_LABELS[w](), checked: this.properties[`widget_${w}`] !== false }),
                    ),
                  },
                ]
              : []),
          ],
        },
      ],
    };
  }
}
