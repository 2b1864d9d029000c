/*
 * The live state of SLOs read from Prometheus, as the infra backend answers it
 * (GET /api/infra/slos/live and the overview's live columns).
 */

/** One sample of an instant vector: its labels and its value. */
export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

/** The error ratio and burn rate over one window (`1h`, `6h`, ...). */
export interface BurnRateReading {
  window: string;
  minutes: number;
  /** Fraction of bad events over the window. */
  errorRatio: number;
  /** errorRatio / (1 - objective): 1 spends the budget exactly over the SLO window. */
  burnRate: number;
}

/** How the budget stands, in words (never colour alone). */
export type BudgetStatus = 'healthy' | 'low' | 'exhausted';

export interface SloReading {
  /** Fraction of good events over the SLO window (the period ratio); undefined without traffic. */
  sli?: number;
  /** As a fraction: 0.9995 */
  objective: number;
  /** 1 - objective */
  errorBudgetRatio: number;
  /** Share of the window's error budget left: 1 untouched, 0 spent, below 0 overspent. */
  budgetRemaining: number;
  /** The budget as minutes of full outage over the window. */
  budgetMinutes: number;
  /** What is left of it, in minutes of full outage (negative when overspent). */
  budgetRemainingMinutes: number;
  status: BudgetStatus;
  /** Burn rate per window, shortest first; windows without traffic are left out. */
  burnRates: BurnRateReading[];
}

/** An alert of the SLO's rules that is firing now. */
export interface FiringAlert {
  name: string;
  severity?: string;
  /** ISO 8601 */
  activeAt?: string;
  summary?: string;
}

/** One point of the budget history: time (ms since epoch) and budget remaining. */
export interface BudgetPoint {
  t: number;
  remaining: number;
}

/** Why an SLO has no live data, each with what to do about it. */
export type LiveProblem =
  | { kind: 'not-configured'; message: string }
  | { kind: 'no-data'; message: string; query: string }
  | { kind: 'unreachable'; message: string; prometheus: string };

/** One SLO on the card: its reading, or the problem that stopped it. */
export type SloLive =
  | {
      sloRef: string;
      state: 'live';
      prometheus: string;
      /** True when that Prometheus serves demo data (backfilled history). */
      demo: boolean;
      reading: SloReading;
      alerts: FiringAlert[];
      history: BudgetPoint[];
      /** Step of the history in seconds. */
      historyStepSeconds: number;
    }
  | { sloRef: string; state: 'problem'; problem: LiveProblem };

/** GET /api/infra/slos/live?entityRef=...: the live state of every SLO of a service. */
export interface ServiceSlosLive {
  entityRef: string;
  slos: SloLive[];
  /** ISO 8601 */
  generatedAt: string;
}

/** The overview's live columns for one SLO. */
export interface SloLiveSummary {
  /** Share of the budget left; undefined when Prometheus has no value for it. */
  budgetRemaining?: number;
  /** A burn-rate alert of this SLO is firing. */
  burning: boolean;
}
