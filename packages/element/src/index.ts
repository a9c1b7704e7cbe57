/**
 * `<ilm-form>`: the ILM template forms as a form-associated custom element. Importing this module
 * (or loading it with one `<script type="module">`) registers the element once.
 */
import { IlmFormElement } from "./IlmFormElement.tsx";

export { IlmFormElement } from "./IlmFormElement.tsx";
export type { FormData, IlmFormEventDetail } from "./IlmFormElement.tsx";

if (typeof customElements !== "undefined" && !customElements.get("ilm-form")) {
  customElements.define("ilm-form", IlmFormElement);
}

declare global {
  interface HTMLElementTagNameMap {
    "ilm-form": IlmFormElement;
  }
}
