import { describeError } from "@ilm-forms/core/engine";
import { IlmForm, preloadTemplate, type IlmFormHandle, type TemplateModule } from "@ilm-forms/react";
import { createRef } from "react";
import { createRoot, type Root } from "react-dom/client";
import { hostStyles } from "./hostStyles.ts";

let roots = 0;

/** A document's data (written out here so the element's types need no other package). */
export type FormData = Record<string, unknown>;

/** What `change` and `submit` events of `<ilm-form>` carry in `detail`. */
export interface IlmFormEventDetail {
  /** The document's data, as `IlmForm` hands it to `onChange` / `onSubmit`. */
  data: FormData;
  /** The template id and version the data was written against. */
  template: string;
  version: string | undefined;
}

/**
 * `<ilm-form template="ilm-8588/session-record">`: `IlmForm` of `@ilm-forms/react` in a shadow root,
 * for pages that are not React. It is form associated: inside a native `<form>` it submits its
 * document as JSON under its `name`, keeps the form from submitting while the document is invalid
 * (and then shows the errors), and reports its validity like any input.
 *
 * Attributes: `template` (an id), `version`, `value` (the document's data as JSON), `name`,
 * `readonly`, `draft-key` (`off` turns drafts off). Property `value` reads and replaces the data.
 * Events: `change` and `submit` (not bubbling) with `detail: { data, template, version }`.
 */
export class IlmFormElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ["template", "version", "value", "readonly", "draft-key"];

  readonly #internals: ElementInternals;
  readonly #container: HTMLDivElement;
  readonly #form = createRef<IlmFormHandle>();
  #root: Root | undefined;
  #module: TemplateModule | undefined;
  #data: FormData = {};
  /** The data handed to IlmForm as `value`: a new object replaces what the form shows. */
  #shown: FormData | undefined;
  #disabled = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    const shadow = this.attachShadow({ mode: "open", delegatesFocus: true });
    shadow.adoptedStyleSheets = [hostStyles()];
    this.#container = document.createElement("div");
    shadow.append(this.#container);
    // A surrounding form found the document invalid: show the errors as the form's own submit would.
    this.addEventListener("invalid", () => this.#form.current?.submit());
  }

  /** The document's data. Setting it replaces what the form shows. */
  get value(): FormData {
    return this.#data;
  }

  set value(data: FormData | undefined) {
    this.#setData(data ?? {});
    this.#render();
  }

  /** The `<form>` the element belongs to, as for any form control. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The validity state, as for any form control. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The message the browser shows when the document is invalid. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** @returns whether the document is valid, firing `invalid` when not */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** @returns whether the document is valid, showing the errors when not */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Forget the kept draft (call it once your page has saved the document). */
  clearDraft(): void {
    this.#form.current?.clearDraft();
  }

  /** Validate and, when valid, submit, as the form's own button does. */
  submit(): void {
    this.#form.current?.submit();
  }

  connectedCallback(): void {
    this.#render();
  }

  disconnectedCallback(): void {
    const root = this.#root;
    this.#root = undefined;
    // Unmount after the current task: React refuses to unmount a root while it renders.
    if (root) queueMicrotask(() => root.unmount());
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after) return;
    if (name === "value") this.#setData(parseValue(after));
    if (name === "template" || name === "version") this.#module = undefined;
    this.#render();
  }

  formResetCallback(): void {
    this.#setData(parseValue(this.getAttribute("value")));
    this.#render();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#disabled = disabled;
    this.#render();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === "string") {
      this.#setData(parseValue(state));
      this.#render();
    }
  }

  #setData(data: FormData): void {
    this.#data = data;
    this.#shown = data;
    this.#internals.setFormValue(JSON.stringify(data));
    this.#checkValidity();
  }

  #render(): void {
    const template = this.getAttribute("template");
    if (!template || !this.isConnected) return;
    const version = this.getAttribute("version") ?? undefined;
    if (!this.#module) {
      this.#internals.setValidity({ customError: true }, "The form is still loading.", this.#container);
      preloadTemplate(template, version).then(
        (module) => {
          this.#module = module;
          this.#checkValidity();
        },
        () => this.#internals.setValidity({ customError: true }, `There is no template ${template}.`, this.#container),
      );
    }
    if (this.#shown === undefined) this.#setData(parseValue(this.getAttribute("value")));
    const draftKey = this.getAttribute("draft-key");
    this.#root ??= createRoot(this.#container, { identifierPrefix: `ilm-form-${++roots}-` });
    this.#root.render(
      <IlmForm
        ref={this.#form}
        template={template}
        version={version}
        value={this.#shown}
        readOnly={this.hasAttribute("readonly") || this.#disabled}
        draftKey={draftKey === "off" ? false : (draftKey ?? "default")}
        onChange={(data) => {
          this.#data = data;
          this.#internals.setFormValue(JSON.stringify(data));
          this.#checkValidity();
          this.dispatchEvent(new CustomEvent<IlmFormEventDetail>("change", { detail: { data, template, version } }));
        }}
        onSubmit={(data) => {
          this.#data = data;
          this.#internals.setFormValue(JSON.stringify(data));
          this.#checkValidity();
          const submit = new CustomEvent<IlmFormEventDetail>("submit", { detail: { data, template, version }, cancelable: true });
          // Inside a native form, the form's own button submits that form, unless the page said no.
          if (this.dispatchEvent(submit)) this.#internals.form?.requestSubmit();
        }}
      />,
    );
  }

  /** Tells the browser whether the document is valid, with core's first message. */
  #checkValidity(): void {
    const module = this.#module;
    if (!module) return;
    if (module.validate(this.#data)) {
      this.#internals.setValidity({});
      return;
    }
    const errors = module.validate.errors ?? [];
    const first = errors[0] ? describeError(errors[0], module.template.schema).message : "The document is not complete.";
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    this.#internals.setValidity({ customError: true }, `${first}${more}`, this.#container);
  }
}

function parseValue(json: string | null): FormData {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as FormData) : {};
  } catch {
    return {};
  }
}
