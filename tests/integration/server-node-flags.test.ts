import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../scripts/server-node-flags.mjs";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe("the server's Node flags", () => {
  it("npm start passes exactly the flags the tests and the bench start the server with", () => {
    const start = packageJson.scripts.start ?? "";
    const match = /\bnode((?:\s+--\S+)*)\s+scripts\/start\.mjs\b/.exec(start);
    expect(match, `package.json's start script runs scripts/start.mjs with node: ${start}`).not.toBeNull();
    expect((match?.[1] ?? "").trim().split(/\s+/).filter(Boolean)).toEqual([...SERVER_NODE_FLAGS]);
  });

  it("every flag is one Node accepts (a misspelt V8 flag would stop the server starting)", () => {
    for (const flag of SERVER_NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split("=")[0] ?? flag)).toBe(true);
  });
});
