import { useLayoutEffect, useState } from "react";

/** The id prefixes the forms on this page hold, shared by every copy of this package that a page loads. */
const claimed: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for("ilm-forms.idPrefixes")] ??= new Set<string>()) as Set<string>;
const counter = ((globalThis as Record<symbol, unknown>)[Symbol.for("ilm-forms.idCounter")] ??= { next: 2 }) as { next: number };
const DEFAULT_PREFIX = "root";

/**
 * The RJSF id prefix of one form: the host's `idPrefix` when given; otherwise `root` for the first
 * form on the page (so a page with one form keeps RJSF's familiar ids, and links such as
 * `#root_clientRef` keep working) and `ilm-form-2`, `ilm-form-3` … for every further one.
 *
 * The choice is made in a layout effect, after hydration and before the browser paints: the
 * server and the first client render both say `root`, so hydration never mismatches, and a second
 * form takes its own prefix before anyone sees it. React's `useId` is not used because two React
 * roots on one page (two `<ilm-form>` elements, or two widgets of a portal) number their ids alike.
 *
 * @param given - the host's `idPrefix`, if any
 * @returns the prefix to render with
 */
export function usePagePrefix(given: string | undefined): string {
  const [own, setOwn] = useState<string>(DEFAULT_PREFIX);
  useIsomorphicLayoutEffect(() => {
    if (given !== undefined) return;
    const prefix = claimed.has(DEFAULT_PREFIX) ? `ilm-form-${counter.next++}` : DEFAULT_PREFIX;
    claimed.add(prefix);
    setOwn(prefix);
    return () => {
      claimed.delete(prefix);
    };
  }, [given]);
  return given ?? own;
}

// React warns about useLayoutEffect when rendering on a server; there the prefix is `root` anyway.
const useIsomorphicLayoutEffect: typeof useLayoutEffect = typeof document === "undefined" ? () => undefined : useLayoutEffect;
