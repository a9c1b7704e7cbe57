import type { FieldError } from "@ilm-forms/core";
import { IlmForm, type IlmFormHandle } from "@ilm-forms/react";
import { useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "./ErrorSummary.tsx";

export interface EditorOutcome {
  saved?: boolean;
  conflict?: { currentVersion: number };
  errors?: FieldError[];
}

/**
 * A document in `<IlmForm/>`: the browser validates with the same precompiled validators as the
 * server, the server validates again on save, and the draft is kept in the browser until the server
 * has saved it.
 */
export function DocumentEditor(props: {
  templateId: string;
  templateVersion: string;
  documentId: string;
  value: Record<string, unknown>;
  expectedVersion?: number;
  csrf: string;
  knownNames: string[];
  outcome?: EditorOutcome;
  readOnly?: boolean;
}) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const form = useRef<IlmFormHandle>(null);
  const pending = useRef<{ resolve: () => void; reject: (e: Error) => void } | null>(null);
  const { outcome } = props;

  useEffect(() => {
    if (navigation.state !== "idle" || !pending.current) return;
    if (outcome?.saved) pending.current.resolve();
    else pending.current.reject(new Error("not saved"));
    pending.current = null;
  }, [navigation.state, outcome]);

  const onSubmit = (data: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      pending.current = { resolve, reject };
      const body = new FormData();
      body.set("csrf", props.csrf);
      body.set("document", JSON.stringify(data));
      if (props.expectedVersion !== undefined) body.set("expectedVersion", String(props.expectedVersion));
      submit(body, { method: "post" });
    });
  // When the server refuses, the promise rejects: IlmForm then keeps the draft in the browser, and the
  // messages show above the form.

  const serverErrors = outcome?.errors ?? [];
  return (
    <>
      {outcome?.conflict ? (
        <div className="notice notice--warning" role="alert">
          <p>
            <strong>Someone else changed this document after you opened it.</strong> Nothing of yours was saved and
            nothing of theirs was overwritten. Your changes are kept in this browser: open the document again to see
            their version, then make your changes again.
          </p>
          <p><a href="?" className="button button--secondary">Open the latest version</a></p>
        </div>
      ) : null}
      {outcome?.saved ? <div className="notice notice--success" role="status"><p>Saved.</p></div> : null}
      <ErrorSummary
        title="The document was not saved"
        errors={serverErrors.map((e) => ({ href: `#root${e.path.replaceAll("/", "_")}`, message: e.location && e.location !== e.field ? `${e.location}: ${e.message}` : e.message }))}
      />
      <IlmForm
        ref={form}
        template={props.templateId}
        version={props.templateVersion}
        value={props.value}
        documentId={props.documentId}
        draftKey={props.documentId}
        readOnly={props.readOnly}
        onSubmit={onSubmit}
        knownNames={props.knownNames}
      />
    </>
  );
}
