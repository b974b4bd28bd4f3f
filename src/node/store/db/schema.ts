/**
 * The SQLite tables of the store. Items keep their column values as one JSON document
 * (`data`), so that a list gains a column without a table change; columns that are
 * filtered or sorted on get an expression index on `json_extract(data, '$.<Name>')`
 * (see indexes.ts), the store's equivalent of SharePoint's column indexes.
 */
export const SCHEMA_VERSION = 1;

export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Users and groups share SharePoint's principal id space.
CREATE TABLE IF NOT EXISTS principals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'group')),
  title TEXT NOT NULL,
  email TEXT COLLATE NOCASE,
  login_name TEXT COLLATE NOCASE,
  is_site_admin INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  owner_id INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS principals_user_email ON principals(email) WHERE kind = 'user';
CREATE UNIQUE INDEX IF NOT EXISTS principals_group_title ON principals(title COLLATE NOCASE) WHERE kind = 'group';
CREATE TABLE IF NOT EXISTS group_members (
  group_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
-- Scope: 'web', 'list:<listId>' or 'item:<listId>:<itemId>'; only scopes with unique permissions have rows.
CREATE TABLE IF NOT EXISTS role_assignments (
  scope TEXT NOT NULL,
  principal_id INTEGER NOT NULL REFERENCES principals(id) ON DELETE CASCADE,
  role_definition_id INTEGER NOT NULL,
  PRIMARY KEY (scope, principal_id, role_definition_id)
);
-- Custom permission levels (web/roledefinitions POST); the built-in ones are in permissionMasks.ts.
CREATE TABLE IF NOT EXISTS role_definitions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  high TEXT NOT NULL,
  low TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL UNIQUE COLLATE NOCASE,
  base_template INTEGER NOT NULL,
  enable_versioning INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL,
  last_item_modified TEXT NOT NULL,
  write_security INTEGER NOT NULL DEFAULT 1,
  unique_permissions INTEGER NOT NULL DEFAULT 0,
  next_item_id INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS fields (
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  internal_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (list_id, internal_name)
);
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  author_id INTEGER NOT NULL,
  editor_id INTEGER NOT NULL,
  unique_permissions INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  UNIQUE (list_id, id)
);
`;
