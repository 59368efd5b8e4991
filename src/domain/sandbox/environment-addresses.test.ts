import { describe, expect, it } from "vitest";
import { DEFAULT_OPERATORS } from "../../sandbox/recipients/scenarios.ts";
import { environmentAddresses } from "./environment-addresses.ts";

describe("environmentAddresses", () => {
  it("puts every endpoint under the environment's prefix on the emulator's port", () => {
    const a = environmentAddresses({ host: "ansluta.example", port: 8443 }, "abcde12345", DEFAULT_OPERATORS);
    expect(a.recipient).toBe("https://ansluta.example:8443/e/abcde12345/Recipient/v3");
    expect(a.authority).toBe("https://ansluta.example:8443/e/abcde12345/Authority");
    expect(a.services[0]).toEqual({
      operatorId: "kivra",
      name: "Kivra",
      url: "https://ansluta.example:8443/e/abcde12345/Service/v3/kivra",
    });
    expect(a.services).toHaveLength(DEFAULT_OPERATORS.length);
    expect(a.wsdl.recipient).toBe("https://ansluta.example:8443/e/abcde12345/Recipient/v3?wsdl");
    expect(a.wsdl.service[1]).toBe("https://ansluta.example:8443/e/abcde12345/Service/v3/minmyndighetspost?wsdl");
  });

  it("brackets an IPv6 host", () => {
    expect(environmentAddresses({ host: "::1", port: 9443 }, "abcde12345", []).authority).toBe("https://[::1]:9443/e/abcde12345/Authority");
  });
});
