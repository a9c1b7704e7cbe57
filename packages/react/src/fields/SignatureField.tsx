import type { FieldProps, RJSFSchema } from "@rjsf/utils";
import { Subfield } from "./Subfield.tsx";

interface Signature {
  name?: string;
  role?: string;
  date?: string;
}

/** Today in the signer's own time zone, as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A signature block (`ui:field: "signature"`): typing one's full name is the act of signing, so the
 * name box says so; "Signed as" when the template offers roles; the date, which becomes today only at
 * the moment the person signs (an empty date is filled when a name is first typed, never before).
 *
 * @param props - RJSF's field props
 * @returns the signature block
 */
export function SignatureField(props: FieldProps) {
  const { schema, formData, errorSchema, onChange, fieldPathId, readonly, disabled, uiSchema, required } = props;
  const id = fieldPathId.$id;
  const data = (formData ?? {}) as Signature;
  const properties = (schema.properties ?? {}) as Record<string, RJSFSchema>;
  const errorsOf = (key: string) => (errorSchema?.[key] as { __errors?: string[] } | undefined)?.__errors;
  const title = (uiSchema?.["ui:title"] as string | undefined) ?? schema.title;
  const help = uiSchema?.["ui:help"] as string | undefined;
  const hint = [schema.description, help].filter(Boolean).join(" ") || undefined;
  const roles = (properties.role?.enum ?? []) as string[];

  const update = (patch: Partial<Signature>) => {
    const next: Signature = { ...data, ...patch };
    for (const key of Object.keys(next) as (keyof Signature)[]) if (next[key] === "") next[key] = undefined;
    const signing = !data.name && Boolean(next.name);
    if (signing && !next.date) next.date = todayIso();
    onChange(next, fieldPathId.path);
  };

  return (
    <fieldset className="ilm-fieldset ilm-signature" id={id} aria-describedby={hint ? `${id}__description` : undefined}>
      {title ? (
        <legend className="ilm-fieldset__legend">
          {title}
          {required ? <span className="ilm-required"> (required)</span> : null}
        </legend>
      ) : null}
      {hint ? (
        <div className="ilm-hint" id={`${id}__description`}>
          {hint}
        </div>
      ) : null}
      <Subfield id={`${id}_name`} label="Type your full name to sign" hint={hint ? undefined : "Typing your name is your signature."} errors={errorsOf("name")}>
        {(aria) => (
          <input
            id={`${id}_name`}
            name={`${id}_name`}
            className="ilm-input ilm-signature__name"
            autoComplete="name"
            value={data.name ?? ""}
            readOnly={readonly}
            disabled={disabled}
            onChange={(event) => update({ name: event.target.value })}
            {...aria}
          />
        )}
      </Subfield>
      {roles.length > 0 ? (
        <Subfield id={`${id}_role`} label={properties.role?.title ?? "Signed as"} errors={errorsOf("role")}>
          {(aria) => (
            <select
              id={`${id}_role`}
              name={`${id}_role`}
              className="ilm-select"
              value={data.role ?? ""}
              disabled={disabled || readonly}
              onChange={(event) => update({ role: event.target.value })}
              {...aria}
            >
              <option value="">Choose…</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          )}
        </Subfield>
      ) : null}
      <Subfield id={`${id}_date`} label={properties.date?.title ?? "Date"} hint="Filled in with today's date when you sign." errors={errorsOf("date")}>
        {(aria) => (
          <input
            type="date"
            id={`${id}_date`}
            name={`${id}_date`}
            className="ilm-input ilm-input--short"
            value={data.date ?? ""}
            readOnly={readonly}
            disabled={disabled}
            onChange={(event) => update({ date: event.target.value })}
            {...aria}
          />
        )}
      </Subfield>
    </fieldset>
  );
}
