import { optionId, type WidgetProps } from "@rjsf/utils";
import { ariaFor } from "../theme/describedBy.ts";

/**
 * The 1-to-10 rating row of the client feedback form (`ui:widget: "rating"`): ten native radio
 * buttons in one row, so Tab reaches the group and the arrow keys choose, as in any radio group.
 * The range comes from the schema's `minimum`/`maximum` (1 and 10 for the ILM ratings).
 *
 * @param props - RJSF's widget props
 * @returns the rating row
 */
export function RatingWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, onChange, onBlur, onFocus, schema, uiSchema, rawErrors } = props;
  const min = typeof schema.minimum === "number" ? schema.minimum : 1;
  const max = typeof schema.maximum === "number" ? schema.maximum : 10;
  const points = Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
  const aria = ariaFor(id, { schema, uiSchema, rawErrors });
  return (
    <div className="ilm-rating" id={id}>
      <span className="ilm-rating__end" aria-hidden="true">
        {min}
      </span>
      {points.map((point, index) => (
        <span className="ilm-rating__item" key={point}>
          <input
            type="radio"
            className="ilm-rating__input"
            id={optionId(id, index)}
            name={htmlName || id}
            value={point}
            checked={value === point}
            disabled={disabled || (readonly && value !== point)}
            onChange={() => !readonly && onChange(point)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
            {...aria}
          />
          <label className="ilm-rating__label" htmlFor={optionId(id, index)}>
            {point}
          </label>
        </span>
      ))}
      <span className="ilm-rating__end" aria-hidden="true">
        {max}
      </span>
    </div>
  );
}
