/**
 * An assessor's decision on a unit stays provisional until quality assurance ratifies it. The IQA may
 * instead return it with comments; the assessor then revises it and it is provisional again. A ratified
 * decision is final unless the centre reopens it (for example after an appeal or external QA).
 */
export type DecisionState = "provisional" | "returned" | "ratified";

export type DecisionAction = "ratify" | "return" | "revise" | "reopen";

/** Who may take each action. */
export type DecisionRole = "assessor" | "iqa" | "centre-admin";

interface Transition {
  from: DecisionState;
  to: DecisionState;
  by: DecisionRole[];
  commentsRequired: boolean;
}

/** Every allowed move; anything else is refused. */
export const DECISION_TRANSITIONS: Record<DecisionAction, Transition> = {
  ratify: { from: "provisional", to: "ratified", by: ["iqa"], commentsRequired: false },
  return: { from: "provisional", to: "returned", by: ["iqa"], commentsRequired: true },
  revise: { from: "returned", to: "provisional", by: ["assessor"], commentsRequired: false },
  reopen: { from: "ratified", to: "provisional", by: ["centre-admin"], commentsRequired: true },
};

/** One step in a decision's life. */
export interface DecisionEvent {
  action: DecisionAction;
  from: DecisionState;
  to: DecisionState;
  by: DecisionRole;
  at: string;
  comments?: string;
}

/** A unit decision with its history. */
export interface Decision {
  state: DecisionState;
  history: DecisionEvent[];
}

/**
 * A new decision, as the assessor records it: provisional.
 *
 * @returns the decision with an empty history
 */
export function provisionalDecision(): Decision {
  return { state: "provisional", history: [] };
}

/**
 * The actions a role may take on a decision now.
 *
 * @param decision - the decision
 * @param role - who is acting
 */
export function allowedActions(decision: Decision, role: DecisionRole): DecisionAction[] {
  return (Object.keys(DECISION_TRANSITIONS) as DecisionAction[]).filter((action) => {
    const t = DECISION_TRANSITIONS[action];
    return t.from === decision.state && t.by.includes(role);
  });
}

/**
 * Moves a decision on, or throws with the reason when the move is not allowed.
 *
 * @param decision - the current decision (not changed)
 * @param action - ratify, return, revise or reopen
 * @param by - the role taking the action, `at` (ISO time) and `comments` (required to return or reopen)
 * @returns the decision in its new state, with the step appended to its history
 */
export function transitionDecision(decision: Decision, action: DecisionAction, by: { role: DecisionRole; at: string; comments?: string }): Decision {
  const t = DECISION_TRANSITIONS[action];
  if (!t) throw new Error(`There is no action ${String(action)}`);
  if (t.from !== decision.state) throw new Error(`A ${decision.state} decision cannot be ${pastTense(action)}; only a ${t.from} one can.`);
  if (!t.by.includes(by.role)) throw new Error(`Only ${t.by.join(" or ")} may ${action} a decision, not ${by.role}.`);
  const comments = by.comments?.trim();
  if (t.commentsRequired && !comments) throw new Error(`Comments are required to ${action} a decision.`);
  const event: DecisionEvent = { action, from: t.from, to: t.to, by: by.role, at: by.at, ...(comments ? { comments } : {}) };
  return { state: t.to, history: [...decision.history, event] };
}

function pastTense(action: DecisionAction): string {
  return { ratify: "ratified", return: "returned", revise: "revised", reopen: "reopened" }[action];
}
