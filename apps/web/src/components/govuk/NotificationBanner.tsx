import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * "Important" information, or "Success" after an action. A success banner is announced and
 * focused, as GOV.UK's own script does, so the result of the action is the first thing heard.
 */
export function NotificationBanner({
  type = "info",
  title,
  children,
}: {
  type?: "info" | "success";
  /** The banner's small title; "Important" or "Success" by default. */
  title?: string;
  /** Plain text is shown as the banner's bold main line, as GOV.UK's `text` option does. */
  children: ReactNode;
}) {
  const titleId = useId();
  const banner = useRef<HTMLDivElement>(null);
  const isSuccess = type === "success";
  useEffect(() => {
    if (isSuccess) banner.current?.focus();
  }, [isSuccess]);
  return (
    <div
      ref={banner}
      className={`govuk-notification-banner${isSuccess ? " govuk-notification-banner--success" : ""}`}
      role={isSuccess ? "alert" : "region"}
      aria-labelledby={titleId}
      tabIndex={isSuccess ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (isSuccess ? "Success" : "Important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {typeof children === "string" ? <p className="govuk-notification-banner__heading">{children}</p> : children}
      </div>
    </div>
  );
}
