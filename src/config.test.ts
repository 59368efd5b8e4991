import { describe, expect, it } from "vitest";
import { readConfig, sandboxPublicUrl, sandboxServerNames } from "./config.ts";

describe("SANDBOX_OPERATORS", () => {
  it("names every operator as usual when unset", () => {
    expect(readConfig({}).SANDBOX_OPERATORS).toEqual([
      { id: "kivra", name: "Kivra" },
      { id: "minmyndighetspost", name: "Min myndighetspost" },
      { id: "billo", name: "Billo" },
      { id: "fortnox", name: "Fortnox" },
    ]);
  });

  it("renames the operators it lists, keeping the others' usual names", () => {
    const { SANDBOX_OPERATORS } = readConfig({ SANDBOX_OPERATORS: "kivra=Brevlådan Test, fortnox = Fortnox Mail" });
    expect(SANDBOX_OPERATORS).toEqual([
      { id: "kivra", name: "Brevlådan Test" },
      { id: "minmyndighetspost", name: "Min myndighetspost" },
      { id: "billo", name: "Billo" },
      { id: "fortnox", name: "Fortnox Mail" },
    ]);
  });

  it.each([
    ["an unknown operator", "eboks=e-Boks"],
    ["a pair without a name", "kivra="],
    ["a pair without =", "kivra"],
    ["an operator named twice", "kivra=A,kivra=B"],
  ])("refuses %s as an invalid environment", (_, value) => {
    expect(() => readConfig({ SANDBOX_OPERATORS: value })).toThrow(/Invalid environment:\n {2}SANDBOX_OPERATORS: /);
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, 0],
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["1", 1],
    ["2", 2],
  ])("reads %j as %i trusted proxy hops", (value, hops) => {
    expect(readConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toBe(hops);
  });

  it.each(["yes", "-1", "1.5", "all", "100"])("refuses %j as an invalid environment", (value) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /);
  });
});

