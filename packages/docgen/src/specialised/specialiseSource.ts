import type { ClausePlan, FieldPlan, PlanNode } from "../layout/types.ts";

/**
 * Handlebars source for one template's layout plan, with every piece of fixed text (markup, titles,
 * help) held apart in `statics` and referenced as `{{__sN}}`. The build swaps those references for
 * content nodes after parsing, so no title is ever read as Handlebars syntax and the fixed text is
 * exactly what the generic partials print. Values are `{{[N]}}`: slot N of the array that
 * {@link bindValues} fills, in the same walk order.
 */
export interface SpecialisedSource {
  source: string;
  statics: string[];
}

/** Handlebars' own `escapeExpression`, passed in so this file needs no compiler. */
export type Escape = (text: string) => string;

const BLANK = "____";

/**
 * Writes the specialised source of a plan's nodes: the markup of `src/templates/<kind>.hbs` for each
 * node, unrolled, with the fixed text already escaped. Arrays in the data (table rows, list items,
 * repeated entries) stay `{{#each}}` blocks over nested slots.
 *
 * @param nodes - `planTemplate(template).nodes`
 * @param escape - `Handlebars.Utils.escapeExpression`
 * @returns the source and its fixed texts
 */
export function specialiseSource(nodes: PlanNode[], escape: Escape): SpecialisedSource {
  const out = new Emitter(escape);
  emitNodes(nodes, out, { next: 0 });
  return out.finish();
}

interface Scope {
  next: number;
}

class Emitter {
  private readonly parts: string[] = [];
  private readonly statics: string[] = [];
  private pending = "";
  constructor(readonly escape: Escape) {}
  text(markup: string): void {
    this.pending += markup;
  }
  value(scope: Scope): number {
    const slot = scope.next++;
    this.code(`{{[${slot}]}}`);
    return slot;
  }
  code(source: string): void {
    this.flush();
    this.parts.push(source);
  }
  finish(): SpecialisedSource {
    this.flush();
    return { source: this.parts.join(""), statics: this.statics };
  }
  private flush(): void {
    if (this.pending === "") return;
    this.parts.push(`{{__s${this.statics.length}}}`);
    this.statics.push(this.pending);
    this.pending = "";
  }
}

