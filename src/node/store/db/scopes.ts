/**
 * The scopes of role assignments (the `scope` column of `role_assignments`): the web, a
 * list or an item. Only scopes with unique permissions have rows; the others inherit.
 */
export const WEB_SCOPE = 'web';

export function listScope(listId: string): string {
  return `list:${listId}`;
}

export function itemScope(listId: string, itemId: number): string {
  return `item:${listId}:${itemId}`;
}
