export * from "./json-schema.js";
export * from "./node/content-error.js";
export * from "./node/environment.js";
export * from "./node/file-source.js";
export * from "./node/history.js";
export * from "./node/is-entry.js";
export * from "./node/load-concept.js";
export * from "./node/read-yaml.js";
