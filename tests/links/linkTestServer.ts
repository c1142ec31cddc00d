// A local HTTP server on 127.0.0.1 with one route per link outcome, for the link checker tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  path: string;
  /** Milliseconds since the server started, when the request arrived and when its response ended. */
  start: number;
  end: number;
}

export interface LinkTestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: LoggedRequest[];
  /** The maximum number of requests in progress at the same time. */
  maxInFlight: () => number;
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, hits: number) => void | Promise<void>;

const ROUTES: Record<string, Handler> = {
  '/ok': (_request, response) => send(response, 200),
  '/moved': (_request, response) => redirect(response, 301, '/ok'),
  '/moved-twice': (_request, response) => redirect(response, 308, '/moved'),
  '/temporary': (_request, response) => redirect(response, 302, '/ok'),
  '/moved-to-gone': (_request, response) => redirect(response, 301, '/gone'),
  '/gone': (_request, response) => send(response, 404),
  '/removed': (_request, response) => send(response, 410),
  '/error': (_request, response) => send(response, 500),
  '/forbidden': (_request, response) => send(response, 403),
  '/no-head': (request, response) => send(response, request.method === 'HEAD' ? 405 : 200),
  // Rejects HEAD, fails the first GET with 503, then responds 200: a retry succeeds.
  '/flaky': (request, response, hits) => {
    if (request.method === 'HEAD') send(response, 405);
    else send(response, hits <= 2 ? 503 : 200);
  },
  '/slow': async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    send(response, 200);
  },
  '/loop': (_request, response) => redirect(response, 302, '/loop'),
};

/** Starts the server on a free port of 127.0.0.1. Unknown paths return 404. */
export async function startLinkTestServer(): Promise<LinkTestServer> {
  const started = Date.now();
  const requests: LoggedRequest[] = [];
  const hitsByPath = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer(async (request, response) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const hits = (hitsByPath.get(path) ?? 0) + 1;
    hitsByPath.set(path, hits);
    const logged: LoggedRequest = { method: request.method ?? '', path, start: Date.now() - started, end: -1 };
    requests.push(logged);

    response.on('close', () => {
      inFlight -= 1;
      logged.end = Date.now() - started;
    });
    const handler = ROUTES[path] ?? ((_request, reply) => send(reply, 404));
    await handler(request, response, hits);
  });

  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () => closeServer(server),
  };
}

/** Returns a port of 127.0.0.1 that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

function send(response: ServerResponse, status: number): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(`${status}\n`);
}

function redirect(response: ServerResponse, status: number, location: string): void {
  response.writeHead(status, { location });
  response.end();
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
