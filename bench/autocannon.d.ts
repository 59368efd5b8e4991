// autocannon ships no types and @types/autocannon is not a dependency; this covers the part bench/load.ts uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Options = {
      url: string;
      method?: "GET" | "POST";
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
