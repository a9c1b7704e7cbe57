/** The longest text each field of a form takes (names, e-mail addresses, comments): the data layer's limits, checked again there. */
export { TEXT_LIMITS } from "@ilm-forms/db";
