import { getUiOptions, type ArrayFieldItemTemplateProps } from "@rjsf/utils";
import { useArrayFocus } from "./arrayFocus.ts";
import { TablePlacementContext, useTablePlacement } from "./FormContext.ts";

/**
 * One item of an array: a table row (numbered, its fields as cells, its buttons in the last cell)
 * or a standalone block. The buttons are real `<button>`s named with the row number ("Remove row 3"),
 * and each asks the array to put focus somewhere sensible once the change is on screen.
 *
 * @param props - RJSF's array item template props
 * @returns the item
 */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, index, totalItems, hasToolbar, parentUiSchema, readonly } = props;
  const placement = useTablePlacement();
  const requestFocus = useArrayFocus();
  const table = Boolean(getUiOptions(parentUiSchema).table) && placement === "row";
  const row = index + 1;
  const { hasMoveUp, hasMoveDown, hasRemove, onMoveUpItem, onMoveDownItem, onRemoveItem, disabled } = buttonsProps;

  const buttons =
    hasToolbar && !readonly ? (
      <div className="ilm-row-actions">
        {hasMoveUp || hasMoveDown ? (
          <>
            <button
              type="button"
              className="ilm-button ilm-button--secondary"
              data-ilm-action="up"
              disabled={disabled || !hasMoveUp || index === 0}
              onClick={(event) => {
                requestFocus?.({ row: index - 1, target: "up", length: totalItems, announce: `Row ${row} moved up to row ${row - 1}` });
                onMoveUpItem(event);
              }}
            >
              Move up<span className="ilm-visually-hidden"> row {row}</span>
            </button>
            <button
              type="button"
              className="ilm-button ilm-button--secondary"
              data-ilm-action="down"
              disabled={disabled || !hasMoveDown || index === totalItems - 1}
              onClick={(event) => {
                requestFocus?.({ row: index + 1, target: "down", length: totalItems, announce: `Row ${row} moved down to row ${row + 1}` });
                onMoveDownItem(event);
              }}
            >
              Move down<span className="ilm-visually-hidden"> row {row}</span>
            </button>
          </>
        ) : null}
        {hasRemove ? (
          <button
            type="button"
            className="ilm-button ilm-button--warning"
            data-ilm-action="remove"
            disabled={disabled}
            onClick={(event) => {
              requestFocus?.({ row: index, target: "remove", length: totalItems - 1, announce: `Row ${row} removed` });
              onRemoveItem(event);
            }}
          >
            Remove<span className="ilm-visually-hidden"> row {row}</span>
          </button>
        ) : null}
      </div>
    ) : null;

  if (table) {
    return (
      <tr className="ilm-table__row" data-ilm-row={index}>
        <th scope="row" className="ilm-table__number">
          {row}
        </th>
        <TablePlacementContext.Provider value="row">{children}</TablePlacementContext.Provider>
        {readonly ? null : <td className="ilm-table__cell ilm-table__actions">{buttons}</td>}
      </tr>
    );
  }
  return (
    <div className="ilm-array__item" data-ilm-row={index}>
      <TablePlacementContext.Provider value={undefined}>{children}</TablePlacementContext.Provider>
      {buttons}
    </div>
  );
}
