import { startTransition, useCallback, useContext, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { PendingEditsContext } from "../drafts/pendingEdits.ts";

/**
 * The text a box shows, updated at once on each keystroke, while the form-wide change (RJSF's whole
 * `Form` re-rendering, which grows with the form) runs as an interruptible React transition. On a
 * log of 60 sessions this keeps typing immediate; the data still reaches the form a moment later.
 *
 * A value that arrives from outside (a draft restored, a reset) replaces what the box shows; the
 * form handing back text this box sent is recognised and ignored, so no keystroke is lost while a
 * transition is pending. When the page is hidden, the form's draft asks every box to hand over its
 * pending text at once (`PendingEditsContext`), so the draft holds the last keystroke too.
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

  const edits = useContext(PendingEditsContext);
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  useEffect(
    () =>
      edits?.add(() => {
        const last = pending.current[pending.current.length - 1];
        if (last !== undefined) flushSync(() => latestCommit.current(last));
      }),
    [edits],
  );
  return [text, change];
}
