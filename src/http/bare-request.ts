import type { FastifyRequest } from "fastify";

const PROBES = new Set(["/healthz", "/livez", "/favicon.ico"]);

/**
 * Requests that need to know neither who is calling nor a form token: static assets and health
 * probes. A browser sends its session cookie with every stylesheet and font, and a load balancer
 * asks /healthz every few seconds; neither should cost a session lookup or set a cookie (a cookie on
 * an asset cached for a year would be wrong besides).
 */
export const isBareRequest = (request: FastifyRequest) => request.url.startsWith("/assets/") || PROBES.has(request.url);
