#!/usr/bin/env node
/** `pnpm redaktion [--port N]`: builds what the editor needs (its page, the shared packages), then starts it. */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "node_modules", ".bin");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const prep = spawnSync(
  join(bin, "turbo"),
  [
    "run",
    "build",
    "--filter=@dus-opendata/redaktion",
    "--filter=@dus-opendata/brand",
    "--filter=@dus-opendata/typeset",
    "--output-logs=errors-only",
  ],
  { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] },
);
if (prep.status !== 0) {
  process.stderr.write("Der Editor ließ sich nicht bauen (Meldungen oben).\n");
  process.exit(prep.status ?? 1);
}
const run = spawnSync(join(bin, "tsx"), ["src/server/cli.ts", ...process.argv.slice(2).filter((a) => a !== "--")], {
  cwd: join(root, "apps", "redaktion"),
  env,
  stdio: "inherit",
});
process.exit(run.status ?? 0);
