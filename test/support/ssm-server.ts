import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSsm {
  /** Client settings that point the AWS SDK at this server. */
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Parameter values by name; tests change them to simulate a rotation. */
  parameters: Map<string, string>;
  /** Names of the parameters read, in order. */
  reads: string[];
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 that serves the SSM `GetParameter`
 * call of the AWS JSON 1.1 protocol, so the real SDK client and the
 * Powertools provider run unchanged against it.
 */
export async function startFakeSsm(parameters: Record<string, string> = {}): Promise<FakeSsm> {
  const values = new Map(Object.entries(parameters));
  const reads: string[] = [];

  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const target = request.headers['x-amz-target'];
      const { Name: name } = JSON.parse(body || '{}') as { Name?: string };
      const send = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(payload));
      };

      if (target !== 'AmazonSSM.GetParameter' || !name) {
        send(400, { __type: 'UnknownOperationException', message: `Unsupported target ${String(target)}` });
        return;
      }

      reads.push(name);
      const value = values.get(name);
      if (value === undefined) {
        send(400, { __type: 'ParameterNotFound', message: `Parameter ${name} not found.` });
        return;
      }

      send(200, { Parameter: { Name: name, Type: 'SecureString', Value: value, Version: 1 } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    clientConfig: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key' },
    },
    parameters: values,
    reads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
