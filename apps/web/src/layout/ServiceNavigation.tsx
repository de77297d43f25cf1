import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

export interface NavigationItem {
  readonly to: string;
  readonly text: ReactNode;
}

/**
 * GOV.UK service navigation: the service's main sections, and a slot at the end for an action
 * such as "Sign out". Shows nothing when there is nothing to show.
 */
export function ServiceNavigation({ items, end }: { items: readonly NavigationItem[]; end?: ReactNode }) {
  const { pathname } = useLocation();
  if (items.length === 0 && !end) return null;
  return (
    <div className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
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
