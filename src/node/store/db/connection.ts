/**
 * The first layer of `StoreDatabase` (see database.ts): the SQLite handle, statements
 * prepared once, transactions, the `meta` table and the web's own facts (id, URL, title,
 * creation date), and the counter that tells authorizers the permissions changed.
 */
import { randomUUID } from 'node:crypto';
import type { StatementSync } from 'node:sqlite';
import { isoSeconds } from '../values/siteTimeZone';
import { CREATE_TABLES } from './schema';
import { openSqlite, Sqlite } from './sqlite';

/** A row as `node:sqlite` returns it. */
export type Row = Record<string, unknown>;

export const now = (): string => isoSeconds(Date.now());

/**
 * How writes are checked. 'sharepoint' (default) refuses what SharePoint Online's REST
 * service refuses: unknown properties, values of the wrong type, text over its MaxLength,
 * unknown users and lookup targets. 'strict' also refuses what only SharePoint's forms
 * refuse: an empty required column, a value outside a choice column's choices (without
 * FillInChoice), a number outside Min/Max — useful in tests to catch data the UI would reject.
 */
export type StoreValidation = 'sharepoint' | 'strict';

export abstract class StoreConnection {
  readonly sql: Sqlite;
  readonly webId: string;
  private readonly statements = new Map<string, StatementSync>();
  /**
   * Bumped by every change of users, groups, memberships or role assignments: lets an
   * authorizer cache what it derived from them.
   */
  permissionsVersion = 0;

  protected constructor(
    readonly file: string,
    readonly sitePath: string,
    readonly webTitle: string,
    readonly validation: StoreValidation,
  ) {
    this.sql = openSqlite(file);
    this.sql.exec(CREATE_TABLES);
    this.webId = this.meta('webId') ?? this.setMeta('webId', randomUUID());
  }

  close(): void {
    this.sql.close();
  }

  /** A prepared statement, prepared once per SQL text (preparing costs more than running). */
  prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sql.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in one SQLite transaction (all or nothing, and much faster for bulk writes). */
  transaction<T>(work: () => T): T {
    if (this.sql.isTransaction) return work();
    this.sql.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.sql.exec('COMMIT');
      return result;
    } catch (error) {
      this.sql.exec('ROLLBACK');
      throw error;
    }
  }

  get webCreated(): string {
    return this.meta('webCreated') ?? now();
  }

  get webUrl(): string {
    return this.sitePath;
  }

  protected meta(key: string): string | undefined {
    const row = this.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  protected setMeta(key: string, value: string): string {
    this.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    return value;
  }
}
