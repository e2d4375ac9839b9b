import { STATUS_CODES } from 'node:http';
import { redactJson, redactText } from '@dhmad/sdk/key-format';
import type { ErrorBody } from '@dhmad/sdk';

/** The reason phrase the real API puts in `error`, e.g. 404 -> "Not Found". */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}


/** A response the emulator computed; sent by the pipeline (or dropped, or stored for idempotent replay). */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function errorReply(
  status: number,
  message: string,
  details?: Record<string, unknown>,
  extra?: { retryAfter?: number; headers?: Record<string, string> },
): Reply {
  // Messages echo ids and paths from the request; a key pasted into one must not come back in full.
  const body: ErrorBody = { error: reasonPhrase(status), message: redactText(message) };
  if (details !== undefined) body.details = redactJson(details) as Record<string, unknown>;
  if (extra?.retryAfter !== undefined) body.retryAfter = extra.retryAfter;
  const reply: Reply = { status, body };
  if (extra?.headers) reply.headers = extra.headers;
  return reply;
}

/** Thrown inside handlers to answer with an error body; caught by the pipeline. */
export class HttpError extends Error {
  readonly reply: Reply;
  constructor(status: number, message: string, details?: Record<string, unknown>, headers?: Record<string, string>) {
    super(message);
    this.reply = errorReply(status, message, details, headers ? { headers } : undefined);
  }
}

export function tooManyRequests(message: string, retryAfter: number): Reply {
  return errorReply(429, `${message} Retry in ${retryAfter} s.`, undefined, {
    retryAfter,
    headers: { 'Retry-After': String(retryAfter) },
  });
}

export function tooLarge(maxBytes: number): Reply {
  return errorReply(413, `The request body is larger than ${maxBytes} bytes.`);
}
