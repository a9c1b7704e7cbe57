import { toPath, type ErrorListProps, type RJSFValidationError } from "@rjsf/utils";
import { useEffect, useRef, type MouseEvent } from "react";
import { pointerSegments } from "../validator/errorSchemaFrom.ts";
import { fieldIdOf, type IlmFormContext } from "./FormContext.ts";

/** What the error summary needs from the form: when a submit happened, so focus moves only then. */
export interface ErrorSummaryContext extends IlmFormContext {
  /** Goes up by one on each submit that found errors. */
  submitCount: number;
}

/**
 * The GOV.UK error summary: at the top of the form, `role="alert"` so it is announced, focused after
 * a submit that failed, one link per error that moves focus to the field.
 *
 * @param props - RJSF's error list props
 * @returns the summary
 */
export function ErrorSummary({ errors, registry }: ErrorListProps) {
  const context = registry.formContext as ErrorSummaryContext | undefined;
  const idPrefix = context?.idPrefix ?? "root";
  const submitCount = context?.submitCount ?? 0;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [submitCount]);
  if (errors.length === 0) return null;
  return (
    <div className="ilm-error-summary" role="alert" aria-labelledby={`${idPrefix}__error-summary-title`} tabIndex={-1} ref={box}>
      <h2 className="ilm-error-summary__title" id={`${idPrefix}__error-summary-title`}>
        There is a problem
      </h2>
      <ul className="ilm-error-summary__list">
        {errors.map((error, index) => {
          const target = fieldIdOf(idPrefix, segmentsOf(error));
          return (
            <li key={index}>
              <a href={`#${target}`} onClick={(event) => focusField(event, target)}>
                {error.message ?? error.stack}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function segmentsOf(error: RJSFValidationError): string[] {
  const pointer = (error as { fieldError?: { path: string } }).fieldError?.path;
  if (pointer !== undefined) return pointerSegments(pointer);
  return toPath((error.property ?? "").replace(/^\./, "")).filter(Boolean);
}

/** Moves focus to the field itself (or the first control inside a group) and its label into view. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  // The form's own tree: a shadow root when the form sits inside <ilm-form>, else the document.
  const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
  const element = root.getElementById(id);
  if (!element) return;
  event.preventDefault();
  const control = element.matches("input, textarea, select, button")
    ? element
    : element.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select, button");
  const focusable = control ?? element;
  const scrollTarget = focusable.closest(".ilm-form-group, .ilm-fieldset") ?? focusable;
  scrollTarget.scrollIntoView({ block: "start" });
  focusable.focus({ preventScroll: true });
}
