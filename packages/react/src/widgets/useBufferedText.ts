import { startTransition, useCallback, useRef, useState } from "react";

/**
 * The text a box shows, updated at once on each keystroke, while the form-wide change (RJSF's whole
 * `Form` re-rendering, which grows with the form) runs as an interruptible React transition. On a
 * log of 60 sessions this keeps typing immediate; the data still reaches the form a moment later.
 *
 * A value that arrives from outside (a draft restored, a reset) replaces what the box shows; the
 * form handing back text this box sent is recognised and ignored, so no keystroke is lost while a
 * transition is pending.
 *
 * @param value - the value RJSF holds
 * @param commit - RJSF's `onChange`, given the text ('' becomes the field's empty value there)
 * @returns the text to show and the change handler
 */
export function useBufferedText(value: unknown, commit: (text: string) => void): [string, (text: string) => void] {
  const asText = (v: unknown) => (v == null ? "" : String(v));
  const [text, setText] = useState(() => asText(value));
  const [seen, setSeen] = useState(value);
  const pending = useRef<string[]>([]);

  if (value !== seen) {
    setSeen(value);
    const incoming = asText(value);
    const index = pending.current.indexOf(incoming);
    if (index >= 0) pending.current = pending.current.slice(index + 1);
    else {
      pending.current = [];
      setText(incoming);
    }
  }

  const change = useCallback(
    (next: string) => {
      setText(next);
      pending.current.push(next);
      startTransition(() => commit(next));
    },
    [commit],
  );
  return [text, change];
}
