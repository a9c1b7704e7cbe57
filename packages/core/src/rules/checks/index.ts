import type { CheckId } from "../evidenceSources.ts";
import { confidentiality } from "./confidentiality.ts";
import type { Check } from "./context.ts";
import { clients, coachingHours } from "./hours.ts";
import { clientFeedback, contracts, developmentNeeds, programmePlans } from "./perClient.ts";
import { reflectiveLogs, sessionRecords } from "./sessions.ts";
import { supervisionHours, supervisionPresent, supervisorFeedback } from "./supervision.ts";
import { toolsJustified } from "./tools.ts";
import { cpdMonitoring, pdp, reflectionPresent, swot } from "./unit503.ts";

/** Every check by its id. */
export const checks: Record<CheckId, Check> = {
  programmePlans,
  developmentNeeds,
  contracts,
  coachingHours,
  clients,
  sessionRecords,
  confidentiality,
  clientFeedback,
  supervisorFeedback,
  reflectiveLogs,
  toolsJustified,
  supervisionHours,
  supervisionPresent,
  reflectionPresent,
  swot,
  pdp,
  cpdMonitoring,
};
