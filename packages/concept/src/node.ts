export * from "./json-schema.js";
export * from "./node/check-summary.js";
export * from "./node/check-texts.js";
export * from "./node/content-error.js";
export * from "./node/environment.js";
export * from "./node/is-entry.js";
export * from "./node/load-concept.js";
export * from "./node/read-yaml.js";
