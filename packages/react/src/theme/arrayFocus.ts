import { createContext, useContext } from "react";

/** What should have focus once the rows have re-rendered after a button press. */
export interface FocusRequest {
  /** The row (0-based) to focus in, or -1 for the array's own "Add" button. */
  row: number;
  /** The control to focus: a row button, or the row's first input. */
  target: "up" | "down" | "remove" | "first-input" | "add";
  /** Apply the request only once the array has this many rows (so a stale render is skipped). */
  length: number;
  /** Words for the array's polite live region, e.g. "Row 3 removed". */
  announce: string;
}

/** Lets the row buttons ask the array template to move focus after the change is rendered. */
export const ArrayFocusContext = createContext<((request: FocusRequest) => void) | undefined>(undefined);

/** @returns the array's focus requester, if the row sits in one of this theme's arrays */
export function useArrayFocus() {
  return useContext(ArrayFocusContext);
}

/**
 * Moves focus inside an array after a change, falling back sensibly when the asked-for control is
 * gone or disabled (moving the first row up, removing the last row).
 *
 * @param container - the array's element
 * @param request - what to focus
 */
export function applyFocus(container: HTMLElement, request: FocusRequest): void {
  const rows = container.querySelectorAll<HTMLElement>("[data-ilm-row]");
  const row = request.row >= 0 ? rows[Math.min(request.row, rows.length - 1)] : undefined;
  const enabled = (element: Element | null | undefined): element is HTMLElement =>
    element instanceof HTMLElement && !(element as HTMLButtonElement).disabled;
  const candidates: (Element | null | undefined)[] = [];
  if (row) {
    if (request.target === "first-input") candidates.push(row.querySelector("input, textarea, select"));
    else candidates.push(row.querySelector(`[data-ilm-action="${request.target}"]`));
    candidates.push(
      row.querySelector('[data-ilm-action="up"]'),
      row.querySelector('[data-ilm-action="down"]'),
      row.querySelector('[data-ilm-action="remove"]'),
    );
  }
  candidates.push(container.querySelector('[data-ilm-action="add"]'));
  const target = candidates.find(enabled);
  target?.focus();
}
