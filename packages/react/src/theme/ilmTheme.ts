import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from "@rjsf/utils";
import { SignatureField } from "../fields/SignatureField.tsx";
import { SwotField } from "../fields/SwotField.tsx";
import { BaseInputTemplate } from "../widgets/BaseInputTemplate.tsx";
import { CheckboxWidget } from "../widgets/CheckboxWidget.tsx";
import { CheckboxesWidget, RadioWidget } from "../widgets/ChoiceWidgets.tsx";
import { ClauseWidget } from "../widgets/ClauseWidget.tsx";
import { DurationWidget } from "../widgets/DurationWidget.tsx";
import { RatingWidget } from "../widgets/RatingWidget.tsx";
import { SelectWidget } from "../widgets/SelectWidget.tsx";
import { TextareaWidget } from "../widgets/TextareaWidget.tsx";
import { WordCountWidget } from "../wordCount/lazyWordCount.tsx";
import { ArrayFieldItemTemplate } from "./ArrayFieldItemTemplate.tsx";
import { ArrayFieldTemplate } from "./ArrayFieldTemplate.tsx";
import { AddButton, SubmitButton } from "./buttons.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldTemplate } from "./FieldTemplate.tsx";
import { ObjectFieldTemplate } from "./ObjectFieldTemplate.tsx";

/** An RJSF theme: the parts `<Form>` accepts as `templates`, `widgets` and `fields`. */
export interface FormTheme {
  templates?: Partial<Omit<TemplatesType, "ButtonTemplates">> & { ButtonTemplates?: Partial<TemplatesType["ButtonTemplates"]> };
  widgets?: RegistryWidgetsType;
  fields?: RegistryFieldsType;
}

/**
 * The ILM widgets and fields that the templates' `.ui.json` files name. Any theme needs these, so
 * they are merged into a host's own theme too.
 */
export const ilmWidgets: RegistryWidgetsType = {
  rating: RatingWidget,
  duration: DurationWidget,
  clause: ClauseWidget,
  "word-count": WordCountWidget,
};

/** The ILM fields (`ui:field`) the templates name. */
export const ilmFields: RegistryFieldsType = {
  swot: SwotField,
  signature: SignatureField,
};

/**
 * The default look: plain, accessible HTML in the spirit of the GOV.UK Design System (large labels,
 * hints under labels, errors beside the field and summarised at the top). Style it with
 * `@ilm-forms/react/styles.css` or your own CSS over the `ilm-` classes.
 */
export const ilmTheme: Required<FormTheme> = {
  templates: {
    FieldTemplate,
    ObjectFieldTemplate,
    ArrayFieldTemplate,
    ArrayFieldItemTemplate,
    ErrorListTemplate: ErrorSummary,
    BaseInputTemplate,
    ButtonTemplates: { SubmitButton, AddButton },
  },
  widgets: {
    ...ilmWidgets,
    TextareaWidget,
    SelectWidget,
    CheckboxWidget,
    RadioWidget,
    CheckboxesWidget,
  },
  fields: { ...ilmFields },
};
