import { useCallback, useEffect, useRef, useState } from "react";
import { draftStorageKey, readDraft, writeDraft, type StoredDraft } from "./draftStore.ts";

const WRITE_DELAY_MS = 400;

/**
 * Keeps the form's unsaved data in localStorage: written a moment after typing stops and at once
 * when the page is hidden or unloaded, read back when the form mounts.
 *
 * @param templateId - the template's id
 * @param version - the template's version
 * @param draftKey - the host's key, or false for no drafts
 * @param handOver - called just before the draft is written because the page is hidden: hands the
 *   text boxes' pending edits to the form (see `PendingEdits`)
 * @returns the draft found after mount (undefined until then), `schedule(data)` to note a change, `clear()` to forget it
 */
export function useDraft(templateId: string, version: string, draftKey: string | false, handOver?: () => void) {
  const key = draftKey === false ? undefined : draftStorageKey(templateId, version, draftKey);
  // Read after mount, never during render: a server-rendered page has no localStorage, and reading
  // it while hydrating would make the first client render differ from the server's.
  const [restored, setRestored] = useState<StoredDraft | undefined>(undefined);
  useEffect(() => {
    setRestored(key ? readDraft(key) : undefined);
  }, [key]);
  const pending = useRef<Record<string, unknown> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    if (key && pending.current) writeDraft(key, pending.current);
    pending.current = undefined;
  }, [key]);

  const schedule = useCallback(
    (data: Record<string, unknown>) => {
      if (!key) return;
      pending.current = data;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, WRITE_DELAY_MS);
    },
    [key, flush],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = undefined;
    if (key) {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Storage refused: there is nothing to forget.
      }
    }
  }, [key]);

  useEffect(() => {
    if (!key) return;
    const onHide = () => {
      handOver?.();
      flush();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
      flush();
    };
  }, [key, flush, handOver]);

  return { restored, schedule, clear };
}
