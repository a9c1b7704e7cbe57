// Stands in for @rjsf/core's components/templates/index.js inside the prebuilt entries (decision
// 043): every template but those only the left-out fields use (grid, anyOf/oneOf, fallback, cyclic
// $ref, optional data; see ./fields.ts).
import ArrayFieldDescriptionTemplate from "@rjsf/core/lib/components/templates/ArrayFieldDescriptionTemplate.js";
import ArrayFieldItemButtonsTemplate from "@rjsf/core/lib/components/templates/ArrayFieldItemButtonsTemplate.js";
import ArrayFieldItemTemplate from "@rjsf/core/lib/components/templates/ArrayFieldItemTemplate.js";
import ArrayFieldTemplate from "@rjsf/core/lib/components/templates/ArrayFieldTemplate.js";
import ArrayFieldTitleTemplate from "@rjsf/core/lib/components/templates/ArrayFieldTitleTemplate.js";
import BaseInputTemplate from "@rjsf/core/lib/components/templates/BaseInputTemplate.js";
import ButtonTemplates from "@rjsf/core/lib/components/templates/ButtonTemplates/index.js";
import DescriptionField from "@rjsf/core/lib/components/templates/DescriptionField.js";
import ErrorList from "@rjsf/core/lib/components/templates/ErrorList.js";
import FieldErrorTemplate from "@rjsf/core/lib/components/templates/FieldErrorTemplate.js";
import FieldHelpTemplate from "@rjsf/core/lib/components/templates/FieldHelpTemplate.js";
import FieldTemplate from "@rjsf/core/lib/components/templates/FieldTemplate/index.js";
import ObjectFieldTemplate from "@rjsf/core/lib/components/templates/ObjectFieldTemplate.js";
import TitleField from "@rjsf/core/lib/components/templates/TitleField.js";
import UnsupportedField from "@rjsf/core/lib/components/templates/UnsupportedField.js";
import WrapIfAdditionalTemplate from "@rjsf/core/lib/components/templates/WrapIfAdditionalTemplate.js";
import type { TemplatesType } from "@rjsf/utils";

/**
 * The default templates of the prebuilt entries.
 *
 * @returns RJSF's templates by name, as `@rjsf/core`'s `templates()` returns them, less the five only left-out fields use
 */
export default function templates(): Partial<TemplatesType> {
  return {
    ArrayFieldDescriptionTemplate,
    ArrayFieldItemButtonsTemplate,
    ArrayFieldItemTemplate,
    ArrayFieldTemplate,
    ArrayFieldTitleTemplate,
    ButtonTemplates: ButtonTemplates(),
    BaseInputTemplate,
    DescriptionFieldTemplate: DescriptionField,
    ErrorListTemplate: ErrorList,
    FieldTemplate,
    FieldErrorTemplate,
    FieldHelpTemplate,
    ObjectFieldTemplate,
    TitleFieldTemplate: TitleField,
    UnsupportedFieldTemplate: UnsupportedField,
    WrapIfAdditionalTemplate,
  } as Partial<TemplatesType>;
}
