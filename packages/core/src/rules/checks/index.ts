import { allFilled } from "./allFilled.ts";
import type { CheckKind } from "./context.ts";
import { countPerClient } from "./countPerClient.ts";
import { dateSpan } from "./dateSpan.ts";
import { distinctClients } from "./distinctClients.ts";
import { documentPerClient } from "./documentPerClient.ts";
import { documentsPresent } from "./documentsPresent.ts";
import { drawsOn } from "./drawsOn.ts";
import { everySessionHas } from "./everySessionHas.ts";
import { forTheAssessor } from "./forTheAssessor.ts";
import { namesAbsent } from "./namesAbsent.ts";
import { roleHours } from "./roleHours.ts";
import { sessionHours } from "./sessionHours.ts";
import { sessionRowsHave } from "./sessionRowsHave.ts";
import { sessionsRecorded } from "./sessionsRecorded.ts";
import { signedPerClient } from "./signedPerClient.ts";
import { textWritten } from "./textWritten.ts";
import { toolsJustified } from "./toolsJustified.ts";

/**
 * The check vocabulary: every kind a qualification's data may declare on a criterion, by name. A new
 * kind is a file beside this one, an entry here, its parameters in `schemas/qualification.schema.json`
 * (`$defs/check`) and a section in `docs/schema-authoring.md`.
 */
export const checkKinds = {
  sessionHours,
  roleHours,
  distinctClients,
  sessionsRecorded,
  everySessionHas,
  sessionRowsHave,
  documentPerClient,
  countPerClient,
  signedPerClient,
  documentsPresent,
  drawsOn,
  allFilled,
  dateSpan,
  textWritten,
  toolsJustified,
  namesAbsent,
  forTheAssessor,
} satisfies Record<string, CheckKind<never>>;

/** The name of a kind of the vocabulary. */
export type CheckKindName = keyof typeof checkKinds;
