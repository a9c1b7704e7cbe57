import type { PortfolioDocument, RegistryEntry } from "@ilm-forms/core/engine";
import type { ReactNode } from "react";
import type { FieldWarning } from "../theme/FormContext.ts";
import type { FormTheme } from "../theme/ilmTheme.ts";

/** A template with its precompiled validator: a registry entry, or a module of `@ilm-forms/core/templates/…`. */
export type TemplateModule = RegistryEntry;

/** The form's data: the `data` of a portfolio document. */
export type FormData = Record<string, unknown>;

/** The props shared by both entry points of `IlmForm`. */
export interface IlmFormBaseProps {
  /** The document to show: a saved document, or nothing for a blank form. A new object replaces the form's data. */
  value?: FormData | undefined;
  /** Called with the data on every change. */
  onChange?: ((data: FormData) => void) | undefined;
  /**
   * Called with valid data when the person submits. Return a promise: when it resolves the draft is
   * forgotten; when it rejects the draft is kept. A plain return counts as saved.
   */
  onSubmit?: ((data: FormData) => void | Promise<unknown>) | undefined;
  /** Show a completed document: nothing can be changed, no drafts are kept. */
  readOnly?: boolean | undefined;
  /**
   * Drafts: the unsaved data is kept in localStorage under the template id, version and this key
   * (use the document's id) until `onSubmit` resolves or `clearDraft()` is called. `false` turns
   * drafts off. Default `"default"`.
   */
  draftKey?: string | false | undefined;
  /** The document's id, passed to `checkConfidentiality`. */
  documentId?: string | undefined;
  /**
   * Warnings shown beside fields while the person types, called a moment after typing stops. By
   * default core's name scan (`@ilm-forms/core/confidentiality`): text that seems to name a person.
   * Pass your own function to replace it, or `() => []` to turn it off.
   */
  checkConfidentiality?: ((document: PortfolioDocument) => FieldWarning[]) | undefined;
  /**
   * Names the learner has written elsewhere (their own name, their clients' real names if the host
   * knows them): the default confidentiality check also warns when one of them appears in free text.
   */
  knownNames?: string[] | undefined;
  /** Another look: RJSF templates, widgets and fields merged over (or instead of) the default theme. */
  theme?: FormTheme | undefined;
  /** With `theme`: start from RJSF's own core theme instead of this package's GOV.UK-style one. */
  replaceTheme?: boolean | undefined;
  /**
   * The prefix of field ids. By default the first form on the page uses `root` (`root_clientRef`)
   * and every further form its own (`ilm-form-2_clientRef`), so two forms never share an id; set it
   * when your page links to fields by id.
   */
  idPrefix?: string | undefined;
  /** Extra class on the `<form>`. */
  className?: string | undefined;
  /** Replaces the submit button (for example with your own buttons). */
  children?: ReactNode | undefined;
}

/** What a host can do to a mounted form through a ref. */
export interface IlmFormHandle {
  /** Forget the draft: call it once your application has saved the document. */
  clearDraft(): void;
  /** Validate and, when valid, submit, as the submit button does. */
  submit(): void;
}
