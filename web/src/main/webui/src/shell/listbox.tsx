import { useEffect, useId, useState, type KeyboardEvent, type MouseEvent } from 'react';

interface Options<T> {
  items: readonly T[];
  /** Whether the list may show (it shows when it also has items). */
  open: boolean;
  setOpen: (open: boolean) => void;
  onPick: (item: T) => void;
  /** The option highlighted when a list appears: the first (Enter picks it) or none (-1: Enter is the field's own). */
  first?: 0 | -1;
  /** The highlight goes back to `first` whenever this changes (the text typed, the list answered). */
  resetOn: unknown;
}

/**
 * The keyboard and ARIA half of an autocomplete (ARIA 1.2 combobox + listbox with `aria-activedescendant`):
 * ArrowDown/Up open the list or move through it, Enter picks the highlighted option, Escape closes; a click picks
 * and hovering highlights. `onKeyDown` answers whether it handled the key, so a field adds its own keys after it.
 */
export function useListbox<T>({ items, open, setOpen, onPick, first = 0, resetOn }: Options<T>) {
  const listId = useId();
  const [active, setActive] = useState<number>(first);
  const [seen, setSeen] = useState(resetOn);
  if (!Object.is(seen, resetOn)) {
    setSeen(resetOn);
    setActive(first);
  }
  const n = items.length;
  const expanded = open && n > 0;
  const index = Math.min(active, n - 1);
  const chosen = expanded && index >= 0 ? items[index] : undefined;
  const optionId = (i: number) => `${listId}-option-${i}`;
  const activeId = chosen === undefined ? undefined : optionId(index);

  // a long list scrolls to keep the highlighted option in sight
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (e: KeyboardEvent): boolean => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      if (!expanded) setOpen(true);
      else setActive(index < 0 ? (down ? 0 : n - 1) : (index + (down ? 1 : -1) + n) % n);
      return true;
    }
    if (e.key === 'Enter' && chosen !== undefined) {
      // picking someone never submits the form the field is in
      e.preventDefault();
      onPick(chosen);
      return true;
    }
    if (e.key === 'Escape' && expanded) {
      // closing the list does not also close a dialog around it
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      return true;
    }
    return false;
  };

  return {
    listId,
    expanded,
    chosen,
    activeId,
    onKeyDown,
    /** The field's ARIA wiring (a textarea that stays a textbox takes only `aria-activedescendant`). */
    combobox: {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': expanded,
      'aria-controls': listId,
      'aria-activedescendant': activeId,
      autoComplete: 'off',
    } as const,
    option: (i: number, item: T) => ({
      id: optionId(i),
      role: 'option' as const,
      'aria-selected': i === index,
      // mousedown would move the focus (and the caret) out of the field before the click picks
      onMouseDown: (e: MouseEvent) => e.preventDefault(),
      onMouseEnter: () => setActive(i),
      onClick: () => onPick(item),
    }),
  };
}

/** Said under a field whose suggestions failed: typing still works, only the list is missing. */
export function SuggestionsUnavailable({ error }: { error: unknown }) {
  return (
    <p className="muted small" role="status">
      Suggestions are unavailable: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
