// Forms with class "js-confirm" ask before submitting (data-confirm holds the question).
document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.classList.contains('js-confirm') && !window.confirm(form.dataset.confirm || 'Are you sure?')) {
        e.preventDefault();
    }
});
