import { forAssessor, type CheckKind } from "./context.ts";

/**
 * `forTheAssessor`: only a person can judge the criterion. Alone, the finding is "for the assessor";
 * beside other checks, it is "for the assessor" once they are all met, never "met".
 */
export type ForTheAssessorParams = Record<string, never>;

export const forTheAssessor: CheckKind<ForTheAssessorParams> = {
  compile() {
    return { reads: [], judgement: true, run: () => forAssessor([]) };
  },
};
