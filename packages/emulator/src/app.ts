// The fastify app: JSON parsing, the contract's error shape for every failure, request ids,
// fault hooks and the route modules. No framework logger: nothing here may log a header.
import type { Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { ApiError, errorBodyFor, invalid } from './errors.js';
import { registerFaultHooks, setRetryAfter } from './faultHooks.js';
import type { Faults } from './faults.js';
import { newRequestId } from './ids.js';
import { accountRoutes } from './routes/account.js';
import { controlRoutes } from './routes/control.js';
import { publicRoutes } from './routes/public.js';
import { tokenRoutes } from './routes/tokens.js';
import type { EmulatorState } from './state/store.js';

export interface AppOptions {
  state: EmulatorState;
  faults: Faults;
  /** Called with one line per request (method, path, status); undefined = silent. */
  log?: (line: string) => void;
  /** Serve only what api.predicthq.com serves: no management endpoints (404). */
  publicOnly?: boolean;
  /** Token ids whose subscription has expired (402 on the families that document it). */
  expiredTokens?: ReadonlySet<string>;
}

export function buildApp({ state, faults, log, publicOnly, expiredTokens }: AppOptions): FastifyInstance {
  const shutdown = new AbortController();
  const app = Fastify({
    logger: false,
    genReqId: newRequestId,
    // Close in-flight connections too, so close() never waits on an injected delay.
    forceCloseConnections: true,
    return503OnClosing: false,
    // Errors fastify answers before any route or hook runs (a path parameter over
    // maxParamLength, a URL that does not decode): its own bodies echo the path and lack a
    // request id, so they get the contract's shape here too.
    frameworkErrors: (err, req, reply) => {
      const api = new ApiError(
        404,
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? 'No such endpoint: a path segment is longer than any id.'
          : 'No such endpoint: the path is not valid percent-encoding.',
      );
      void (reply as FastifyReply)
        .code(api.status)
        .header('request-id', req.id)
        .type('application/json')
        .send(errorBodyFor((req.url ?? '').split('?')[0]!, api, req.id));
    },
    // Errors Node's HTTP parser meets before there is a request (headers or URL over 16 KiB,
    // malformed HTTP, a request that never finishes): answered on the socket, same shape.
    clientErrorHandler: (err: NodeJS.ErrnoException, socket: Socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) {
        const id = newRequestId();
        const message =
          err.code === 'HPE_HEADER_OVERFLOW'
            ? 'The request line or headers are too large.'
            : 'The request could not be read as HTTP.';
        const body = JSON.stringify(errorBodyFor(preRequestPath(err, publicOnly), invalid(undefined, message), id));
        socket.write(
          `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
            `Request-Id: ${id}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy();
    },
  });
  app.addHook('onClose', async () => shutdown.abort());

  // Only JSON bodies; an empty body (e.g. a DELETE sent with a JSON content type) is no body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(invalid(undefined, 'The request body is not valid JSON.'), undefined);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('request-id', req.id);
  });
  registerFaultHooks(app, faults, shutdown.signal);
  if (log) {
    app.addHook('onResponse', async (req, reply) => {
      log(`${req.method} ${req.url.split('?')[0]} ${reply.statusCode} ${reply.elapsedTime.toFixed(0)}ms`);
    });
  }

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    const api = toApiError(err);
    if (api.status >= 500 && !(err instanceof ApiError)) log?.(`internal error: ${err.message}`);
    setRetryAfter(reply, api);
    return reply
      .code(api.status)
      .type('application/json')
      .send(errorBodyFor(req.url.split('?')[0]!, api, req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    const hint = path.endsWith('/') ? '' : ' Paths end in a slash.';
    const err = new ApiError(404, `No such endpoint for ${req.method}.${hint}`, { publicMessage: 'Not found' });
    return reply.code(404).send(errorBodyFor(path, err, req.id));
  });

  const ctx = { state, faults, expiredTokens: expiredTokens ?? new Set<string>() };
  if (!publicOnly) {
    accountRoutes(app, ctx);
    tokenRoutes(app, ctx);
  }
  publicRoutes(app, ctx);
  controlRoutes(app, ctx);
  return app;
}

/**
 * The path to choose the error shape by for a request Node's parser refused: a public-only
 * emulator serves nothing but public families, so every such error gets their shape; else the
 * request line's path when the refused bytes start with it (a long request arrives in several
 * chunks, and the parser hands over only the last one).
 */
function preRequestPath(err: object, publicOnly: boolean | undefined): string {
  if (publicOnly) return '/v1/';
  const raw = (err as { rawPacket?: unknown }).rawPacket;
  const line = /^[A-Z]+ (\/[^ ?]*)/.exec(Buffer.isBuffer(raw) ? raw.subarray(0, 2048).toString('latin1') : '');
  return line?.[1] ?? '';
}

/** Framework errors in the contract's terms: client mistakes are 400, the rest 500. */
function toApiError(err: FastifyError | ApiError): ApiError {
  if (err instanceof ApiError) return err;
  if (err.statusCode === 415) return invalid(undefined, 'Content-Type must be application/json.');
  if (err.statusCode === 413) return invalid(undefined, 'The request body is too large.');
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return invalid(undefined, 'The request could not be read.');
  }
  return new ApiError(500, 'Internal error in the emulator.');
}
