/** The demo learners: two complete ones, and one for each named way of falling short. */
export type DemoProfile =
  | "certificate-complete"
  | "diploma-complete"
  | "short-hours"
  | "fourth-client-no-record"
  | "fourth-client-with-record"
  | "short-supervision"
  | "missing-reflective-log"
  | "unsigned-contract"
  | "pdp-11-months"
  | "client-named"
  | "diploma-60-sessions";

/** The shape of one profile's portfolio. Numbers here describe demo data, never the rules. */
export interface ProfilePlan {
  route: "certificate" | "diploma";
  clients: number;
  /** Total coaching hours, split across the clients in quarter hours. */
  hours: number;
  /** A fixed number of sessions per client (for benchmarks); otherwise as the hours need. */
  sessionsPerClient?: number;
  /** Durations of the supervision sessions, in hours. */
  supervision: number[];
  pdpMonths: number;
  exceptionalRecord?: boolean;
  dropReflectiveLog?: boolean;
  unsignedContract?: boolean;
  nameClient?: boolean;
  /** Adds the evidence of issue 21's templates: introduction, written statements, Unit 503 summary statements, an assessor's observation, a witness testimony. */
  evidenceStatements?: boolean;
}

const certificate: ProfilePlan = { route: "certificate", clients: 3, hours: 19.5, supervision: [0.75, 0.5], pdpMonths: 13 };
const diploma: ProfilePlan = { route: "diploma", clients: 6, hours: 56, supervision: [1, 1.25, 1], pdpMonths: 14 };

export const PROFILES: Record<DemoProfile, ProfilePlan> = {
  "certificate-complete": { ...certificate, evidenceStatements: true },
  "diploma-complete": { ...diploma, evidenceStatements: true },
  "short-hours": { ...certificate, hours: 17.5 },
  "fourth-client-no-record": { ...certificate, clients: 4, hours: 20 },
  "fourth-client-with-record": { ...certificate, clients: 4, hours: 20, exceptionalRecord: true },
  "short-supervision": { ...certificate, supervision: [0.83] },
  "missing-reflective-log": { ...certificate, dropReflectiveLog: true },
  "unsigned-contract": { ...certificate, unsignedContract: true },
  "pdp-11-months": { ...certificate, pdpMonths: 11 },
  "client-named": { ...certificate, nameClient: true },
  "diploma-60-sessions": { ...diploma, hours: 66, sessionsPerClient: 10 },
};

/** Every profile name, in a stable order. */
export const DEMO_PROFILES = Object.keys(PROFILES) as DemoProfile[];
