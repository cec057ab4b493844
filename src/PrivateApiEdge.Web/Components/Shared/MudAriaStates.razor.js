// ARIA states MudBlazor 8 does not render; see MudAriaStates.razor. Attributes are written only when they change,
// so the observer's own writes do not wake it again.
function set(element, name, value) {
    if (element.getAttribute(name) !== value) {
        element.setAttribute(name, value);
    }
}

let panels = 0;

function apply(root) {
    for (const header of root.querySelectorAll('th')) {
        const button = header.querySelector('button.sort-direction-icon');
        const title = header.querySelector('.sortable-column-header')?.textContent.trim();
        if (!button || !title) {
            continue;
        }

        set(button, 'aria-label', `Sort by ${title}`);
        set(header, 'aria-sort', button.classList.contains('mud-direction-asc') ? 'ascending'
            : button.classList.contains('mud-direction-desc') ? 'descending' : 'none');
    }

    for (const panel of root.querySelectorAll('.mud-expand-panel')) {
        const header = panel.querySelector('.mud-expand-panel-header');
        const content = panel.querySelector('.mud-expand-panel-content');
        if (!header || !content) {
            continue;
        }

        if (!content.id) {
            content.id = `expand-panel-content-${++panels}`;
        }

        set(header, 'role', 'button');
        set(header, 'aria-controls', content.id);
        set(header, 'aria-expanded', content.hidden ? 'false' : 'true');
    }
}

export function watch(root) {
    apply(root);
    const observer = new MutationObserver(() => apply(root));
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden'] });
    return { disconnect: () => observer.disconnect() };
}
