// A JSON file checked against a JSON Schema, with every problem reported at its line: parse
// errors from jsonc-parser's offsets, schema errors (ajv) at the offending key or value.
// jsonc-parser is imported by its ES module build: its UMD main requires files by computed
// names, which a bundle cannot hold.
// A broken policy file must stop the tool with a clear message, never become an empty policy.
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
  type Segment,
} from 'jsonc-parser/lib/esm/main.js';

export interface Problem {
  /** 1-based, as an editor shows them. */
  line: number;
  column: number;
  message: string;
}

/** A file that is not what its schema says; `message` names the file and the line of each problem. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'ConfigFileError';
  }
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv.compile(schema)));
  return v;
}

function pointerPath(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject, where: string): string {
  const at = where === '' ? 'the file' : `"${where}"`;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(e.params.additionalProperty)}"${where === '' ? '' : ` in "${where}"`}`;
    case 'propertyNames':
      return `unknown key "${String(e.params.propertyName)}" in "${where}"`;
    case 'enum':
      return `${at} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at} ${e.message ?? 'is not valid'}`;
  }
}

/** Where an ajv error points: the offending key for unknown keys, else the value. */
function nodeOf(tree: Node, e: ErrorObject): Node | undefined {
  const path = pointerPath(e.instancePath);
  if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
  const node = findNodeAtLocation(tree, path);
  if (e.keyword === 'propertyNames' && node) {
    const prop = node.children?.find((p) => p.children?.[0]?.value === e.params.propertyName);
    return prop?.children?.[0] ?? node;
  }
  if (e.keyword === 'additionalProperties' && node?.parent?.type === 'property') return node.parent.children?.[0];
  return node ?? tree;
}

/** Parses strict JSON and validates it; throws ConfigFileError naming every problem's line. */
export function readJsonWithSchema<T>(text: string, file: string, schema: object): { value: T; tree: Node } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree)
    throw new ConfigFileError(
      file,
      errors.length > 0
        ? errors.map((e) => ({
            ...lineCol(text, e.offset),
            message: `not valid JSON: ${printParseErrorCode(e.error)}`,
          }))
        : [{ line: 1, column: 1, message: 'not valid JSON: empty file' }],
    );
  const value = JSON.parse(text) as unknown;
  const validate = validatorFor(schema);
  if (!validate(value)) {
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const e of validate.errors ?? []) {
      // propertyNames reports the name twice (once for the name, once for the keyword)
      if (e.keyword === 'enum' && e.propertyName !== undefined) continue;
      const node = nodeOf(tree, e);
      const where = pointerPath(e.instancePath).join('.');
      const p = { ...lineCol(text, node?.offset ?? 0), message: describe(e, where) };
      const key = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
    throw new ConfigFileError(file, problems);
  }
  return { value: value as T, tree };
}

/** The 1-based line of a value in a parsed file, for errors found after schema validation. */
export function lineOf(text: string, tree: Node, path: Segment[]): { line: number; column: number } {
  return lineCol(text, findNodeAtLocation(tree, path)?.offset ?? 0);
}

/** A file's text; a file that cannot be read is a ConfigFileError at line 1 (`what`: "cannot read the baseline"). */
export function readConfigText(file: string, what = 'cannot read'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new ConfigFileError(file, [
      { line: 1, column: 1, message: `${what}: ${typeof code === 'string' ? code : String(e)}` },
    ]);
  }
}
