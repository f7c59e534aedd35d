// A server for one suite file, with a library's requests routed to it.
import { readCatalog } from './catalog.js';
import { startJukebox } from './server.js';

/**
 * Starts a server, routes a library's requests to it (route takes the server's base URL and returns
 * the function that undoes the routing) and reads what its catalog holds. stop() undoes both.
 */
export async function startRoutedJukebox(route) {
  const server = await startJukebox();
  const unroute = route(server.baseUrl);
  return {
    server,
    catalog: await readCatalog(server.baseUrl),
    async stop() {
      unroute?.();
      await server.stop();
    },
  };
}
