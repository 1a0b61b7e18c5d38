/**
 * A copy of the repository to run `pnpm build` in without touching the real out/: its tracked files are copied,
 * its node_modules folders are links to the real ones (nothing installed again).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { root } from "./build-outputs.js";

export function sandboxRepo(at: string): string {
  const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const f of tracked) {
    if (!existsSync(join(root, f))) continue;
    mkdirSync(dirname(join(at, f)), { recursive: true });
    cpSync(join(root, f), join(at, f));
  }
  // The installed dependencies and the shared packages' builds, as links.
  const workspaces = [
    "",
    ...["apps", "packages"].flatMap((g) =>
      tracked.filter((f) => f.startsWith(`${g}/`) && f.endsWith("/package.json")).map((f) => dirname(f)),
    ),
  ];
  for (const w of workspaces) {
    const nm = join(root, w, "node_modules");
    if (existsSync(nm)) symlinkSync(nm, join(at, w, "node_modules"));
    for (const built of ["dist", "dist-types"]) {
      const from = join(root, w, built);
      if (w.startsWith("packages/") && existsSync(from)) cpSync(from, join(at, w, built), { recursive: true });
    }
  }
  execFileSync("git", ["init", "-q"], { cwd: at });
  return at;
}
