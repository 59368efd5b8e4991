import { methodToJson } from "../../../method/to-json.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import type { AppScope } from "../../app-scope.ts";
import { MethodJsonSchema } from "./method.schema.ts";

export function methodApi({ api }: AppScope) {
  // The method is fixed for the life of the process, so it is converted once.
  const method = methodToJson(methodV12);
  api({
    method: "GET",
    url: "/api/v1/method",
    summary: "The method v1.2: phases, milestones and deliverable types, with Swedish and English texts",
    tag: "method",
    access: "public",
    response: { status: 200, schema: MethodJsonSchema },
    handler: async ({ reply }) => {
      reply.header("cache-control", "public, max-age=3600");
      return method;
    },
  });
}
