import { X509Certificate } from "node:crypto";
import { once } from "node:events";
import { request } from "node:https";
import { type AddressInfo, createServer } from "node:net";
import { checkServerIdentity, connect, type PeerCertificate } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, readConfig, sandboxPublicUrl, sandboxServerNames } from "../../src/config.ts";
import { ensureSandboxAuthority, type SandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/emulator/start-sandbox.ts";
import { scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { NS } from "../../src/sandbox/soap/namespaces.ts";
import { readIsReachableResponse } from "../../src/sandbox/soap/read-responses.ts";
import { soapEnvelope } from "../../src/sandbox/testing/reference-delivery.ts";
import { payloadOf, validateAgainstServedWsdl } from "../../src/sandbox/testing/xsd.ts";
import { certificateNames } from "../../src/sandbox/tls/test-ca.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";

/**
 * The emulator goes by one address: SANDBOX_PUBLIC_URL when set, else one default. Every address it
 * hands out (soap:address and schemaLocation in the WSDLs, ServiceAdress) and every address the
 * environment API lists start with it, and its server certificate carries every configured name, so
 * a client that checks the host name (as every SOAP stack does) connects by any of them. The
 * emulator starts as src/main.ts starts it: the authority ensured for sandboxServerNames(config),
 * the listener given sandboxPublicUrl(config); a restart with other names gets a certificate for them.
 */

type Certificate = { certificatePem: string; privateKeyPem: string; caCertificatePem: string };
type Addresses = {
  recipient: string;
  authority: string;
  services: { operatorId: string; url: string }[];
  wsdl: { recipient: string; authority: string; service: string[] };
};
type Reply = { status: number; body: string };

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

/**
 * A call to an address as written, sent to the emulator's listener on loopback (the name need not
 * resolve here), with the TLS client checking the server certificate against the address's host.
 */
function callAddress(
  address: string,
  listener: { port: number; ca: string },
  options: { method?: "GET" | "POST"; body?: string; certificate?: Certificate } = {},
): Promise<Reply> {
  const url = new URL(address);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: listener.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        servername: host,
        ca: listener.ca,
        checkServerIdentity: (_, certificate) => checkServerIdentity(host, certificate),
        ...(options.certificate ? { cert: options.certificate.certificatePem, key: options.certificate.privateKeyPem } : {}),
        agent: false,
        headers: { host: url.host, "content-type": "text/xml; charset=utf-8", soapaction: '""' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A TLS handshake that verifies the chain and checks the certificate against `name` (a DNS name or an IP address). */
function handshake(port: number, ca: string, name: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: "127.0.0.1",
      port,
      ca,
      // SNI carries DNS names only; an IP address is checked against the certificate all the same.
      ...(/^[\d.]+$|:/.test(name) ? {} : { servername: name }),
      checkServerIdentity: (_, certificate) => checkServerIdentity(name, certificate),
    });
    socket.once("secureConnect", () => {
      const certificate = socket.getPeerCertificate();
      socket.end();
      resolve(certificate);
    });
    socket.once("error", reject);
  });
}

/** Every address a WSDL names: its soap:address and the schemas it imports. */
const addressesIn = (wsdl: string) => [...wsdl.matchAll(/(?:location|schemaLocation)="([^"]+)"/g)].map((m) => m[1] ?? "");

const isReachableRequest = (sender: string, recipient: string) =>
  soapEnvelope(
    `<rcp3:isReachable xmlns:rcp3="${NS.recipient3}"><rcp3:senderOrgNr>${sender}</rcp3:senderOrgNr><rcp3:recipientId>${recipient}</rcp3:recipientId></rcp3:isReachable>`,
  );

/** What src/main.ts does for the emulator: the authority for the configured names, then the listener at the one address. */
async function startAsMainDoes(t: TestApp, config: Config, port: number) {
  const authority = await ensureSandboxAuthority(t.db, { now: new Date(), secrets: TEST_SECRETS, serverNames: sandboxServerNames(config) });
  const publicUrl = sandboxPublicUrl(config);
  if (!publicUrl) throw new Error("no SANDBOX_PORT");
  const sandbox = await startSandbox({ db: t.db, authority, host: "127.0.0.1", port, publicUrl });
  return { authority, sandbox };
}

