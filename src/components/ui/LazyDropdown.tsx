import * as React from 'react';
import { Icon, IDropdown, IDropdownProps, IDropdownStyles, Label, mergeStyles, useTheme } from '@fluentui/react';
import { preloadableLazy } from './preloadableLazy';
import { useMounted } from './useMounted';
import { useStableId } from './useStableId';
import { whenIdle } from './whenIdle';

/**
 * Fluent's Dropdown brings its callout, its responsive panel, checkboxes and a focus trap:
 * about a tenth of what a page would download before its first render. The lists a view
 * shows at once (filters, sorting, the plan shown) use this one instead: it first draws a
 * look-alike of the closed list, fetches the real one once the page is idle, and then
 * swaps it in. A click or a key on the look-alike fetches at once and opens the list.
 * Dropdowns inside dialogs and panels, themselves loaded on demand, use Fluent's directly.
 */
const DropdownCode = preloadableLazy<IDropdownProps>(() =>
  import(/* webpackChunkName: 'pst-dropdown' */ '@fluentui/react').then((m) => m.Dropdown),
);

/** Fetches the real Dropdown (tests and pages that know they will need it at once). */
export const preloadDropdown = (): Promise<unknown> => DropdownCode.preload();

/** What the closed list shows: the chosen options' texts, else the placeholder. */
function shownText(props: IDropdownProps): string {
  const keys = props.multiSelect ? props.selectedKeys ?? props.defaultSelectedKeys : [props.selectedKey ?? props.defaultSelectedKey];
  const chosen = (Array.isArray(keys) ? keys : [keys]).filter((key) => key !== null && key !== undefined);
  const texts = props.options.filter((option) => chosen.some((key) => key === option.key)).map((option) => option.text);
  return texts.length ? texts.join(', ') : props.placeholder ?? '';
}

function ClosedDropdown(props: IDropdownProps & { readonly onActivate: () => void }): JSX.Element {
  const theme = useTheme();
  const styles = typeof props.styles === 'object' ? (props.styles as Partial<IDropdownStyles>) : undefined;
  const text = shownText(props);
  const labelId = useStableId('pst-dropdown-label');
  const textId = useStableId('pst-dropdown-text');
  const onKeyDown = (event: React.KeyboardEvent): void => {
    if ([' ', 'Enter', 'ArrowDown', 'ArrowUp', 'F4'].includes(event.key)) {
      event.preventDefault();
      props.onActivate();
    }
  };
  return (
    <div className={mergeStyles(styles?.root, props.className)}>
      {props.label && (
        <Label id={labelId} className={mergeStyles(styles?.label)} disabled={props.disabled}>
          {props.label}
        </Label>
      )}
      <div
        role="combobox"
        aria-expanded={false}
        aria-haspopup="listbox"
        // named like Fluent's: the label, then what is chosen (« Volet Tous »)
        aria-labelledby={props.label ? `${labelId} ${textId}` : undefined}
        aria-label={props.label ? undefined : props.ariaLabel}
        aria-disabled={props.disabled || undefined}
        tabIndex={props.disabled ? -1 : 0}
        onClick={props.disabled ? undefined : props.onActivate}
        onKeyDown={props.disabled ? undefined : onKeyDown}
        className={mergeStyles({
          position: 'relative',
          height: 32,
          lineHeight: 30,
          padding: '0 28px 0 8px',
          border: `1px solid ${props.disabled ? theme.semanticColors.disabledBorder : theme.semanticColors.inputBorder}`,
          borderRadius: theme.effects.roundedCorner2,
          background: props.disabled ? theme.semanticColors.disabledBackground : theme.semanticColors.inputBackground,
          color: props.disabled ? theme.semanticColors.disabledText : text === props.placeholder ? theme.semanticColors.inputPlaceholderText : theme.semanticColors.inputText,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
          cursor: props.disabled ? 'default' : 'pointer',
          fontSize: theme.fonts.medium.fontSize,
        })}
      >
        <span id={textId}>{text}</span>
        <Icon iconName="ChevronDown" aria-hidden className={mergeStyles({ position: 'absolute', right: 8, top: 0, fontSize: 12, color: theme.semanticColors.bodySubtext })} />
      </div>
    </div>
  );
}

/** Fluent's Dropdown, same props, with its code fetched after the first render (see above). */
export function Dropdown(props: IDropdownProps): JSX.Element {
  const [Real, setReal] = React.useState(() => DropdownCode.loaded());
  const real = React.useRef<IDropdown>(null);
  // set when the look-alike was clicked or keyed: the real list then opens with the focus
  const openOnArrival = React.useRef(false);
  const mounted = useMounted();
  const fetch = React.useCallback((): void => {
    DropdownCode.preload().then(
      (component) => mounted.current && setReal(() => component),
      // the look-alike stays; the next click tries again
      () => undefined,
    );
  }, [mounted]);
  React.useEffect(() => (Real ? undefined : whenIdle(fetch)), [Real, fetch]);
  React.useEffect(() => {
    if (Real && openOnArrival.current) {
      openOnArrival.current = false;
      real.current?.focus(true);
    }
  }, [Real]);
  if (!Real) {
    return (
      <ClosedDropdown
        {...props}
        onActivate={() => {
          openOnArrival.current = true;
          fetch();
        }}
      />
    );
  }
  return <Real {...props} componentRef={props.componentRef ?? real} />;
}
