import type { JsonSchema, Template } from "@ilm-forms/core";
import { asObject, resolveSchema } from "../layout/resolveSchema.ts";

/** Strings that would become markup, attributes or script if anything printed data unescaped. */
export const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "`${alert(1)}` `backticks`",
  "javascript:alert(1)",
  '<a href="javascript:alert(1)">click</a>',
  "</style><script>alert(1)</script>",
  "<!-- comment --> ]]> <![CDATA[x]]>",
  "{{constructor.constructor 'alert(1)'}} {{{raw}}}",
  "&lt;b&gt; &amp; &#x3C;svg onload=alert(1)&#x3E;",
  "<svg/onload=alert(1)>",
  "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
  "Line one\nLine two\r\n\tindented \u2028 \u0000 end",
  "Ünïcødé ‘quotes’ “double” — dash 🙂",
  "__proto__",
];

/**
 * Generates a document for a template from its schema, with a seeded random source: objects with
 * their properties, arrays of 0 to 3 items, enum values, dates, numbers, and strings taken from
 * {@link HOSTILE_STRINGS} mixed with plain words. It follows the schema's shapes, not its limits:
 * the renderer must print drafts and bad data safely too.
 *
 * @param template - the template to fill in
 * @param random - from `seededRandom(seed)`
 * @param hostile - share of strings that are hostile (0 to 1)
 * @returns the document's data
 */
export function generateDocument(template: Template, random: () => number, hostile = 0.6): Record<string, unknown> {
  return (asObject(generate(template.schema, template.schema, random, hostile, 0)) ?? {}) as Record<string, unknown>;
}

function generate(raw: JsonSchema, root: JsonSchema, random: () => number, hostile: number, depth: number): unknown {
  const schema = resolveSchema(raw, root);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pick(schema.enum);
  const properties = asObject(schema.properties);
  if (properties) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(properties)) {
      if (random() < 0.9 && depth < 6) out[key] = generate(asObject(child) ?? {}, root, random, hostile, depth + 1);
    }
    return out;
  }
  const minimum = typeof schema.minimum === "number" ? schema.minimum : 0;
  const maximum = typeof schema.maximum === "number" ? schema.maximum : 100;
  switch (schema.type) {
    case "array": {
      const items = asObject(schema.items) ?? {};
      return Array.from({ length: Math.floor(random() * 4) }, () => generate(items, root, random, hostile, depth + 1));
    }
    case "integer":
      return minimum + Math.floor(random() * (maximum - minimum + 1));
    case "number":
      return Math.round((minimum + random() * (Math.min(maximum, 24) - minimum)) * 100) / 100 || 0.5;
    case "boolean":
      return random() < 0.7;
    default: {
      const role = asObject(schema["x-ilm"])?.role;
      if (schema.format === "date" || role === "date" || role === "session-date") {
        return random() < 0.85 ? `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}` : pick(HOSTILE_STRINGS);
      }
      if (typeof schema.pattern === "string" && random() < 0.5) return "a".repeat(64);
      const words = random() < hostile ? pick(HOSTILE_STRINGS) : pick(["Client 2", "Agreed actions", "Weekly review", "Priya Shah"]);
      return random() < 0.3 ? `${words} ${pick(HOSTILE_STRINGS)}` : words;
    }
  }
}