function emitNodes(nodes: PlanNode[], out: Emitter, scope: Scope): void {
  const e = out.escape;
  for (const node of nodes) {
    switch (node.kind) {
      case "fields":
        out.text('<table class="kv"><tbody>');
        for (const row of node.rows) {
          if (row.hideLabel) out.text('<tr><td colspan="2" class="text">');
          else out.text(`<tr><th scope="row">${e(row.title)}${row.help ? `<span class="help">${e(row.help)}</span>` : ""}</th><td${textClass(row)}>`);
          out.value(scope);
          out.text("</td></tr>");
        }
        out.text("</tbody></table>\n");
        break;
      case "grid":
        if (!(node.columns >= 1)) throw new Error(`a grid needs at least one column, not ${node.columns}`);
        out.text('<table class="kv grid"><tbody>');
        for (let i = 0; i < node.cells.length; i += node.columns) {
          out.text("<tr>");
          for (const cell of node.cells.slice(i, i + node.columns)) {
            out.text(`<th scope="row">${e(cell.title)}</th><td>`);
            out.value(scope);
            out.text("</td>");
          }
          out.text("</tr>");
        }
        out.text("</tbody></table>\n");
        break;
      case "section":
        out.text(`<section class="group">\n<h2>${e(node.title)}</h2>\n${node.description ? `<p class="intro">${e(node.description)}</p>` : ""}\n`);
        emitNodes(node.children, out, scope);
        out.text("\n</section>\n");
        break;
      case "ratings":
        out.text('<table class="ratings"><tbody>');
        for (const item of node.items) {
          out.text(`<tr><th scope="row">${e(item.title)}</th>`);
          for (let score = node.min; score <= node.max; score++) {
            out.text("<td");
            out.code(`{{#if [${scope.next++}]}}`);
            out.text(' class="chosen"');
            out.code("{{/if}}");
            out.text(`>${e(String(score))}</td>`);
          }
          out.text("</tr>");
        }
        out.text("</tbody></table>\n");
        break;
      case "swot":
        out.text(`<section class="group swot">\n<h2>${e(node.title)}</h2>\n<table class="swot-grid"><tbody>`);
        for (const row of [node.quadrants.slice(0, 2), node.quadrants.slice(2, 4)]) {
          out.text("<tr>");
          for (const quadrant of row) {
            out.text(`<td><h3>${e(quadrant.title)}</h3><div class="text">`);
            out.value(scope);
            out.text("</div></td>");
          }
          out.text("</tr>");
        }
        out.text("</tbody></table>\n</section>\n");
        break;
      case "signature":
        out.text(`<table class="kv signature"><tbody><tr><th scope="row">${e(node.title)}</th><td class="sign">`);
        out.value(scope);
        out.text(`</td><th scope="row" class="date-label">${e(node.dateTitle)}</th><td class="date">`);
        out.value(scope);
        out.text(`</td></tr></tbody></table>\n${node.help ? `<p class="help">${e(node.help)}</p>` : ""}\n`);
        break;
      case "clauses":
        out.text('<ul class="clauses">');
        for (const clause of node.items) emitClause(clause, out, scope);
        out.text("</ul>\n");
        break;
      case "table": {
        const columns = node.columns.map((column) => `<th scope="col">${e(column.title)}</th>`).join("");
        out.text(`<section class="group">\n<h2>${e(node.title)}</h2>\n${node.description ? `<p class="intro">${e(node.description)}</p>` : ""}\n`);
        out.text(`<table class="rows"><thead><tr>${columns}</tr></thead><tbody>`);
        out.code(`{{#each [${scope.next++}]}}`);
        out.text("<tr>");
        const row: Scope = { next: 0 };
        for (const column of node.columns) {
          out.text(`<td${textClass(column)}>`);
          out.value(row);
          out.text("</td>");
        }
        out.text("</tr>");
        out.code("{{else}}");
        out.text(`<tr>${"<td>&nbsp;</td>".repeat(node.columns.length)}</tr>`);
        out.code("{{/each}}");
        out.text("</tbody></table>\n</section>\n");
        break;
      }
      case "list":
        out.text(`<section class="group list">\n<h2>${e(node.title)}</h2>\n${node.help ? `<p class="help">${e(node.help)}</p>` : ""}\n<ul>`);
        out.code(`{{#each [${scope.next++}]}}`);
        out.text("<li>");
        out.code("{{this}}");
        out.text("</li>");
        out.code("{{else}}");
        out.text("<li>&nbsp;</li>");
        out.code("{{/each}}");
        out.text("</ul>\n</section>\n");
        break;
      case "repeat":
        out.text(`<section class="group">\n<h2>${e(node.title)}</h2>\n`);
        out.code(`{{#each [${scope.next++}]}}`);
        out.text(`<section class="entry"><h3>${e(node.itemTitle)} `);
        out.code("{{inc @index}}");
        out.text("</h3>");
        emitNodes(node.children, out, { next: 0 });
        out.text("</section>");
        out.code("{{/each}}");
        out.text("\n</section>\n");
        break;
    }
  }
}

function emitClause(clause: ClausePlan, out: Emitter, scope: Scope): void {
  const e = out.escape;
  out.text('<li><span class="tick">');
  out.code(`{{#if [${scope.next++}]}}`);
  out.text("☑");
  out.code("{{else}}");
  out.text("☐");
  out.code("{{/if}}");
  const { before, after } = clauseWords(clause);
  out.text(`</span> ${e(before)}`);
  if (clause.numberKey) {
    const slot = scope.next++;
    out.code(`{{#if [${slot}]}}`);
    out.text('<span class="inline-number">');
    out.code(`{{[${slot}]}}`);
    out.text(`</span>${e(after)}`);
    out.code("{{/if}}");
  }
  out.text("</li>");
}

/**
 * A clause's words either side of its blank, as the generic `clauses` partial prints them.
 *
 * @param clause - the clause's plan
 * @returns the words before and after the number
 */
export function clauseWords(clause: ClausePlan): { before: string; after: string } {
  if (!clause.numberKey) return { before: clause.title, after: "" };
  const at = clause.title.indexOf(BLANK);
  if (at < 0) return { before: `${clause.title} (`, after: ")" };
  return { before: clause.title.slice(0, at), after: clause.title.slice(at + BLANK.length) };
}

function textClass(field: FieldPlan): string {
  return field.format.multiline ? ' class="text"' : "";
}
