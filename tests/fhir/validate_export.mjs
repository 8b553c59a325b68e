// Checks that what `liaisonctl export` writes is valid FHIR R4 by the official JSON schema
// (fhir.schema.r4-4.0.0.json, draft-06), with a real JSON-schema validator (ajv 6, pinned in
// tests/e2e/package.json). It imports every fixture (support bundles first) into a fresh data
// folder with `liaisonctl import`, exports the whole store as a Bundle and as NDJSON, and
// validates the Bundle whole and each resource against its own definition. Before that it makes
// sure the validator does reject an invalid resource, so the test cannot pass by accepting all.
//
// usage: node validate_export.mjs FIXTURES_DIR WORK_DIR LIAISONCTL
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const Ajv = require("ajv");
const draft06 = require("ajv/lib/refs/json-schema-draft-06.json");

const [fixtures, work, liaisonctl] = process.argv.slice(2);
if (!liaisonctl) {
  console.error("usage: node validate_export.mjs FIXTURES_DIR WORK_DIR LIAISONCTL");
  process.exit(2);
}

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

// ---- the validator ----
const schema = JSON.parse(fs.readFileSync(path.join(fixtures, "schema", "fhir.schema.r4-4.0.0.json"), "utf8"));
const ajv = new Ajv({ schemaId: "auto", allErrors: false, unknownFormats: "ignore", logger: false });
ajv.addMetaSchema(draft06);
ajv.addSchema(schema, "fhir");
const whole = ajv.getSchema("fhir");
const byType = new Map();
function validatorOf(type) {
  if (!byType.has(type)) {
    if (!schema.definitions[type]) fail(`${type} is not a FHIR R4 resource type`);
    byType.set(type, ajv.getSchema(`fhir#/definitions/${type}`));
  }
  return byType.get(type);
}
function problem(validate) {
  const e = validate.errors[0];
  return `${e.dataPath || "/"} ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`;
}
// Each resource against its own definition: the error names the resource and the element.
function checkResource(resource, where) {
  const type = resource.resourceType;
  if (typeof type !== "string") fail(`${where}: no resourceType`);
  const validate = validatorOf(type);
  if (!validate(resource)) fail(`${where} ${type}/${resource.id ?? "(no id)"} is not valid FHIR R4: ${problem(validate)}`);
}

// ---- the validator rejects what it must ----
const good = { resourceType: "Patient", id: "p1", gender: "female", birthDate: "1974-12-01" };
if (!whole(good)) fail(`a valid Patient is refused: ${problem(whole)}`);
for (const [what, bad] of [
  ['gender "x"', { ...good, gender: "x" }],
  ["a birth date with a time", { ...good, birthDate: "1974-12-01T10:00" }],
  ["an id with a space", { ...good, id: "p 1" }],
  ["an unknown element", { ...good, colour: "blue" }],
]) {
  if (validatorOf("Patient")(bad) || whole(bad)) fail(`the validator accepts a Patient with ${what}`);
}
console.log("the validator accepts a valid Patient and rejects four invalid ones");

// ---- import every fixture, export the store ----
function fixtureFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(nd)?json$/.test(entry.name) && entry.name !== "package.json") out.push(p);
    }
  };
  walk(fixtures);
  const support = (p) => p.includes(`${path.sep}support${path.sep}`);
  return out
    .filter((p) => !path.relative(fixtures, p).startsWith(`schema${path.sep}`))
    .sort((a, b) => (support(a) !== support(b) ? (support(a) ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0));
}
fs.rmSync(work, { recursive: true, force: true });
const data = path.join(work, "data");
fs.mkdirSync(data, { recursive: true });
function run(args) {
  try {
    return execFileSync(liaisonctl, args, { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 }).toString();
  } catch (e) {
    fail(`liaisonctl ${args[0]} failed: ${e.stderr?.toString() ?? e.message}`);
  }
}
run(["import", "--data", data, ...fixtureFiles()]);
const bundleFile = path.join(work, "export.json");
const ndjsonFile = path.join(work, "export.ndjson");
console.log(run(["export", "--data", data, "--out", bundleFile]).split("\n")[0]);
console.log(run(["export", "--data", data, "--ndjson", "--out", ndjsonFile]).split("\n")[0]);

// ---- validate ----
const bundle = JSON.parse(fs.readFileSync(bundleFile, "utf8"));
if (bundle.resourceType !== "Bundle" || bundle.type !== "collection") fail("the export is not a collection Bundle");
const entries = bundle.entry ?? [];
if (entries.length < 1000) fail(`the export holds only ${entries.length} resources`);
entries.forEach((e, i) => checkResource(e.resource, `entry ${i}`));
if (!whole(bundle)) fail(`the Bundle is not valid FHIR R4: ${problem(whole)}`);
const counts = {};
for (const e of entries) counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;

const lines = fs.readFileSync(ndjsonFile, "utf8").split("\n");
if (lines.pop() !== "") fail("the NDJSON export does not end with a new line");
if (lines.length !== entries.length) fail(`the NDJSON export holds ${lines.length} resources, the Bundle ${entries.length}`);
lines.forEach((line, i) => {
  let resource;
  try {
    resource = JSON.parse(line);
  } catch (e) {
    fail(`NDJSON line ${i + 1} is not JSON: ${e.message}`);
  }
  checkResource(resource, `NDJSON line ${i + 1}`);
});
console.log(`valid FHIR R4: ${entries.length} resources as a Bundle and as NDJSON`);
console.log(Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", "));
