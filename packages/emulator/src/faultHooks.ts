// Applies fault rules to requests. "before" faults act in onRequest, so the request is
// never handled; "after" faults let the handler run (state changes) and then act on the
// response in onSend: the client sees a failure although the server did the work.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, errorBodyFor } from './errors.js';
import type { Fault, Faults } from './faults.js';
import { SCOPES } from './scopes.js';

/** A body that starts like JSON and stops mid-value: no JSON parser accepts it. */
const MALFORMED = '{"count": 1, "next": null, "results": [{"id": "tok_';

export function registerFaultHooks(app: FastifyInstance, faults: Faults, shutdown: AbortSignal): void {
  const pending = new WeakMap<FastifyRequest, Fault>();
  const wait = (ms: number) => sleep(ms, undefined, { signal: shutdown }).catch(() => undefined);

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/_emulator/')) return; // the control API is never faulted
    const fault = faults.take(req.method, req.routeOptions.url, path);
    if (!fault) return;
    if (fault.when === 'after') {
      pending.set(req, fault);
      return;
    }
    switch (fault.kind) {
      case 'latency':
        await wait(fault.delayMs ?? 0);
        return;
      case 'status':
        throw injectedError(fault, path);
      case 'drop':
        reply.hijack();
        req.raw.socket.destroy();
        return reply;
      case 'malformed':
        return reply
          .code(fault.status ?? 200)
          .type('application/json')
          .send(MALFORMED);
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const fault = pending.get(req);
    if (!fault) return payload;
    pending.delete(req);
    switch (fault.kind) {
      case 'latency':
        await wait(fault.delayMs ?? 0);
        return payload;
      case 'status': {
        const err = injectedError(fault, req.url.split('?')[0]!);
        setRetryAfter(reply, err);
        reply.code(err.status).type('application/json');
        return JSON.stringify(errorBodyFor(req.url.split('?')[0]!, err, req.id));
      }
      case 'drop':
        req.raw.socket.destroy();
        return payload;
      case 'malformed': {
        if (fault.status !== undefined) reply.code(fault.status);
        const text = typeof payload === 'string' && payload.length > 2 ? payload : MALFORMED;
        reply.type('application/json');
        return text.slice(0, Math.ceil(text.length / 2));
      }
    }
  });
}

export function setRetryAfter(reply: FastifyReply, err: ApiError): void {
  if (err.extra.retryAfter !== undefined) reply.header('retry-after', String(err.extra.retryAfter));
}

function injectedError(fault: Fault, path: string): ApiError {
  const status = fault.status ?? 500;
  // Keep injected bodies valid against the contract: a 403 names a scope, a 422 a field.
  const scope = SCOPES.find((s) => s.path_prefixes.some((p) => path.startsWith(p)))?.id ?? 'events';
  return new ApiError(status, `Injected fault: HTTP ${status} from the emulator.`, {
    ...(fault.retryAfter !== undefined && { retryAfter: fault.retryAfter }),
    ...(status === 403 && { missingScope: scope }),
    ...(status === 422 && { field: 'name' }),
  });
}
