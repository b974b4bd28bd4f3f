import * as React from 'react';
import { CommandBar, CommandBarButton, ICommandBarItemProps, ICommandBarProps, IContextualMenuItem } from '@fluentui/react';
import { usePainted } from './usePainted';

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

const noop = (): void => undefined;
/** Fluent's CommandBar root: its height and its padding unless the caller sets one. */
const BAR_HEIGHT = 44;
const BAR_PADDING = '0 14px 0 24px';

/**
 * What the bar looks like, for the first frame only: the same buttons in a row, without the
 * measuring that folds items into « … » (Fluent's bar measures the page, then renders again:
 * on a page with three web parts that delays their first paint by some 30 ms). Hidden from
 * assistive technology and out of the tab order: the real bar replaces it a frame later.
 */
function CommandBarLookAlike({
  items,
  farItems,
  padding,
}: {
  items: readonly ICommandBarItemProps[];
  farItems: readonly ICommandBarItemProps[];
  padding: string;
}): JSX.Element {
  const button = (item: ICommandBarItemProps): JSX.Element =>
    item.onRender ? (
      <React.Fragment key={item.key}>{item.onRender(item, noop)}</React.Fragment>
    ) : (
      <CommandBarButton
        key={item.key}
        text={item.iconOnly ? undefined : item.text}
        iconProps={item.iconProps}
        menuIconProps={item.subMenuProps ? { iconName: 'ChevronDown' } : undefined}
        disabled={item.disabled}
        checked={item.checked}
        tabIndex={-1}
        // a command clicked in that frame is a command given; a menu opens from the real bar
        onClick={item.onClick && !item.subMenuProps ? (event) => void item.onClick?.(event as React.MouseEvent<HTMLElement>, item) : undefined}
      />
    );
  return (
    <div aria-hidden="true" style={{ display: 'flex', justifyContent: 'space-between', height: BAR_HEIGHT, padding, overflow: 'hidden' }}>
      <div style={{ display: 'flex', alignItems: 'stretch', minWidth: 0, overflow: 'hidden' }}>{items.map(button)}</div>
      <div style={{ display: 'flex', alignItems: 'stretch' }}>{farItems.map(button)}</div>
    </div>
  );
}

function paddingOf(props: ICommandBarProps): string {
  const root = props.styles && typeof props.styles === 'object' ? (props.styles as { root?: { paddingLeft?: number; paddingRight?: number } }).root : undefined;
  if (root && (root.paddingLeft !== undefined || root.paddingRight !== undefined)) return `0 ${root.paddingRight ?? 14}px 0 ${root.paddingLeft ?? 24}px`;
  return BAR_PADDING;
}

/**
 * Fluent's CommandBar, rendered again only when what it shows changes. Fluent's bar measures
 * its items (a layout of the whole page) after every render it is given: re-rendered with
 * the page at each key typed in the search, three bars on a page cost about 40 ms per key.
 * The other props (styles, overflow button) are taken from the first render and when the
 * items change. Before the page's first paint, a look-alike (see CommandBarLookAlike).
 */
export function StableCommandBar(props: ICommandBarProps): JSX.Element {
  const latest = React.useRef<ItemsById>(new Map());
  const all = new Map<string, IContextualMenuItem>();
  indexItems(props.items, all, 'items/');
  indexItems(props.farItems, all, 'far/');
  indexItems(props.overflowItems, all, 'overflow/');
  latest.current = all;
  const signature = JSON.stringify([shownOf(props.items), shownOf(props.farItems), shownOf(props.overflowItems), props.ariaLabel]);
  const painted = usePainted();
  return React.useMemo(
    () =>
      !painted ? (
        <CommandBarLookAlike items={forwarding(props.items, latest, 'items/')} farItems={forwarding(props.farItems, latest, 'far/')} padding={paddingOf(props)} />
      ) : (
      <CommandBar
        {...props}
        items={forwarding(props.items, latest, 'items/')}
        farItems={props.farItems && forwarding(props.farItems, latest, 'far/')}
        overflowItems={props.overflowItems && forwarding(props.overflowItems, latest, 'overflow/')}
      />
    ),
    // the signature is what the bar shows: handlers reach the latest items through `latest`
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [signature, painted],
  );
}
