/**
 * Tokens for SharePoint Online from Node. Local URLs (the embedded store) need none.
 * App-only access to SharePoint requires a certificate: set AZURE_TENANT_ID,
 * AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (read by DefaultAzureCredential);
 * an administrator can instead sign in with `--device-code`.
 */
import { DefaultAzureCredential, DeviceCodeCredential, TokenCredential } from '@azure/identity';
import { TokenProvider } from './nodeSp';

export function isLocalUrl(siteUrl: string): boolean {
  const host = new URL(siteUrl).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

export function sharePointTokenProvider(siteUrl: string, options: { deviceCode?: boolean } = {}): TokenProvider | undefined {
  if (isLocalUrl(siteUrl)) return undefined;
  const credential: TokenCredential = options.deviceCode
    ? new DeviceCodeCredential({
        tenantId: process.env.AZURE_TENANT_ID,
        clientId: process.env.AZURE_CLIENT_ID,
        userPromptCallback: (info) => console.log(info.message),
      })
    : new DefaultAzureCredential();
  const scope = `${new URL(siteUrl).origin}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    if (!token) throw new Error(`Aucun jeton obtenu pour ${scope}`);
    return token.token;
  };
}
