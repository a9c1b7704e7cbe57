import css from "@ilm-forms/react/styles.css?inline";

let sheet: CSSStyleSheet | undefined;

/**
 * The form's stylesheet for a shadow root. The colours move from `.ilm-form-wrapper` to `:host`, so
 * a page sets them on the element (`ilm-form { --ilm-button: #4c2c92 }`) and they win over ours: a
 * page's rule for the host outranks the shadow root's `:host` rule. One constructed sheet is shared
 * by every element (no `<style>` element, so a `style-src` without 'unsafe-inline' is no obstacle).
 *
 * @returns the shared sheet
 */
export function hostStyles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(toHostCss(css));
  }
  return sheet;
}

/**
 * @param source - `@ilm-forms/react/styles.css`, as written or minified
 * @returns the same rules with the custom properties declared on `:host`
 */
export function toHostCss(source: string): string {
  // The build minifies the stylesheet (`.ilm-form-wrapper{--ilm-text:#0b0c0c;…`): spaces are optional.
  return source.replace(/\.ilm-form-wrapper\s*\{((?:\s*--ilm-[\w-]+\s*:[^;}]+;)+)/, (_, properties: string) => `:host{${properties}display:block}:host([hidden]){display:none}.ilm-form-wrapper{`);
}
