import pg from "pg";

export class PostgresUnreachableError extends Error {}

export type ThrowawayDatabase = {
  name: string;
  url: string;
  serverVersion: string;
  /** Drops the database, ending any connection still open to it. */
  drop: () => Promise<void>;
};

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw new PostgresUnreachableError(`${(e as Error).message || (e as NodeJS.ErrnoException).code}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database beside the one adminUrl names, for one bench run. */
export async function createThrowawayDatabase(adminUrl: string, name: string): Promise<ThrowawayDatabase> {
  // Identifiers cannot be bound as parameters; the name is ours, but keep it provably harmless.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`);
  const serverVersion = await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    await client.query(`create database ${name}`);
    return rows[0]?.server_version ?? "unknown";
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    serverVersion,
    drop: () =>
      withAdmin(adminUrl, async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
      }),
  };
}
