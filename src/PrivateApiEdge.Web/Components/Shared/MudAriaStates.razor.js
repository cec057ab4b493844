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

const focusable = 'input:not([type=hidden]):not([tabindex="-1"]), button, textarea, a[href], [tabindex="0"]';

// Some MudBlazor components replace or briefly disable the element that has the focus when their value changes (a
// sort button when the order changes, a select when its options reload), which drops a keyboard user's focus to
// the page. Remember what had it and, if the focus fell to the page, give it back to the same control.
function keepFocus(root) {
    let last = null;
    const anchorOf = element => element.closest('th, [data-testid]');
    const onFocusIn = event => {
        last = root.contains(event.target) ? { element: event.target, anchor: anchorOf(event.target) } : null;
    };
    const onPointerDown = () => {
        last = null;
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown, true);
    // A control disabled for a moment (a select reloading) gets the focus back when it is enabled again; one that
    // stays disabled or is gone (Tear down once a teardown runs) hands it to the page title instead.
    const restore = (attempt = 0) => {
        if (!last || (document.activeElement && document.activeElement !== document.body)) {
            return;
        }

        const target = last.element.isConnected ? last.element : last.anchor?.isConnected ? last.anchor.querySelector(focusable) : null;
        if (target && !target.disabled) {
            target.focus();
        } else if (attempt < 5) {
            setTimeout(() => restore(attempt + 1), 200);
        } else {
            last = null;
            document.querySelector('main h1[tabindex="-1"]')?.focus();
        }
    };
    return {
        restore,
        stop: () => {
            document.removeEventListener('focusin', onFocusIn);
            document.removeEventListener('pointerdown', onPointerDown, true);
        },
    };
}

export function watch(root) {
    apply(root);
    const focus = keepFocus(root);
    const observer = new MutationObserver(() => {
        apply(root);
        focus.restore();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'hidden', 'disabled'] });
    return {
        disconnect: () => {
            observer.disconnect();
            focus.stop();
        },
    };
}
