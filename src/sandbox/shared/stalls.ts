import type { FastifyRequest } from 'fastify';

/**
 * Requests held back by a latency or hang fault. Closing the emulator destroys their connections,
 * so `close()` never waits on a request that was told to hang (or on a long injected delay).
 */
export class StalledRequests {
  private readonly held = new Map<FastifyRequest, () => void>();

  /** Resolves after `ms`; with `ms` undefined, never (the connection is dropped on close instead). */
  hold(request: FastifyRequest, ms?: number): Promise<void> {
    const socket = request.raw.socket;
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const release = () => {
        clearTimeout(timer);
        socket.off('close', release);
        this.held.delete(request);
      };
      if (ms !== undefined) {
        timer = setTimeout(() => {
          release();
          resolve();
        }, ms);
      }
      // A client that gave up needs nothing more from us.
      socket.once('close', release);
      this.held.set(request, () => {
        release();
        socket.destroy();
      });
    });
  }

  releaseAll(): void {
    for (const drop of [...this.held.values()]) drop();
  }
}