describe("the emulator's address (SANDBOX_PUBLIC_URL) and certificate names (SANDBOX_TLS_NAMES)", () => {
  it("is SANDBOX_PUBLIC_URL when set, whatever the port it listens on, and its certificate carries that host besides the loopback names", () => {
    const config = readConfig({
      SANDBOX_PORT: "9443",
      SANDBOX_PUBLIC_URL: "https://Sandbox.Ansluta.example:8443/",
      PUBLIC_URL: "https://ansluta.example",
    });
    expect(sandboxPublicUrl(config)).toBe("https://sandbox.ansluta.example:8443");
    expect(sandboxServerNames(config)).toEqual(["localhost", "127.0.0.1", "::1", "sandbox.ansluta.example"]);
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PORT: "8443", SANDBOX_PUBLIC_URL: "https://sandbox.example:443" }))).toBe(
      "https://sandbox.example",
    );
  });

  it("is one default without it: PUBLIC_URL's host, else the address it listens on, localhost for a wildcard", () => {
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PORT: "8443" }))).toBe("https://localhost:8443");
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PORT: "8443", HOST: "::" }))).toBe("https://localhost:8443");
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PORT: "8443", HOST: "10.1.2.3" }))).toBe("https://10.1.2.3:8443");
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PORT: "8443", HOST: "fe80::0:1" }))).toBe("https://[fe80::1]:8443");
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PORT: "8443", PUBLIC_URL: "http://ansluta.example:3000" }))).toBe(
      "https://ansluta.example:8443",
    );
    expect(sandboxServerNames(readConfig({}))).toEqual(["localhost", "127.0.0.1", "::1"]);
    expect(sandboxServerNames(readConfig({ HOST: "10.1.2.3" }))).toEqual(["localhost", "127.0.0.1", "::1", "10.1.2.3"]);
    expect(sandboxPublicUrl(readConfig({}))).toBeNull();
    // Another app server runs the emulator: this one shows its address all the same.
    expect(sandboxPublicUrl(readConfig({ SANDBOX_PUBLIC_URL: "https://sandbox.example" }))).toBe("https://sandbox.example");
  });

  it("adds every name of SANDBOX_TLS_NAMES to the certificate, once", () => {
    const config = readConfig({
      SANDBOX_PUBLIC_URL: "https://sandbox.example:8443",
      SANDBOX_TLS_NAMES: " Emulator.Internal, 10.1.2.3,*.sandbox.example, sandbox.example, 0:0:0:0:0:0:0:1 ",
    });
    expect(sandboxServerNames(config)).toEqual([
      "localhost",
      "127.0.0.1",
      "::1",
      "sandbox.example",
      "emulator.internal",
      "10.1.2.3",
      "*.sandbox.example",
    ]);
  });

  it.each([
    ["SANDBOX_PUBLIC_URL", "http://sandbox.example:8443"],
    ["SANDBOX_PUBLIC_URL", "https://sandbox.example:8443/mm"],
    ["SANDBOX_PUBLIC_URL", "https://user:pw@sandbox.example"],
    ["SANDBOX_PUBLIC_URL", "sandbox.example:8443"],
    ["SANDBOX_TLS_NAMES", "sandbox.example,under_score.example"],
    ["SANDBOX_TLS_NAMES", "https://sandbox.example"],
    ["SANDBOX_PORT", "0"],
  ])("refuses %s=%j as an invalid environment", (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`Invalid environment:\\n {2}${name}: `));
  });

  it("reads the information security scale, or refuses one with an empty or repeated class", () => {
    expect(readConfig({}).INFORMATION_SECURITY_SCALE).toEqual(["1 – Låg", "2 – Måttlig", "3 – Hög", "4 – Mycket hög"]);
    expect(readConfig({ INFORMATION_SECURITY_SCALE: "K1; K2;K3" }).INFORMATION_SECURITY_SCALE).toEqual(["K1", "K2", "K3"]);
    expect(() => readConfig({ INFORMATION_SECURITY_SCALE: "K1;;K2" })).toThrow(/INFORMATION_SECURITY_SCALE: /);
    expect(() => readConfig({ INFORMATION_SECURITY_SCALE: "K1;K1" })).toThrow(/INFORMATION_SECURITY_SCALE: /);
  });
});

describe("attachments' configuration", () => {
  it("takes 25 MB in the database, unscanned, unless told otherwise", () => {
    const config = readConfig({});
    expect(config.ATTACHMENT_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(config.ATTACHMENT_DIR).toBeUndefined();
    expect(config.CLAMD_SOCKET).toBeUndefined();
    expect(readConfig({ ATTACHMENT_MAX_BYTES: "1000", CLAMD_SOCKET: "127.0.0.1:3310" })).toMatchObject({
      ATTACHMENT_MAX_BYTES: 1000,
      CLAMD_SOCKET: "127.0.0.1:3310",
    });
  });

  it("refuses a CLAMD_SOCKET that is neither a path nor host:port, and a size that is no positive number", () => {
    expect(() => readConfig({ CLAMD_SOCKET: "clamav" })).toThrow(/CLAMD_SOCKET: /);
    expect(() => readConfig({ ATTACHMENT_MAX_BYTES: "0" })).toThrow(/ATTACHMENT_MAX_BYTES: /);
  });
});

describe("SHUTDOWN_GRACE_SECONDS", () => {
  it("gives requests under way 20 s by default, and takes another number of seconds", () => {
    expect(readConfig({}).SHUTDOWN_GRACE_SECONDS).toBe(20);
    expect(readConfig({ SHUTDOWN_GRACE_SECONDS: "5" }).SHUTDOWN_GRACE_SECONDS).toBe(5);
  });

  it.each(["-1", "soon"])("refuses %s as an invalid environment", (value) => {
    expect(() => readConfig({ SHUTDOWN_GRACE_SECONDS: value })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});
