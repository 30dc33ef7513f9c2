/**
 * A tiny scripted Partner Center on 127.0.0.1 for client tests: real HTTP, responses chosen by the
 * test, every request recorded (method, path, query, headers, body, arrival time).
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** Answers one request; may write nothing (to hang) or destroy the socket. */
export type Responder = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A running scripted server. */
export interface ScriptedServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Requests being answered right now, and the most ever at once. */
  readonly inFlight: { current: number; peak: number };
  close(): Promise<void>;
}

/** Starts a server whose every request is answered by `responder`. */
export async function startScriptedServer(responder: Responder): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const inFlight = { current: 0, peak: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(recorded);
      inFlight.current += 1;
      inFlight.peak = Math.max(inFlight.peak, inFlight.current);
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        inFlight.current -= 1;
      };
      res.on('close', finish);
      void Promise.resolve(responder(recorded, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    inFlight,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers in order; the last responder answers every later request. */
export function inSequence(...responders: ReadonlyArray<Responder>): Responder {
  let index = 0;
  return (request, response) => {
    const responder = responders[Math.min(index, responders.length - 1)];
    index += 1;
    return responder?.(request, response);
  };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_request, response) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    response.end(text);
  };
}

/** A JSON response after `ms`. */
export function delayed(ms: number, responder: Responder): Responder {
  return async (request, response) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await responder(request, response);
  };
}

/** Never answers (until the client gives up or the server closes). */
export const hang: Responder = () => undefined;

/** Sends the headers and half of a JSON body, then nothing: a connection that went dead. */
export function stallMidBody(body: unknown): Responder {
  return (_request, response) => {
    const bytes = Buffer.from(JSON.stringify(body));
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
    response.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  };
}

/** Drops the connection without a response. */
export const dropConnection: Responder = (_request, response) => {
  response.socket?.destroy();
};
