// MudBlazor renders its dialog frame with role="dialog" only: name it after its title, describe it with its text
// and mark it modal, so a screen reader announces what the dialog is about and keeps to it.
export function describeDialog(titleId, descriptionId) {
    const title = document.getElementById(titleId);
    const dialog = title?.closest('[role="dialog"]');
    if (!dialog) {
        return;
    }

    dialog.setAttribute('aria-labelledby', titleId);
    dialog.setAttribute('aria-describedby', descriptionId);
    dialog.setAttribute('aria-modal', 'true');
}
