// A stand-in for the web servers evidence links point at (the daily link check, issue 18 part 2):
// a real HTTP server in Node that the worker reaches over real sockets, as it reaches an office's
// website. It answers under two host names, 127.0.0.1 and localhost (two hosts to the checker),
// so a redirect can lead to "another host". Paths:
//   /ok                   200 (HEAD and GET)
//   /same-host            301 → /ok on the same host
//   /other-host           301 → /ok on the other host name
//   /loop/<n>             302 → /loop/<n+1>, for ever (more than 5 redirects)
//   /gone                 404
//   /broken               500
//   /no-head              HEAD 405, GET 200 (a server that refuses HEAD)
//   /never                never answers (the checker's time-out must fire)
//   /slow/<anything>      200 after 150 ms (to watch how many requests run at once)
// Control (not part of any website): GET /__double/stats → every request so far (method, host,
// path, in order) and the most requests in flight at once, per host and in all;
// POST /__double/reset forgets them.
import { createServer, type Server } from 'node:http';

export interface LinkDoubleStats {
  requests: { method: string; host: string; path: string }[];
  maxInFlight: number;
  maxInFlightByHost: Record<string, number>;
}

export function startLinkDouble(port = 0): Promise<{ server: Server; port: number }> {
  let stats: LinkDoubleStats = { requests: [], maxInFlight: 0, maxInFlightByHost: {} };
  let inFlight = 0;
  const byHost = new Map<string, number>();

  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    const method = req.method ?? 'GET';
    if (path === '/__double/stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(stats));
    }
    if (path === '/__double/reset') {
      stats = { requests: [], maxInFlight: 0, maxInFlightByHost: {} };
      res.writeHead(204);
      return res.end();
    }
    stats.requests.push({ method, host, path });
    inFlight++;
    byHost.set(host, (byHost.get(host) ?? 0) + 1);
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    stats.maxInFlightByHost[host] = Math.max(stats.maxInFlightByHost[host] ?? 0, byHost.get(host)!);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      inFlight--;
      byHost.set(host, byHost.get(host)! - 1);
    };
    res.on('close', finish);
    const answer = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(method === 'HEAD' ? undefined : `<p>${status}</p>`);
    };
    const port = (server.address() as { port: number }).port;
    const other = host === 'localhost' ? '127.0.0.1' : 'localhost';
    const loop = /^\/loop\/(\d+)$/.exec(path);
    if (path === '/ok') return answer(200);
    if (path === '/same-host') return answer(301, { location: '/ok' });
    if (path === '/other-host') return answer(301, { location: `http://${other}:${port}/ok` });
    if (loop) return answer(302, { location: `/loop/${Number(loop[1]) + 1}` });
    if (path === '/gone') return answer(404);
    if (path === '/broken') return answer(500);
    if (path === '/no-head') return method === 'HEAD' ? answer(405, { allow: 'GET' }) : answer(200);
    if (path === '/never') return; // no answer, ever: the socket stays open until the client gives up
    if (path.startsWith('/slow/')) return void setTimeout(() => answer(200), 150);
    answer(404);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}
