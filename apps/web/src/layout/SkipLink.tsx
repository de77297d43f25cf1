/**
 * "Skip to main content". Focuses <main> itself, as GOV.UK's script does, so the next Tab
 * starts there in every browser and the address bar keeps the page's own URL.
 */
export function SkipLink({ targetId = "main-content" }: { targetId?: string }) {
  return (
    <a
      href={`#${targetId}`}
      className="govuk-skip-link"
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        event.preventDefault();
        target.setAttribute("tabindex", "-1");
        target.classList.add("govuk-skip-link-focused-element");
        target.addEventListener(
          "blur",
          () => {
            target.removeAttribute("tabindex");
            target.classList.remove("govuk-skip-link-focused-element");
          },
          { once: true },
        );
        target.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
