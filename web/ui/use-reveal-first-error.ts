import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Brings the first field marked invalid into view once the errors are rendered: after a submit
 * of a long form, the field to fix is often far above the button.
 */
export function useRevealFirstError<T extends HTMLElement>(): { containerRef: RefObject<T | null>; reveal: () => void } {
  const containerRef = useRef<T>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    containerRef.current?.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' });
  }, [attempt]);
  return { containerRef, reveal: () => setAttempt((n) => n + 1) };
}
