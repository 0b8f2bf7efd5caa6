// Messages a user understands: what was found, why it is a problem here, what to do.
import type { Dialect } from '../dialects';
import { Interp } from '../lexer/types';

const SHELLISH = new Set(['shellscript', 'dockerfile', 'makefile', 'dotenv']);

/** Why text in this kind of string goes out as written. */
export function sentAsIs(d: Dialect, interp: number, placeholder: string): string {
  const dollar = placeholder.startsWith('$');
  switch (interp) {
    case Interp.JsTemplate:
      return 'a template literal sends it as written (only ${...} is interpolated)';
    case Interp.PyFormat:
      return d.languageId === 'python'
        ? 'an f-string sends it as written (only {name} is interpolated)'
        : `this ${d.label} string sends it as written`;
    case Interp.Shell:
      return dollar
        ? 'this form is not expanded here'
        : `this ${d.label} text is used as written (only $NAME is expanded)`;
    case Interp.Yaml:
      return 'this YAML value is used as written';
    case Interp.Http:
      return 'this request sends it as written (a variable is written {{NAME}})';
    case Interp.BearerOnly:
      return 'it follows "Bearer " and would be sent as written';
    case Interp.None:
      if (SHELLISH.has(d.languageId)) return 'single quotes stop the shell from expanding it';
      if (d.languageId === 'dockerfile') return 'exec-form JSON arrays are not expanded by a shell';
      if (d.languageId === 'ini' || d.languageId === 'properties' || d.languageId === 'json' || d.languageId === 'toml')
        return `this ${d.label} value is used as written`;
      return `a ${d.label} string literal sends it as written`;
    default:
      return `this ${d.label} string sends it as written`;
  }
}

export function placeholderMessage(ph: string, why: string, ref: string, docs: boolean): string {
  const lead = docs ? `Example uses the placeholder "${ph}"` : `Unfilled token placeholder "${ph}"`;
  return `${lead}: ${why}, so the API receives the literal text and answers 401. Use ${ref} or one of your tokens.`;
}

export function hardcodedMessage(masked: string, ref: string): string {
  return `Hardcoded API token (${masked}): anyone who can read this file can use it. Read it from ${ref} and keep the value in a secret store.`;
}

/**
 * A secret that is not known to be PredictHQ's (another service's key, or a generic name in a
 * file that never mentions PredictHQ): the same leak, with no PredictHQ advice.
 */
export function secretMessage(masked: string, name: string): string {
  const where = name ? ` in ${name}` : '';
  return `Hardcoded secret (${masked})${where}: anyone who can read this file can use it. Read it from an environment variable and keep the value in a secret store.`;
}

/** A placeholder in a template (.env.example): expected there; the copy that is used needs the real value. */
export function templateMessage(value: string): string {
  return `Template value "${value}" for the API token: expected in a template. Put the real token only in the copy that is used (not committed), or in a secret store.`;
}

/**
 * No mask here: the language server is sent a stand-in instead of the value (protocol
 * redact.ts), so a mask would show characters that are not the user's; the name says which
 * token it is, and the range marks the value itself.
 */
export function knownMessage(name: string, ref: string): string {
  return `Your API token "${name}" is written in this file. Read it from ${ref} instead, and rotate the token if the file was shared.`;
}

export function browserMessage(variable: string, prefix: string): string {
  return `${variable} is shipped to the browser (${prefix} variables are bundled into client code), so every visitor gets the token. Call PredictHQ from server code instead.`;
}

export function endpointMessage(family: string): string {
  return `Calls the PredictHQ ${family} API (/v1/${family}/): the token needs the "${family}" scope.`;
}

export function dummyMessage(value: string, why: string, ref: string, docs: boolean): string {
  const lead = docs ? `Example sends "${value}" as the API token` : `"${value}" is sent as the API token`;
  return `${lead}, but ${why}, so PredictHQ answers 401. Use ${ref} or one of your tokens.`;
}
