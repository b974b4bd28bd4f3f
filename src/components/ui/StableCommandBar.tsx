import * as React from 'react';
import { CommandBar, ICommandBarItemProps, ICommandBarProps, IContextualMenuItem } from '@fluentui/react';

/** What an item shows, its handlers left out; `data` carries what an `onRender` draws with. */
function shownOf(items: readonly IContextualMenuItem[] | undefined): unknown[] {
  return (items ?? []).map((item) => [
    item.key,
    item.text,
    item.ariaLabel,
    item.title,
    item.iconProps?.iconName,
    item.checked,
    item.disabled,
    item.canCheck,
    item.role,
    item.itemType,
    item.href,
    (item as ICommandBarItemProps).iconOnly,
    item.data,
    item.subMenuProps ? shownOf(item.subMenuProps.items) : null,
  ]);
}

type ItemsById = Map<string, IContextualMenuItem>;

function indexItems(items: readonly IContextualMenuItem[] | undefined, into: ItemsById, path: string): ItemsById {
  for (const item of items ?? []) {
    into.set(path + item.key, item);
    if (item.subMenuProps) indexItems(item.subMenuProps.items, into, `${path}${item.key}/`);
  }
  return into;
}

/** The items with handlers that call the latest items' own (the bar keeps the first ones it was given). */
function forwarding(items: readonly IContextualMenuItem[] | undefined, latest: React.MutableRefObject<ItemsById>, path: string): IContextualMenuItem[] {
  return (items ?? []).map((item) => {
    const id = path + item.key;
    return {
      ...item,
      onClick: item.onClick ? (event, clicked) => latest.current.get(id)?.onClick?.(event, clicked) : undefined,
      onRender: item.onRender ? (shown, dismiss) => latest.current.get(id)?.onRender?.(shown, dismiss) : undefined,
      subMenuProps: item.subMenuProps ? { ...item.subMenuProps, items: forwarding(item.subMenuProps.items, latest, `${id}/`) } : undefined,
    };
  });
}

/**
 * Fluent's CommandBar, rendered again only when what it shows changes. Fluent's bar measures
 * its items (a layout of the whole page) after every render it is given: re-rendered with
 * the page at each key typed in the search, three bars on a page cost about 40 ms per key.
 * The other props (styles, overflow button) are taken from the first render and when the
 * items change.
 */
export function StableCommandBar(props: ICommandBarProps): JSX.Element {
  const latest = React.useRef<ItemsById>(new Map());
  const all = new Map<string, IContextualMenuItem>();
  indexItems(props.items, all, 'items/');
  indexItems(props.farItems, all, 'far/');
  indexItems(props.overflowItems, all, 'overflow/');
  latest.current = all;
  const signature = JSON.stringify([shownOf(props.items), shownOf(props.farItems), shownOf(props.overflowItems), props.ariaLabel]);
  return React.useMemo(
    () => (
      <CommandBar
        {...props}
        items={forwarding(props.items, latest, 'items/')}
        farItems={props.farItems && forwarding(props.farItems, latest, 'far/')}
        overflowItems={props.overflowItems && forwarding(props.overflowItems, latest, 'overflow/')}
      />
    ),
    // the signature is what the bar shows: handlers reach the latest items through `latest`
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [signature],
  );
}
