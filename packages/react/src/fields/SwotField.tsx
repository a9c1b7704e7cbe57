import type { FieldProps, RJSFSchema } from "@rjsf/utils";
import type { IlmFormContext } from "../theme/FormContext.ts";
import { Subfield } from "./Subfield.tsx";

const QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;

/**
 * The four-quadrant SWOT grid (`ui:field: "swot"`): Strengths and Weaknesses above Opportunities and
 * Threats, each a text box with one point per line, titled as the template prints it.
 *
 * @param props - RJSF's field props
 * @returns the grid
 */
export function SwotField(props: FieldProps) {
  const { schema, formData, errorSchema, onChange, fieldPathId, readonly, disabled, registry, uiSchema } = props;
  const id = fieldPathId.$id;
  const data = (formData ?? {}) as Record<string, string | undefined>;
  const properties = (schema.properties ?? {}) as Record<string, RJSFSchema>;
  const warnings = (registry.formContext as IlmFormContext | undefined)?.warningsById;
  const title = (uiSchema?.["ui:title"] as string | undefined) ?? schema.title;
  const hint = [(uiSchema?.["ui:help"] as string | undefined), "One point per line."].filter(Boolean).join(" ");
  const update = (key: string, value: string) => {
    const next = { ...data, [key]: value === "" ? undefined : value };
    onChange(next, fieldPathId.path);
  };
  return (
    <fieldset className="ilm-fieldset ilm-swot" id={id} aria-describedby={`${id}__description`}>
      {title ? <legend className="ilm-fieldset__legend">{title}</legend> : null}
      <div className="ilm-hint" id={`${id}__description`}>
        {hint}
      </div>
      <div className="ilm-swot__grid">
        {QUADRANTS.filter((key) => key in properties).map((key) => {
          const quadrantId = `${id}_${key}`;
          const errors = (errorSchema?.[key] as { __errors?: string[] } | undefined)?.__errors;
          return (
            <div className={`ilm-swot__quadrant ilm-swot__quadrant--${key}`} key={key}>
              <Subfield id={quadrantId} label={properties[key]?.title ?? key} errors={errors} warnings={warnings?.get(quadrantId)}>
                {(aria) => (
                  <textarea
                    id={quadrantId}
                    name={quadrantId}
                    className="ilm-textarea"
                    rows={6}
                    value={data[key] ?? ""}
                    readOnly={readonly}
                    disabled={disabled}
                    onChange={(event) => update(key, event.target.value)}
                    {...aria}
                  />
                )}
              </Subfield>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
