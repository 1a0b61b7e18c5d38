/**
 * The history as the builds use it: the baseline (the previous Stand, or the one `SEIT` names, with the same meaning
 * as `pnpm status --seit`) and the Verlauf, read once, and a digest of exactly the versions read, for cache keys.
 */
import type { Concept } from "../model.js";
import { formatPeriod } from "../notation/period.js";
import type { ProgressHistory } from "../progress.js";
import { Digest } from "./build-cache.js";
import { type HistoryOptions, readHistory, readHistoryStates, resolveBaseline } from "./history.js";

export interface ReadProgress {
  history: ProgressHistory;
  /**
   * SHA-256 over the commits whose content went into `history` (the baseline and every earlier Stand's last
   * version) and the baseline's choice: a commit that changes no content, or one with the current Stand, leaves it
   * as it was.
   */
  digest: string;
  /** A named baseline that does not exist (a usage error of `SEIT`): its German message. */
  unknown?: string;
}

export interface ProgressOptions extends HistoryOptions {
  /** The baseline, as `pnpm status --seit` takes it: a Stand or a git revision; default the previous Stand. */
  seit?: string;
}

/** The value of `SEIT` in an environment, trimmed; undefined when it is not set or empty. */
export const seitOf = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.SEIT?.trim() || undefined;

/** Reads the history of `contentDir` for the builds: three to six git processes, however long the history is. */
export function readProgress(contentDir: string, current: Concept, options: ProgressOptions = {}): ReadProgress {
  const read = readHistory(contentDir, options);
  const baseline = resolveBaseline(contentDir, options.seit, { ...options, current, history: read });
  const states = readHistoryStates(contentDir, current, { ...options, history: read });
  const digest = new Digest().add("seit", options.seit ?? "");
  for (const s of states.states) digest.add("stand", `${formatPeriod(s.stand)} ${s.commit?.oid ?? "aktuell"}`);
  if (!baseline.found) {
    digest.add("ohne", baseline.reason);
    return {
      history: { found: false, reason: baseline.reason, states: states.states },
      digest: digest.hex(),
      ...(baseline.kind === "unknown" ? { unknown: baseline.reason } : {}),
    };
  }
  digest.add("baseline", baseline.commit.oid);
  return {
    history: {
      found: true,
      baseline: {
        stand: baseline.stand,
        chosen: baseline.chosen.by,
        ...("spec" in baseline.chosen ? { spec: baseline.chosen.spec } : {}),
        commit: { short: baseline.commit.short, date: baseline.commit.date },
        concept: baseline.concept,
      },
      states: states.states,
    },
    digest: digest.hex(),
  };
}
