export declare const sha256: (bytes: string | Uint8Array) => string;

/** A digest being built from labelled parts. */
export declare class Digest {
  add(label: string, value: string | Uint8Array): this;
  file(label: string, path: string): this;
  tree(
    label: string,
    dir: string,
    options?: { keep?: (relativePath: string, name: string) => boolean; skip?: readonly string[] },
  ): this;
  hex(): string;
}

export declare function listTree(dir: string, skip?: readonly string[]): string[];
export declare function newestIn(dir: string): number;
/** `<path>@<version>` of the browser that prints the PDFs, or `none`. */
export declare function browserIdentity(path: string | undefined): string;
export declare function writeAtomic(path: string, bytes: string | Uint8Array): void;

export interface ManifestEntry {
  /** Relative to the output folder. */
  path: string;
  pages: number;
  bytes: number;
  key?: string;
  sha256?: string;
}

/** An output (a deck variant's PDF, a flyer, the report) that could not be made in the last build. */
export interface StaleOutput {
  /** The output's id: the variant, the flyer. */
  output: string;
  /** Its files, relative to the output folder; those that exist are the last good ones. */
  files: string[];
  /** Why, in German, in one sentence. */
  reason: string;
  /** Each problem as `pnpm build` prints it: `file:line:col  field  message`. */
  problems?: string[];
}

export interface Manifest<E extends ManifestEntry = ManifestEntry> {
  stand: string;
  files: E[];
  stale?: StaleOutput[];
  /** What the build tells the maintainer beside its outputs (German), e.g. why a section yields no slide. */
  notices?: string[];
}

/** A digest of the content's git history (the commits that touched the content folder) and of `SEIT`. */
export declare function historyDigest(dir: string, env?: NodeJS.ProcessEnv): string;
export declare function readManifest<M extends Manifest = Manifest>(file: string): M | undefined;
export declare function writeManifest<E extends ManifestEntry>(file: string, manifest: Manifest<E>): void;
export declare function isCurrent(entry: ManifestEntry | undefined, path: string, key: string): boolean;
