/** Real TIME_WAIT load on this host, loopback only and bounded, for the specs that watch the pool fill. */
import { createConnection } from 'node:net';

/** Connections this host closes first: each leaves a TIME_WAIT socket on its own outgoing port for 60 s (Linux). */
export async function load(port: number, count: number): Promise<void> {
  for (let done = 0; done < count; done += 50) {
    await Promise.all(
      Array.from(
        { length: Math.min(50, count - done) },
        () =>
          new Promise<void>((resolve, reject) => {
            const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end());
            socket.on('close', () => resolve()).on('error', reject);
          }),
      ),
    );
  }
}
