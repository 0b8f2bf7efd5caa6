// Validates HTTP responses against docs/api/openapi.yaml, for the emulator's tests and for
// any package whose tests talk to the emulator (import from '@phq-tokens/emulator/contract').
// The OpenAPI document is loaded into Ajv (JSON Schema 2020-12, which OpenAPI 3.1 schemas
// are) as one schema, so its internal $refs resolve as written; path items, responses and
// headers are resolved here by JSON pointer.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export const OPENAPI_FILE = path.resolve(__dirname, '..', '..', '..', 'docs', 'api', 'openapi.yaml');
const DOC_ID = 'openapi.json';

type Json = Record<string, unknown>;

/** One response as seen by a client. `body` is the parsed JSON, or undefined for an empty body. */
export interface ContractResponse {
  method: string;
  /** absolute URL or path, query allowed */
  url: string;
  status: number;
  headers: Headers | Record<string, string | string[] | undefined>;
  body: unknown;
}

let loaded: { doc: Json; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

function load() {
  if (!loaded) {
    const doc = YAML.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Json;
    // strict: false because the document carries OpenAPI keywords around its schemas.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema(doc, DOC_ID);
    loaded = { doc, ajv, validators: new Map() };
  }
  return loaded;
}

/** The parsed OpenAPI document. */
export function openapiDocument(): Json {
  return load().doc;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(pointer: string): unknown {
  let node: unknown = load().doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[key];
  }
  return node;
}

/** Follows $ref (local only) and returns the target with its pointer. */
function deref(pointer: string): { pointer: string; node: Json | undefined } {
  let node = at(pointer) as Json | undefined;
  for (let i = 0; i < 10 && typeof node?.$ref === 'string'; i++) {
    pointer = (node.$ref as string).replace(/^#/, '');
    node = at(pointer) as Json | undefined;
  }
  return { pointer, node };
}

function validatorFor(pointer: string): ValidateFunction {
  const { ajv, validators } = load();
  let v = validators.get(pointer);
  if (!v) {
    v = ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
    validators.set(pointer, v);
  }
  return v;
}

/** The documented path template a concrete path belongs to (literal segments win). */
export function matchPath(concretePath: string): string | undefined {
  const templates = Object.keys(load().doc.paths as Json);
  const params = (t: string) => (t.match(/\{/g) ?? []).length;
  return templates
    .sort((a, b) => params(a) - params(b))
    .find((t) =>
      new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`).test(concretePath),
    );
}

function header(headers: ContractResponse['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Every way the response departs from the contract; empty when it conforms. */
export function contractErrors(res: ContractResponse): string[] {
  const method = res.method.toLowerCase();
  const concrete = new URL(res.url, 'http://x').pathname;
  const template = matchPath(concrete);
  const where = `${res.method.toUpperCase()} ${template ?? concrete} -> ${res.status}`;
  const item = template ? deref(`/paths/${escapePointer(template)}`) : undefined;
  let r: { pointer: string; node: Json | undefined };
  if (!item?.node?.[method]) {
    // Any path or method outside the contract must answer the contract's 404.
    if (res.status !== 404) return [`${where}: ${template ? 'operation' : 'path'} not in the contract`];
    // Under a public family the 404 is PredictHQ's shape, elsewhere the contract's.
    const publicPath = /^\/v1\/(?!tokens(\/|$)|account(\/|$))/.test(concrete);
    r = deref(`/components/responses/${publicPath ? 'PublicNotFound' : 'NotFound'}`);
  } else {
    const responses = `${item.pointer}/${method}/responses`;
    const exact = deref(`${responses}/${res.status}`);
    r = exact.node ? exact : deref(`${responses}/default`);
  }
  if (!r.node) return [`${where}: status not documented for this operation`];
  const response = r.node;

  const errors: string[] = [];
  for (const name of Object.keys((response.headers ?? {}) as Json)) {
    const decl = deref(`${r.pointer}/headers/${escapePointer(name)}`);
    const value = header(res.headers, name);
    if (value === undefined) {
      if ((decl.node as Json | undefined)?.required === true) errors.push(`${where}: missing required header ${name}`);
      continue;
    }
    const check = validatorFor(`${decl.pointer}/schema`);
    if (!check(value)) errors.push(`${where}: header ${name} ${ajvText(check)}`);
  }

  const content = response.content as Json | undefined;
  if (!content) {
    if (res.body !== undefined && res.body !== '') errors.push(`${where}: expected no body`);
    return errors;
  }
  const type = header(res.headers, 'content-type') ?? '';
  if (!type.startsWith('application/json')) errors.push(`${where}: content-type "${type}" is not application/json`);
  const check = validatorFor(`${r.pointer}/content/application~1json/schema`);
  if (!check(res.body)) errors.push(`${where}: body ${ajvText(check)}`);
  return errors;
}

function ajvText(v: ValidateFunction): string {
  return (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim()).join('; ');
}

/** Throws with every departure from the contract listed. */
export function assertMatchesContract(res: ContractResponse): void {
  const errors = contractErrors(res);
  if (errors.length > 0) throw new Error(`Response does not match docs/api/openapi.yaml:\n  ${errors.join('\n  ')}`);
}

export interface CheckedResponse {
  status: number;
  headers: Headers;
  /** parsed JSON body; undefined when empty */
  body: unknown;
}

/** fetch() + parse + assertMatchesContract: the one-liner for contract-checked calls in tests. */
export async function checkedFetch(url: string, init: RequestInit = {}): Promise<CheckedResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new Error(`${init.method ?? 'GET'} ${url} -> ${res.status}: body is not JSON`);
  }
  assertMatchesContract({ method: init.method ?? 'GET', url, status: res.status, headers: res.headers, body });
  return { status: res.status, headers: res.headers, body };
}
