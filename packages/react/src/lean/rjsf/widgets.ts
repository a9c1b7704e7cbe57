// Stands in for @rjsf/core's components/widgets/index.js inside the prebuilt entries (decision 043):
// RJSF's own widgets for what an ILM template's schema and ui hints can name (text, textarea,
// select, checkbox, radio, checkboxes, up-down, date), so a host theme with `replaceTheme` still
// gets them; the rest (file, colour, range, password, email, url, hidden, time, alt-date…) is one
// small stand-in. src/lean/leanBundle.test.tsx (every template rendered from the bundle and from
// the sources, compared) proves no ILM template names a widget left out.
import CheckboxesWidget from "@rjsf/core/lib/components/widgets/CheckboxesWidget.js";
import CheckboxWidget from "@rjsf/core/lib/components/widgets/CheckboxWidget.js";
import DateWidget from "@rjsf/core/lib/components/widgets/DateWidget.js";
import RadioWidget from "@rjsf/core/lib/components/widgets/RadioWidget.js";
import SelectWidget from "@rjsf/core/lib/components/widgets/SelectWidget.js";
import TextareaWidget from "@rjsf/core/lib/components/widgets/TextareaWidget.js";
import TextWidget from "@rjsf/core/lib/components/widgets/TextWidget.js";
import UpDownWidget from "@rjsf/core/lib/components/widgets/UpDownWidget.js";
import type { RegistryWidgetsType } from "@rjsf/utils";
import { NotInBundle } from "./NotInBundle.tsx";

/** RJSF's widget names that the prebuilt entries leave out (each is `NotInBundle`). */
export const LEFT_OUT_WIDGETS = ["AltDateWidget", "AltDateTimeWidget", "ColorWidget", "DateTimeWidget", "EmailWidget", "FileWidget", "HiddenWidget", "PasswordWidget", "RangeWidget", "RatingWidget", "TimeWidget", "URLWidget"] as const;

/**
 * The default widgets of the prebuilt entries.
 *
 * @returns RJSF's widgets by name, as `@rjsf/core`'s `widgets()` returns them
 */
export default function widgets(): RegistryWidgetsType {
  const kept = { CheckboxesWidget, CheckboxWidget, DateWidget, RadioWidget, SelectWidget, TextareaWidget, TextWidget, UpDownWidget } as RegistryWidgetsType;
  return { ...Object.fromEntries(LEFT_OUT_WIDGETS.map((name) => [name, NotInBundle])), ...kept };
}
