// autocannon ships no types and @types/autocannon is not a dependency; this covers the part bench/load.ts uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    /** One request as autocannon builds it; setupRequest returns it changed. */
    type Request = { method: string; path: string; headers: Record<string, string>; body?: string | Buffer };

    type Options = {
      url: string;
      method?: "GET" | "POST" | "PUT";
      /** Called per request (per client, in turn) to build it: a different path or body each time. */
      requests?: { setupRequest?: (request: Request, context: Record<string, unknown>) => Request }[];
      headers?: Record<string, string>;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
    };

    type Result = {
      /** Seconds, to two decimals. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      /** `sent`: requests written, answered or not. */
      requests: { sent: number };
      statusCodeStats: Record<string, { count: number }>;
    };

    type Instance = EventEmitter &
      PromiseLike<Result> & {
        on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void): Instance;
      };
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
