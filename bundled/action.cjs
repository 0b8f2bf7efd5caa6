"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/github-action/main.ts
var import_node_child_process = require("node:child_process");
var import_node_fs2 = require("node:fs");
var import_node_path = __toESM(require("node:path"));

// src/github-action/annotations.ts
var COMMAND = { error: "error", warning: "warning", note: "notice" };
var escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function annotations(sarif) {
  const out = [];
  for (const run of sarif.runs ?? [])
    for (const r of run.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      const cmd = COMMAND[r.level ?? "warning"] ?? "warning";
      const props = [];
      if (loc?.artifactLocation?.uri) props.push(`file=${escapeProperty(decodeURI(loc.artifactLocation.uri))}`);
      const reg = loc?.region;
      if (reg?.startLine) props.push(`line=${reg.startLine}`);
      if (reg?.startColumn) props.push(`col=${reg.startColumn}`);
      if (reg?.endLine) props.push(`endLine=${reg.endLine}`);
      if (reg?.endColumn) props.push(`endColumn=${reg.endColumn}`);
      if (r.ruleId) props.push(`title=${escapeProperty(r.ruleId)}`);
      out.push(`::${cmd} ${props.join(",")}::${escapeData(r.message?.text ?? "")}`);
    }
  return out;
}
function countResults(sarif) {
  return (sarif.runs ?? []).reduce((n, run) => n + (run.results?.length ?? 0), 0);
}

// src/github-action/inputs.ts
var import_node_fs = require("node:fs");
var input = (env, name, fallback) => {
  const v = env[`INPUT_${name.toUpperCase()}`]?.trim();
  return v === void 0 || v === "" ? fallback : v;
};
function resolveSince(value, env, read = (f) => (0, import_node_fs.readFileSync)(f, "utf8")) {
  if (value === "none") return void 0;
  if (value !== "auto") return value;
  const event = env.GITHUB_EVENT_NAME ?? "";
  if (!event.startsWith("pull_request") || !env.GITHUB_EVENT_PATH) return void 0;
  const payload = JSON.parse(read(env.GITHUB_EVENT_PATH));
  const sha = payload.pull_request?.base?.sha;
  return typeof sha === "string" && sha !== "" ? sha : void 0;
}
function readInputs(env) {
  const paths = input(env, "paths", ".").split("\n").map((p) => p.trim()).filter((p) => p !== "");
  return {
    paths,
    failOn: input(env, "fail-on", "error"),
    sarifFile: input(env, "sarif-file", ""),
    since: resolveSince(input(env, "since", "auto"), env)
  };
}

// src/github-action/main.ts
function main() {
  const inputs = readInputs(process.env);
  const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
  const args = ["scan", "--format", "sarif", "--fail-on", inputs.failOn];
  if (inputs.since !== void 0) args.push("--since", inputs.since);
  args.push("--", ...inputs.paths);
  console.log(`phq-tokens ${args.join(" ")}`);
  const scanJs = import_node_path.default.join(__dirname, "phq-tokens-scan.cjs");
  const r = (0, import_node_child_process.spawnSync)(process.execPath, [scanJs, ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1024 * 1024 * 1024
  });
  const code = r.status ?? 2;
  if (code !== 0 && code !== 1) {
    const hint = inputs.since !== void 0 ? ` (--since ${inputs.since}: is the commit fetched? actions/checkout needs fetch-depth: 0)` : "";
    console.log(`::error title=phq-tokens::the scan stopped with exit code ${code}${hint}`);
    return code;
  }
  const sarif = JSON.parse(r.stdout);
  if (inputs.sarifFile !== "") (0, import_node_fs2.writeFileSync)(import_node_path.default.resolve(cwd, inputs.sarifFile), r.stdout);
  for (const line of annotations(sarif)) console.log(line);
  const findings = countResults(sarif);
  console.log(`${findings} finding(s); fail-on ${inputs.failOn}: ${code === 1 ? "failed" : "passed"}`);
  if (process.env.GITHUB_OUTPUT)
    (0, import_node_fs2.appendFileSync)(process.env.GITHUB_OUTPUT, `findings=${findings}
sarif-file=${inputs.sarifFile}
`);
  return code;
}
process.exitCode = main();
