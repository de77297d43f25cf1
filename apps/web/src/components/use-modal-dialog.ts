import { useEffect, useRef } from "react";

/**
 * A native <dialog> opened as a modal for as long as the component is shown: it takes the
 * focus (on its heading) wherever the user was on a long page, and gives the focus back where
 * it was when it closes. The timeout warning and "Confirm it is you" both behave so.
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    element?.showModal();
    heading.current?.focus();
    return () => {
      element?.close();
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);
  return { dialog, heading };
}
