import * as React from 'react';
import { getId } from '@fluentui/react';

/** An id unique in the page, stable for the component's life (several web parts share a page). */
export function useStableId(prefix: string): string {
  const [id] = React.useState(() => getId(prefix));
  return id;
}