describe("the emulator's address with SANDBOX_PUBLIC_URL and SANDBOX_TLS_NAMES", () => {
  const PUBLIC = "https://sandbox.ansluta.example:8443";
  const env = { SANDBOX_PORT: "8443", SANDBOX_PUBLIC_URL: PUBLIC, SANDBOX_TLS_NAMES: "emulator.internal, 10.1.2.3" };
  let t: TestApp;
  let w: World;
  let config: Config;
  let authority: SandboxAuthority;
  let sandbox: RunningSandbox | undefined;
  let addresses: Addresses;
  let certificate: Certificate;
  const listener = () => ({ port: sandbox?.port ?? 0, ca: authority.caCertificatePem });

  beforeAll(async () => {
    t = await startTestApp(env);
    w = await seedWorld(t.db);
    config = readConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://ansluta.test", ...env });
    ({ authority, sandbox } = await startAsMainDoes(t, config, 0));
    const pl = await apiAs(t.app, w.emails.plA);
    const initiative = (await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Digitala beslut" })).json() as {
      id: string;
    };
    const environment = await pl.put(`/api/v1/initiatives/${initiative.id}/sandbox/environment`, { enabled: true });
    addresses = (environment.json() as { addresses: Addresses }).addresses;
    certificate = (await pl.post(`/api/v1/organisations/${w.orgA.id}/sandbox/certificate`)).json() as Certificate;
  });
  afterAll(async () => {
    await sandbox?.close();
    await t.close();
  });

  it("lists every address of the environment, its WSDLs included, at SANDBOX_PUBLIC_URL", () => {
    const listed = [
      addresses.recipient,
      addresses.authority,
      ...addresses.services.map((s) => s.url),
      addresses.wsdl.recipient,
      addresses.wsdl.authority,
      ...addresses.wsdl.service,
    ];
    expect(listed).toHaveLength(4 + 2 * addresses.services.length);
    for (const address of listed) expect(address).toMatch(new RegExp(`^${PUBLIC}/e/[a-z0-9]{10}/`));
    expect(sandbox?.url).toBe(PUBLIC);
  });

  it("writes SANDBOX_PUBLIC_URL into every WSDL's soap:address and schemaLocation, and the Authority WSDL's schemas resolve there", async () => {
    const wsdls = [addresses.wsdl.recipient, addresses.wsdl.authority, ...addresses.wsdl.service];
    for (const wsdlUrl of wsdls) {
      const wsdl = await callAddress(wsdlUrl, listener());
      expect(wsdl.status, wsdlUrl).toBe(200);
      const named = addressesIn(wsdl.body);
      expect(named).toContain(wsdlUrl.replace(/\?wsdl$/, ""));
      expect(named.filter((a) => a.includes("schema/")).length).toBeGreaterThan(0);
      for (const address of named) expect(address.startsWith(`${PUBLIC}/`), `${wsdlUrl}: ${address}`).toBe(true);
    }

    const authorityWsdl = (await callAddress(addresses.wsdl.authority, listener())).body;
    const senders = await callAddress(addresses.authority, listener(), {
      method: "POST",
      body: soapEnvelope(`<auth:getSenders xmlns:auth="${NS.authorityWsdl}"/>`),
      certificate,
    });
    expect(senders.status).toBe(200);
    const served = await validateAgainstServedWsdl({
      wsdl: authorityWsdl,
      wsdlUrl: addresses.wsdl.authority,
      fetchText: async (url) => {
        const schema = await callAddress(url, listener());
        if (schema.status !== 200) throw new Error(`${url}: HTTP ${schema.status}`);
        return schema.body;
      },
      documents: [{ name: "getSendersResponse", xml: payloadOf(senders.body) }],
    });
    expect(served.schemaUrls.length).toBeGreaterThanOrEqual(2);
    for (const url of served.schemaUrls) expect(url.startsWith(`${PUBLIC}/schema/`)).toBe(true);
    expect(served.results.filter((r) => !r.valid)).toEqual([]);
  });

  it("hands out ServiceAdress at SANDBOX_PUBLIC_URL in an isReachable answer", async () => {
    const recipient = scenarioById("reachable-kivra").recipientId;
    const reply = await callAddress(addresses.recipient, listener(), {
      method: "POST",
      body: isReachableRequest(`16${w.orgA.number}`, recipient),
      certificate,
    });
    expect(reply.status).toBe(200);
    const read = readIsReachableResponse(reply.body);
    if (!read.ok) throw new Error(JSON.stringify(read));
    const kivra = addresses.services.find((s) => s.operatorId === "kivra")?.url;
    expect(kivra?.startsWith(`${PUBLIC}/e/`)).toBe(true);
    expect(read.value[0]?.accountStatus.serviceSupplier?.serviceAdress).toBe(kivra);
  });

  it("serves a certificate for every configured name, which a client checking the host name accepts, and no other", async () => {
    expect(certificateNames(authority.serverCertificatePem).sort()).toEqual(
      ["localhost", "127.0.0.1", "::1", "sandbox.ansluta.example", "emulator.internal", "10.1.2.3"].sort(),
    );
    for (const name of ["sandbox.ansluta.example", "emulator.internal", "10.1.2.3", "localhost", "127.0.0.1", "::1"]) {
      const served = await handshake(listener().port, authority.caCertificatePem, name);
      expect(served.fingerprint256, name).toBe(new X509Certificate(authority.serverCertificatePem).fingerprint256);
    }
    await expect(handshake(listener().port, authority.caCertificatePem, "other.ansluta.example")).rejects.toMatchObject({
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
  });

  it("issues the server certificate again, from the same CA, when a restart brings other names, and keeps it when the names stay", async () => {
    await sandbox?.close();
    const same = await startAsMainDoes(t, config, 0);
    sandbox = same.sandbox;
    expect(same.authority).toEqual(authority);
    await sandbox.close();

    const renamed = readConfig({ ...env, SANDBOX_PUBLIC_URL: "https://mm.ansluta.example:8443", SANDBOX_TLS_NAMES: "10.9.8.7" });
    const restarted = await startAsMainDoes(t, renamed, 0);
    sandbox = restarted.sandbox;
    expect(restarted.authority.caCertificatePem).toBe(authority.caCertificatePem);
    expect(restarted.authority.caPrivateKeyPem).toBe(authority.caPrivateKeyPem);
    expect(restarted.authority.serverCertificatePem).not.toBe(authority.serverCertificatePem);
    expect(certificateNames(restarted.authority.serverCertificatePem).sort()).toEqual(
      ["localhost", "127.0.0.1", "::1", "mm.ansluta.example", "10.9.8.7"].sort(),
    );
    const [server, ca] = [restarted.authority.serverCertificatePem, authority.caCertificatePem].map((p) => new X509Certificate(p));
    expect(server && ca && server.checkIssued(ca)).toBe(true);
    await handshake(sandbox.port, authority.caCertificatePem, "mm.ansluta.example");
    await handshake(sandbox.port, authority.caCertificatePem, "10.9.8.7");
    await expect(handshake(sandbox.port, authority.caCertificatePem, "sandbox.ansluta.example")).rejects.toMatchObject({
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
    expect(sandbox.url).toBe("https://mm.ansluta.example:8443");
  });
});

describe("the emulator's address without SANDBOX_PUBLIC_URL", () => {
  let t: TestApp | undefined;
  let sandbox: RunningSandbox | undefined;
  afterAll(async () => {
    await sandbox?.close();
    await t?.close();
  });

  it("is the same default in the environment API, the WSDLs and the certificate, whatever host the page was asked for by", async () => {
    const env = { SANDBOX_PORT: String(await freePort()), PUBLIC_URL: "" };
    t = await startTestApp(env);
    const w = await seedWorld(t.db);
    const config = readConfig(env);
    const started = await startAsMainDoes(t, config, config.SANDBOX_PORT ?? 0);
    sandbox = started.sandbox;
    const pl = await apiAs(t.app, w.emails.plA);
    const initiative = (await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Digitala beslut" })).json() as {
      id: string;
    };
    const enabled = await t.app.inject({
      method: "PUT",
      url: `/api/v1/initiatives/${initiative.id}/sandbox/environment`,
      headers: { authorization: `Bearer ${pl.token}`, host: `127.0.0.1:3000` },
      payload: { enabled: true },
    });
    const { addresses } = enabled.json() as { addresses: Addresses };
    const base = `https://localhost:${env.SANDBOX_PORT}`;
    expect(addresses.recipient.startsWith(`${base}/e/`)).toBe(true);
    expect(sandbox.url).toBe(base);

    // The listed address, its host checked against the certificate as a sender's client would.
    const wsdl = await callAddress(addresses.wsdl.service[0] ?? "", { port: sandbox.port, ca: started.authority.caCertificatePem });
    expect(wsdl.status).toBe(200);
    for (const address of addressesIn(wsdl.body)) expect(address.startsWith(`${base}/`), address).toBe(true);
    expect(certificateNames(started.authority.serverCertificatePem).sort()).toEqual(["localhost", "127.0.0.1", "::1"].sort());
  });
});
