/**
 * What every route works with: the database, the caller, the request, its query options,
 * and the permission checks.
 */
import type { StoreDatabase } from '../db/database';
import type { ApiRequest } from '../http/apiTypes';
import { badRequest } from '../http/errors';
import { parseQueryOptions, QueryOptions } from '../odata/queryOptions';
import type { ItemRecord, ListRecord, StoreUser } from '../records';
import type { Operation, Permissions } from '../security/authorization';
import type { BasePermissions } from '../security/permissionMasks';

export class RequestContext {
  private parsedOptions?: QueryOptions;
  private parsedBody?: Record<string, unknown>;

  constructor(
    readonly db: StoreDatabase,
    readonly user: StoreUser,
    readonly request: ApiRequest,
    private readonly permissions: Permissions,
  ) {}

  get method(): string {
    return this.request.method;
  }

  /** `http://127.0.0.1:port/sites/pst`. */
  get webAbsoluteUrl(): string {
    return `${this.request.url.origin}${this.db.sitePath}`;
  }

  get apiUrl(): string {
    return `${this.webAbsoluteUrl}/_api`;
  }

  get options(): QueryOptions {
    if (!this.parsedOptions) this.parsedOptions = parseQueryOptions(this.request.url.searchParams);
    return this.parsedOptions;
  }

  header(name: string): string | undefined {
    return this.request.headers.get(name.toLowerCase());
  }

  /** The JSON body of a write; SharePoint's 400 for text that is not JSON. */
  body(): Record<string, unknown> {
    if (this.parsedBody) return this.parsedBody;
    const text = this.request.body.trim();
    if (text === '') return (this.parsedBody = {});
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      this.parsedBody = parsed as Record<string, unknown>;
      return this.parsedBody;
    } catch {
      throw badRequest('Invalid JSON. A token was not recognized in the JSON content.');
    }
  }

  demand(operation: Operation, scope: { list?: ListRecord; item?: ItemRecord; changes?: Record<string, unknown> } = {}): void {
    this.permissions.demand(this.user, operation, scope);
  }

  allows(operation: Operation, scope: { list?: ListRecord; item?: ItemRecord } = {}): boolean {
    return this.permissions.allows(this.user, operation, scope);
  }

  permissionsAt(scope: { list?: ListRecord; item?: ItemRecord } = {}): BasePermissions {
    return this.permissions.effective(this.user, scope);
  }
}
