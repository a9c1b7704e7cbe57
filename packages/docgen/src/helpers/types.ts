import type Handlebars from "handlebars";

/** An isolated Handlebars environment, as `Handlebars.create()` returns it. */
export type HandlebarsEnvironment = ReturnType<typeof Handlebars.create>;
