/**
 * Errors in SharePoint Online's REST shape:
 * `{"odata.error":{"code":"<hresult>, <exception type>","message":{"lang":"en-US","value":"…"}}}`.
 * Codes and messages are those SharePoint Online returns for the same situation; where a
 * message is the store's own wording, the comment says so.
 */

export class SharePointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SharePointError';
  }

  toJson(): string {
    return JSON.stringify({ 'odata.error': { code: this.code, message: { lang: 'en-US', value: this.message } } });
  }
}

const ARGUMENT = '-2147024809, System.ArgumentException';
const SP_EXCEPTION = '-1, Microsoft.SharePoint.SPException';
const CLIENT_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';
const UNAUTHORIZED = '-2147024891, System.UnauthorizedAccessException';

/** `lists/getByTitle('X')`, `lists('guid')` of a list that does not exist. */
export function listNotFound(title: string, webUrl: string): SharePointError {
  return new SharePointError(
    404,
    '-2130575322, Microsoft.SharePoint.SPException',
    `List '${title}' does not exist at site with URL '${webUrl}'.`,
  );
}

/** `getList('/server/relative/url')` of a URL where no list is: the file-system shape. */
export function fileNotFound(): SharePointError {
  return new SharePointError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

/** `items(n)` of an item that does not exist (or was deleted). */
export function itemNotFound(): SharePointError {
  return new SharePointError(404, ARGUMENT, 'Item does not exist. It may have been deleted by another user.');
}

/** Unknown field in `$select`, `$filter`, `$orderby` or `$expand` of an item query. */
export function unknownFieldInQuery(name: string): SharePointError {
  return new SharePointError(400, SP_EXCEPTION, `The field or property '${name}' does not exist.`);
}

/** `fields/getByInternalNameOrTitle('X')` of a column the list does not have. */
export function columnNotFound(name: string): SharePointError {
  return new SharePointError(400, ARGUMENT, `Column '${name}' does not exist. It may have been deleted by another user.`);
}

/** A property in a write body that the entity type does not define. */
export function unknownProperty(name: string, typeName: string): SharePointError {
  return new SharePointError(
    400,
    CLIENT_QUERY,
    `The property '${name}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`,
  );
}

/** A value of the wrong JSON type for a property (e.g. text for a number column). */
export function cannotConvert(edmType: string, detail?: string): SharePointError {
  const suffix = detail ? ` ${detail}` : ' See the inner exception for more details.';
  return new SharePointError(400, CLIENT_QUERY, `Cannot convert a primitive value to the expected type '${edmType}'.${suffix}`);
}

/** A value SharePoint refuses for a column (required, choice, range, length). Store's wording per rule. */
export function invalidFieldValue(message: string): SharePointError {
  return new SharePointError(400, '-2130575155, Microsoft.SharePoint.SPFieldValidationException', message);
}

export function badRequest(message: string): SharePointError {
  return new SharePointError(400, CLIENT_QUERY, message);
}

export function invalidArgument(message: string): SharePointError {
  return new SharePointError(400, ARGUMENT, message);
}

/** `If-Match` with an ETag that is not the item's current one. */
export function etagMismatch(sent: string, current: string): SharePointError {
  return new SharePointError(
    412,
    '-1, Microsoft.SharePoint.Client.ClientServiceException',
    `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`,
  );
}

/** The list view threshold: a query that would scan more than 5,000 items of a list. */
export function thresholdExceeded(): SharePointError {
  return new SharePointError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
}

export function unauthenticated(): SharePointError {
  return new SharePointError(401, UNAUTHORIZED, 'Access denied.');
}

export function accessDenied(message?: string): SharePointError {
  return new SharePointError(
    403,
    UNAUTHORIZED,
    message ?? 'Access denied. You do not have permission to perform this action or access this resource.',
  );
}

/** A resource segment SharePoint does not have. */
export function invalidExpression(path: string): SharePointError {
  return new SharePointError(400, CLIENT_QUERY, `The expression "${path}" is not valid.`);
}

/**
 * Something SharePoint Online supports but the embedded store does not: 501 and a clear
 * message, so that a gap of the store is never mistaken for a SharePoint refusal.
 */
export function notImplemented(what: string): SharePointError {
  return new SharePointError(501, '-1, Microsoft.SharePoint.Client.ClientServiceException', `Not implemented by the embedded store: ${what}`);
}

export function isSharePointError(error: unknown): error is SharePointError {
  return error instanceof SharePointError;
}
