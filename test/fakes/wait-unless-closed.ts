import type { ServerResponse } from 'node:http';

/** Resolves true after `milliseconds`, or false as soon as the client hangs up: how a fake answers slowly without writing to a closed socket. */
export function waitUnlessClosed(response: ServerResponse, milliseconds: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off('close', onClose);
      resolve(true);
    }, milliseconds);
    response.once('close', onClose);
  });
}
