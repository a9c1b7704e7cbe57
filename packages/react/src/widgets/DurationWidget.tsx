import type { WidgetProps } from "@rjsf/utils";
import { useEffect, useState } from "react";
import { ariaFor } from "../theme/describedBy.ts";

/**
 * Splits decimal hours into whole hours and minutes: 1.5 → 1 h 30 min, 0.83 → 0 h 50 min.
 *
 * @param hours - decimal hours, or undefined
 * @returns the two boxes' text
 */
export function splitHours(hours: unknown): { hours: string; minutes: string } {
  if (typeof hours !== "number" || !Number.isFinite(hours)) return { hours: "", minutes: "" };
  let whole = Math.floor(hours);
  let minutes = Math.round((hours - whole) * 60);
  if (minutes === 60) {
    whole += 1;
    minutes = 0;
  }
  return { hours: String(whole), minutes: String(minutes) };
}

/**
 * Joins hours and minutes into decimal hours, to two places as the template asks (50 minutes is
 * 0.83 hours).
 *
 * @param hours - the hours box's text
 * @param minutes - the minutes box's text
 * @returns decimal hours, undefined when both are empty, NaN when either is not a number
 */
export function joinHours(hours: string, minutes: string): number | undefined {
  if (hours.trim() === "" && minutes.trim() === "") return undefined;
  const h = hours.trim() === "" ? 0 : Number(hours);
  const m = minutes.trim() === "" ? 0 : Number(minutes);
  if (!Number.isFinite(h) || !Number.isFinite(m)) return Number.NaN;
  return Math.round((h + m / 60) * 100) / 100;
}

/**
 * Splits whole minutes into hours and minutes: 90 → 1 h 30 min.
 *
 * @param minutes - whole minutes, or undefined
 * @returns the two boxes' text
 */
export function splitMinutes(minutes: unknown): { hours: string; minutes: string } {
  if (typeof minutes !== "number" || !Number.isFinite(minutes)) return { hours: "", minutes: "" };
  const whole = Math.round(minutes);
  return { hours: String(Math.floor(whole / 60)), minutes: String(whole % 60) };
}

/**
 * Joins hours and minutes into whole minutes (1 h 30 min → 90), so durations add up exactly.
 *
 * @param hours - the hours box's text
 * @param minutes - the minutes box's text
 * @returns whole minutes, undefined when both are empty, NaN when either is not a number
 */
export function joinMinutes(hours: string, minutes: string): number | undefined {
  if (hours.trim() === "" && minutes.trim() === "") return undefined;
  const h = hours.trim() === "" ? 0 : Number(hours);
  const m = minutes.trim() === "" ? 0 : Number(minutes);
  if (!Number.isFinite(h) || !Number.isFinite(m)) return Number.NaN;
  return Math.round(h * 60 + m);
}

/**
 * A duration as two boxes, hours and minutes (`ui:widget: "duration"`), stored as the field counts:
 * whole minutes where its `x-ilm.unit` is `minutes`, decimal hours otherwise (templates before minutes).
 * The hours box carries the field's id, so the label and the error summary lead to it.
 *
 * @param props - RJSF's widget props
 * @returns the two boxes
 */
export function DurationWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, onBlur, onFocus, schema, uiSchema, rawErrors } = props;
  const inMinutes = (schema["x-ilm"] as { unit?: unknown } | undefined)?.unit === "minutes";
  const split = inMinutes ? splitMinutes : splitHours;
  const join = inMinutes ? joinMinutes : joinHours;
  const [text, setText] = useState(() => split(value));
  useEffect(() => {
    const current = join(text.hours, text.minutes);
    if (current !== value && !(current === undefined && value == null)) setText(split(value));
    // Only an outside change of the value (a draft restored, a reset) re-splits the boxes.
  }, [value]);
  const aria = ariaFor(id, { schema, uiSchema, rawErrors });
  const change = (next: { hours: string; minutes: string }) => {
    setText(next);
    const joined = join(next.hours, next.minutes);
    onChange(joined === undefined || Number.isNaN(joined) ? undefined : joined);
  };
  return (
    <div className="ilm-duration">
      <div className="ilm-duration__item">
        <label className="ilm-label ilm-label--s" htmlFor={id}>
          Hours
        </label>
        <input
          id={id}
          name={id}
          className="ilm-input ilm-input--width-3"
          inputMode="numeric"
          type="number"
          min={0}
          step={1}
          value={text.hours}
          readOnly={readonly}
          disabled={disabled}
          onChange={(event) => change({ ...text, hours: event.target.value })}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
          {...aria}
        />
      </div>
      <div className="ilm-duration__item">
        <label className="ilm-label ilm-label--s" htmlFor={`${id}-minutes`}>
          Minutes
        </label>
        <input
          id={`${id}-minutes`}
          name={`${id}-minutes`}
          className="ilm-input ilm-input--width-3"
          inputMode="numeric"
          type="number"
          min={0}
          max={59}
          step={1}
          value={text.minutes}
          readOnly={readonly}
          disabled={disabled}
          onChange={(event) => change({ ...text, minutes: event.target.value })}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
          {...aria}
        />
      </div>
    </div>
  );
}
