#!/usr/bin/env node
/** `pnpm dev [variante]` and `pnpm dev:flyers`: builds the shared packages, then starts the live preview. */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [target, ...args] = process.argv.slice(2);
// target: "deck" (pnpm dev [variante]) or "flyers" (pnpm dev:flyers)
const bin = join(root, "node_modules", ".bin");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
const prep = spawnSync(
  join(bin, "turbo"),
  ["run", "build", "--filter=@dus-opendata/concept", "--filter=@dus-opendata/brand", "--output-logs=errors-only"],
  { cwd: root, env, stdio: "inherit" },
);
if (prep.status !== 0) process.exit(prep.status ?? 1);
const app = target === "flyers" ? ["apps/flyer", "src/cli.tsx", "watch"] : ["apps/deck", "scripts/dev.ts"];
const run = spawnSync(join(bin, "tsx"), [app[1], ...app.slice(2), ...args.filter((a) => a !== "--")], {
  cwd: join(root, app[0]),
  env,
  stdio: "inherit",
});
process.exit(run.status ?? 0);
