/**
 * What a property path of an item query (`PstActionId`, `PstAction/Title`, `Author/EMail`,
 * `Created`) means for a list: its SQL expression, its kind of value, and whether an index
 * serves it. Lookups and people are two properties in SharePoint's REST service: the id
 * (`<Name>Id`) and the projected fields of the target, reached through `$expand`
 * (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests,
 * "Query for single value lookup fields").
 */
import { collationOf, indexName, isTextLike, valueExpression } from '../db/columns';
import type { StoreDatabase } from '../db/database';
import { badRequest, unknownFieldInQuery } from '../http/errors';
import type { FieldRecord, ListRecord } from '../records';
import { isLookupField, isPersonField, isReferenceField } from '../values/itemValues';

export type ValueKind = 'text' | 'number' | 'date' | 'boolean' | 'multiText' | 'multiNumber';

export interface ResolvedProperty {
  readonly path: string;
  readonly sql: string;
  readonly kind: ValueKind;
  /** An index serves comparisons and sorting on this expression (SharePoint's "indexed column"). */
  readonly indexed: boolean;
  /** ` COLLATE NOCASE` for text, as SharePoint compares text case-insensitively. */
  readonly collation: string;
  /** The SQLite index serving this property (indexed custom and built-in columns, not ID). */
  readonly indexName?: string;
}

/** Properties of a person reachable through `$expand` (columns of the principals table). */
export const PERSON_PROPERTIES: Readonly<Record<string, { column: string; kind: ValueKind }>> = {
  Id: { column: 'id', kind: 'number' },
  ID: { column: 'id', kind: 'number' },
  Title: { column: 'title', kind: 'text' },
  EMail: { column: 'email', kind: 'text' },
  Name: { column: 'login_name', kind: 'text' },
  UserName: { column: 'email', kind: 'text' },
  IsSiteAdmin: { column: 'is_site_admin', kind: 'boolean' },
};

export function kindOfField(field: FieldRecord): ValueKind {
  switch (field.type) {
    case 'Number':
    case 'Currency':
    case 'Counter':
    case 'User':
    case 'Lookup':
      return 'number';
    case 'DateTime':
      return 'date';
    case 'Boolean':
    case 'Attachments':
      return 'boolean';
    case 'MultiChoice':
      return 'multiText';
    case 'UserMulti':
    case 'LookupMulti':
      return 'multiNumber';
    default:
      return 'text';
  }
}

export class ItemProperties {
  private readonly byName: Map<string, FieldRecord>;

  constructor(
    private readonly db: StoreDatabase,
    readonly list: ListRecord,
    private readonly expanded: ReadonlySet<string>,
  ) {
    this.byName = new Map(db.fields(list.id).map((f) => [f.internalName, f]));
  }

  field(name: string): FieldRecord | undefined {
    return this.byName.get(name === 'Id' ? 'ID' : name);
  }

  /** The reference column (lookup/person) named `name`, for `$expand=<name>`. */
  referenceField(name: string): FieldRecord | undefined {
    const field = this.byName.get(name);
    return field && isReferenceField(field) ? field : undefined;
  }

  private plain(path: string, field: FieldRecord, sql = valueExpression(field)): ResolvedProperty {
    return {
      path,
      sql,
      kind: kindOfField(field),
      indexed: field.indexed || field.internalName === 'ID',
      collation: collationOf(field),
      indexName: field.indexed && field.internalName !== 'ID' ? indexName(field) : undefined,
    };
  }

  resolve(path: string): ResolvedProperty {
    const [head, sub, ...deeper] = path.split('/');
    if (deeper.length > 0) throw unknownFieldInQuery(path);
    if (sub === undefined) {
      const direct = this.field(head);
      if (direct && !isReferenceField(direct)) return this.plain(path, direct);
      if (direct && isReferenceField(direct)) {
        // A lookup compared by name compares its shown value (Title), as SharePoint does.
        return this.projected(path, direct, isPersonField(direct) ? 'Title' : direct.showField ?? 'Title');
      }
      const id = /^(.+)Id$/.exec(head);
      const reference = id ? this.byName.get(id[1]) : undefined;
      if (reference && isReferenceField(reference)) return this.plain(path, reference);
      throw unknownFieldInQuery(path);
    }
    const reference = this.byName.get(head);
    if (!reference || !isReferenceField(reference)) throw unknownFieldInQuery(path);
    if (sub === 'Id' || sub === 'ID') return this.plain(path, reference);
    if (!this.expanded.has(head)) throw notExpanded(path, head);
    return this.projected(path, reference, sub);
  }

  /** A field of the lookup's target item, or a property of the person, as a subquery. */
  private projected(path: string, reference: FieldRecord, property: string): ResolvedProperty {
    const idSql = valueExpression(reference);
    if (reference.type === 'UserMulti' || reference.type === 'LookupMulti') {
      throw badRequest(`The field '${path}' is multi-valued: SharePoint cannot filter or sort on its projected values.`);
    }
    if (isPersonField(reference)) {
      const person = PERSON_PROPERTIES[property];
      if (!person) throw unknownFieldInQuery(path);
      return {
        path,
        sql: `(SELECT p.${person.column} FROM principals p WHERE p.id = ${idSql})`,
        kind: person.kind,
        indexed: false,
        collation: person.kind === 'text' ? ' COLLATE NOCASE' : '',
      };
    }
    if (!isLookupField(reference) || !reference.lookupList) throw unknownFieldInQuery(path);
    const target = this.db.getList(reference.lookupList);
    const targetField = target ? this.db.getField(target.id, property === 'Id' ? 'ID' : property) : undefined;
    if (!target || !targetField || isReferenceField(targetField)) throw unknownFieldInQuery(path);
    return {
      path,
      sql: `(SELECT ${valueExpression(targetField, 't')} FROM items t WHERE t.list_id = '${target.id}' AND t.id = ${idSql})`,
      kind: kindOfField(targetField),
      indexed: false,
      collation: isTextLike(targetField) ? ' COLLATE NOCASE' : '',
    };
  }
}

/** SharePoint's refusal of `Lookup/Field` without `$expand=Lookup`. */
export function notExpanded(path: string, navigation: string): Error {
  return badRequest(
    `The query to field '${path}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${navigation}.`,
  );
}
