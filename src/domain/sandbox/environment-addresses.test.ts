import { describe, expect, it } from "vitest";
import { DEFAULT_OPERATORS } from "../../sandbox/recipients/scenarios.ts";
import { environmentAddresses } from "./environment-addresses.ts";

describe("environmentAddresses", () => {
  it("puts every endpoint and WSDL under the environment's prefix at the emulator's address", () => {
    const a = environmentAddresses("https://ansluta.example:8443", "abcde12345", DEFAULT_OPERATORS);
    expect(a.recipient).toBe("https://ansluta.example:8443/e/abcde12345/Recipient/v3");
    expect(a.authority).toBe("https://ansluta.example:8443/e/abcde12345/Authority");
    expect(a.services[0]).toEqual({
      operatorId: "kivra",
      name: "Kivra",
      url: "https://ansluta.example:8443/e/abcde12345/Service/v3/kivra",
    });
    expect(a.services).toHaveLength(DEFAULT_OPERATORS.length);
    expect(a.wsdl.recipient).toBe("https://ansluta.example:8443/e/abcde12345/Recipient/v3?wsdl");
    expect(a.wsdl.authority).toBe("https://ansluta.example:8443/e/abcde12345/Authority?wsdl");
    expect(a.wsdl.service[1]).toBe("https://ansluta.example:8443/e/abcde12345/Service/v3/minmyndighetspost?wsdl");
  });

  it("keeps an IPv6 host in brackets and leaves out the default port", () => {
    expect(environmentAddresses("https://[::1]:9443", "abcde12345", []).authority).toBe("https://[::1]:9443/e/abcde12345/Authority");
    expect(environmentAddresses("https://sandbox.example:443", "abcde12345", []).recipient).toBe(
      "https://sandbox.example/e/abcde12345/Recipient/v3",
    );
  });
});
