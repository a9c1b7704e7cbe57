import type { FieldWarning } from "@ilm-forms/react";
import type { PortfolioDocument } from "@ilm-forms/core";

/**
 * The gallery's confidentiality check. Core's `findNamedPeople` is not exported yet, so this is a
 * stand-in that flags a capitalised "Mr/Mrs/Ms/Dr <Name>" in free text; it is replaced by core's
 * function once core exports it.
 */
export function confidentialityCheck(document: PortfolioDocument): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") {
      const match = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][a-z]+/.exec(value);
      if (match) warnings.push({ path, message: `This seems to name someone (“${match[0]}”). Refer to clients by reference only, for example “Client 1”.` });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}/${index}`));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) visit(item, `${path}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  visit(document.data, "");
  return warnings;
}
