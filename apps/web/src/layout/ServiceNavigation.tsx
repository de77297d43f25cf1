import { useState, type ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { useMediaQuery } from "./useMediaQuery.ts";

// govuk-frontend's tablet breakpoint: below it, the navigation folds behind a "Menu" button.
const TABLET_AND_UP = "(min-width: 40.0625em)";

export interface NavigationItem {
  readonly to: string;
  readonly text: ReactNode;
}

/**
 * GOV.UK service navigation: the service's main sections, and a slot at the end for an action
 * such as "Sign out". Shows nothing when there is nothing to show. On a phone the sections fold
 * behind a "Menu" button, as govuk-frontend's own script does it (here in React, because the
 * CSP allows no inline script).
 */
export function ServiceNavigation({ items, end }: { items: readonly NavigationItem[]; end?: ReactNode }) {
  const { pathname } = useLocation();
  const wide = useMediaQuery(TABLET_AND_UP);
  // Open on the page where it was opened: a new page closes it, so it does not cover the page chosen.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  if (items.length === 0 && !end) return null;
  return (
    <div className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <button
              type="button"
              className="govuk-service-navigation__toggle"
              aria-controls="navigation"
              hidden={wide}
              aria-hidden={wide ? true : undefined}
              aria-expanded={wide ? undefined : open}
              onClick={() => setOpenOn(open ? null : pathname)}
            >
              Menu
            </button>
            <ul className="govuk-service-navigation__list" id="navigation" hidden={!wide && !open}>
              {items.map((item) => {
                const isCurrent = pathname === item.to;
                return (
                  <li
                    className={`govuk-service-navigation__item${isCurrent ? " govuk-service-navigation__item--active" : ""}`}
                    key={item.to}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.to}
                      aria-current={isCurrent ? "page" : undefined}
                    >
                      {isCurrent ? (
                        <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                      ) : (
                        item.text
                      )}
                    </Link>
                  </li>
                );
              })}
              {end ? <li className="govuk-service-navigation__item">{end}</li> : null}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
