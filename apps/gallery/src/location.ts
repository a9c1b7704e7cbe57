/** What the gallery shows, kept in the address so a view can be linked and reloaded. */
export interface GalleryView {
  template: string;
  /** `valid` (the first valid example), `empty`, or `invalid-N`. */
  example: string;
  readOnly: boolean;
  drafts: boolean;
}

/** @returns the view the address asks for */
export function readView(defaultTemplate: string): GalleryView {
  const params = new URLSearchParams(window.location.search);
  return {
    template: params.get("template") ?? defaultTemplate,
    example: params.get("example") ?? "valid",
    readOnly: params.get("readonly") === "1",
    drafts: params.get("drafts") === "1",
  };
}

/** Puts a view in the address (and the history). */
export function writeView(view: GalleryView): void {
  const params = new URLSearchParams();
  params.set("template", view.template);
  params.set("example", view.example);
  if (view.readOnly) params.set("readonly", "1");
  if (view.drafts) params.set("drafts", "1");
  window.history.pushState(null, "", `?${params.toString()}`);
}
