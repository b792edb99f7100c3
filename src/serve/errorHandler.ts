// One error handler for the whole app: every error becomes a 4xx/5xx with a
// short message, as JSON for clients that accept it and as plain text
// otherwise. Stack traces never leave the server (they go to the log).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './httpError.js';
import { negotiate } from '../serialize/negotiate.js';
import { renderErrorPage } from '../html/pages.js';
import { QueryExecutionError } from '../query/queryService.js';
import { QueryRejection } from '../query/queryRequest.js';
import { PoolBusyError, TaskTimeoutError, WorkerCrashError } from '../query/workerPool.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | HttpError | Error, request, reply) => {
    const error = toHttpError(thrown);
    const statusCode = statusOf(error);
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ statusCode, message: error.message }, 'request refused');
    const message = statusCode >= 500 && !(error instanceof HttpError) ? 'Internal error; the server log has details.' : error.message;
    if (error instanceof HttpError) reply.headers(error.headers);
    sendError(request, reply, statusCode, message);
  });
  app.setNotFoundHandler((request, reply) => {
    sendError(request, reply, 404, `Not found: ${request.url.split('?')[0]}`);
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, statusCode: number, message: string): FastifyReply {
  const body: ErrorBody = { statusCode, error: REASONS[statusCode] ?? 'Error', message };
  // JSON for API clients, a page for browsers, plain text for everyone else.
  const type = negotiate(request.headers.accept, ['text/plain', 'application/json', 'text/html']) ?? 'text/plain';
  reply.code(statusCode);
  if (type === 'application/json') return reply.type('application/json; charset=utf-8').send(body);
  if (type === 'text/html') return reply.type('text/html; charset=utf-8').send(renderErrorPage(statusCode, `${body.error}: ${message}`));
  return reply.type('text/plain; charset=utf-8').send(`${statusCode} ${body.error}: ${message}\n`);
}

/** What the query service throws (from the endpoint or from a page's query), as the HTTP answer it stands for. */
export function toHttpError<E extends Error>(error: E): E | HttpError {
  if (error instanceof PoolBusyError) return new HttpError(503, error.message, { 'Retry-After': '2' });
  if (error instanceof TaskTimeoutError) return new HttpError(504, error.message);
  if (error instanceof WorkerCrashError) return new HttpError(500, 'The query could not be completed.');
  if (error instanceof QueryExecutionError || error instanceof QueryRejection) return new HttpError(error.statusCode, error.message);
  return error;
}

function statusOf(error: FastifyError | HttpError | Error): number {
  const code = (error as { statusCode?: number }).statusCode;
  if (typeof code === 'number' && code >= 400 && code < 600) return code;
  // Fastify validation errors carry `validation` and no status.
  if ((error as FastifyError).validation) return 400;
  return 500;
}
