import * as React from 'react';
import { whenIdle } from './whenIdle';

/**
 * False until the frame after the first render has been painted and the browser is idle. For
 * a block that can wait until what the page shows first is on screen: its code and its render
 * then neither compete with that first frame nor with the tasks already waiting after it.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => {
    let cancelIdle: () => void = () => undefined;
    const afterPaint = (): void => {
      cancelIdle = whenIdle(() => setPainted(true));
    };
    if (typeof requestAnimationFrame !== 'function') {
      afterPaint();
      return () => cancelIdle();
    }
    const frame = requestAnimationFrame(afterPaint);
    return () => {
      cancelAnimationFrame(frame);
      cancelIdle();
    };
  }, []);
  return painted;
}
