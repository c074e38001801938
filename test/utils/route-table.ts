import type { INestApplication } from '@nestjs/common';

interface RouterLayer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
}

/** Express knows this many methods; a route answering (nearly) all of them is middleware mounted with `all`. */
const EVERY_METHOD = 30;

/**
 * What the running app answers, read from its Express router: `METHOD /path` for each route (Nest's
 * controllers, Swagger's pages), `ALL /path` for middleware mounted on every method, and `USE /path`
 * for handlers mounted under a path (static files, Bull Board). Application-wide middleware (mounted
 * at `/`) is left out: it is not an address anyone asks for.
 */
export function appRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance();
  const layers: RouterLayer[] = (express.router ?? express._router).stack;
  const routes = new Set<string>();
  for (const layer of layers) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route?.methods[m]);
      if (methods.length >= EVERY_METHOD) routes.add(`ALL ${layer.route.path}`);
      else for (const m of methods) routes.add(`${m.toUpperCase()} ${layer.route.path}`);
    } else if (layer.rawPath && layer.rawPath !== '/') routes.add(`USE ${layer.rawPath}`);
  }
  return [...routes].sort();
}
