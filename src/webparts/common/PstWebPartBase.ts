/**
 * The three PST web parts differ only by the view they show: this base turns the SPFx
 * context into services and props, and renders the shared React app. No logic here.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { spfi, SPFx } from '@pnp/sp';
import * as strings from 'PstStrings';
import { PstApp, PstView } from '../../components/PstApp';
import { SharePointPstRepository } from '../../data/SharePointPstRepository';
import { isoDateOfLocalDay } from '../../domain/model';

export interface IPstWebPartProps {
  /** Absolute URL of the site holding the PST lists; empty means the current site. */
  siteUrl: string;
}

export abstract class PstWebPartBase extends BaseClientSideWebPart<IPstWebPartProps> {
  protected abstract readonly view: PstView;

  public render(): void {
    const siteUrl = this.properties.siteUrl || this.context.pageContext.web.absoluteUrl;
    const webPath = this.properties.siteUrl
      ? new URL(this.properties.siteUrl).pathname
      : this.context.pageContext.web.serverRelativeUrl;
    const repository = new SharePointPstRepository(spfi(siteUrl).using(SPFx(this.context)), webPath);
    const lang = this.context.pageContext.cultureInfo.currentUICultureName.toLowerCase().indexOf('en') === 0 ? 'en' : 'fr';
    ReactDom.render(
      React.createElement(PstApp, { view: this.view, repository, lang, today: isoDateOfLocalDay(new Date()) }),
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
              groupFields: [PropertyPaneTextField('siteUrl', { label: strings.PropertySiteUrl })],
            },
          ],
        },
      ],
    };
  }
}
