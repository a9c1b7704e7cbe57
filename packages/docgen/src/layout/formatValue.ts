import type { ValueFormat } from "./types.ts";

/**
 * Writes a value as the paper form would show it: dates as dd/mm/yyyy, numbers with their unit,
 * booleans as Yes/No, lists one item a line. Always returns plain text: escaping is the template's job.
 *
 * @param value - the value from the document (anything: documents can be drafts)
 * @param format - from {@link valueFormat}
 * @returns the text, or `""` when there is no value
 */
export function formatValue(value: unknown, format: ValueFormat): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return format.date ? formatDate(value) : value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    if (format.unit === "minutes" && Number.isInteger(value) && value >= 60) return hoursAndMinutes(value);
    return format.unit ? `${value} ${value === 1 ? format.unit.replace(/s$/, "") : format.unit}` : String(value);
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((item) => formatValue(item, { type: "unknown" })).join("\n");
  if (typeof value === "object") {
    return Object.values(value as Record<string, unknown>)
      .map((item) => formatValue(item, { type: "unknown" }))
      .filter(Boolean)
      .join(", ");
  }
  return String(value);
}

/** Whole minutes as the form reads them: 90 → `1 hour 30 minutes`, 120 → `2 hours`. */
function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = `${h} ${h === 1 ? "hour" : "hours"}`;
  return m === 0 ? hours : `${hours} ${m} ${m === 1 ? "minute" : "minutes"}`;
}

/** `yyyy-mm-dd` (ASCII digits, nothing around it) as `dd/mm/yyyy`; any other text as it is. */
function formatDate(value: string): string {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return value;
  for (const at of DIGITS) {
    const code = value.charCodeAt(at);
    if (code < ZERO || code > NINE) return value;
  }
  return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
}

const DASH = 45;
const ZERO = 48;
const NINE = 57;
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
