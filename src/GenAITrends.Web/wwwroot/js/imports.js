// Imports page: drag-and-drop upload (one request per file, size checked before reading), then live
// progress of each import by polling GET /admin/imports/{id}, then its result; the history refreshes
// when an import ends. Imports that are queued or running when the page loads are picked up again.
(() => {
    'use strict';
    const form = document.getElementById('upload-form');
    if (!form) return;
    const maxBytes = Number(form.dataset.maxBytes);
    const maxText = form.dataset.maxText;
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    const input = document.getElementById('file-input');
    const zone = document.getElementById('drop-zone');
    const allowRepeat = document.getElementById('allow-repeat');
    const messages = document.getElementById('upload-messages');
    const active = document.getElementById('active-imports');
    const historyRows = document.getElementById('import-history-rows');
    const polled = new Set();
    let uploadChain = Promise.resolve();

    const el = (tag, className, text) => {
        const e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined) e.textContent = text;
        return e;
    };
    const fmtBytes = (n) => n >= 1 << 30 ? (n / (1 << 30)).toFixed(1) + ' GB' : n >= 1 << 20 ? (n / (1 << 20)).toFixed(1) + ' MB' : n >= 1024 ? (n / 1024).toFixed(1) + ' KB' : n + ' bytes';
    const fmtInt = (n) => Number(n || 0).toLocaleString('en-US');
    const fmtEta = (s) => s == null ? '—' : s < 60 ? Math.round(s) + ' s' : Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';

    function message(kind, text) {
        const div = el('div', 'alert alert-' + kind + ' alert-dismissible py-2', text);
        const close = el('button', 'btn-close');
        close.type = 'button';
        close.setAttribute('aria-label', 'Close');
        close.addEventListener('click', () => div.remove());
        div.appendChild(close);
        messages.appendChild(div);
    }

    function panel(title) {
        const card = el('div', 'card mb-2 import-panel');
        const body = el('div', 'card-body py-2');
        const head = el('div', 'd-flex justify-content-between');
        head.appendChild(el('strong', 'text-break', title));
        const status = el('span', 'badge import-status', 'uploading');
        head.appendChild(status);
        const bar = el('div', 'progress my-2');
        bar.setAttribute('role', 'progressbar');
        const fill = el('div', 'progress-bar');
        bar.appendChild(fill);
        const line = el('div', 'small text-muted import-line', '');
        body.append(head, bar, line);
        card.appendChild(body);
        active.prepend(card);
        return {
            card, line,
            set(statusText, percent, text) {
                status.textContent = statusText;
                status.className = 'badge import-status import-status-' + statusText;
                fill.style.width = Math.max(0, Math.min(100, percent)) + '%';
                bar.setAttribute('aria-valuenow', String(Math.round(percent)));
                line.textContent = text;
            },
        };
    }

    function handleFiles(files) {
        for (const file of files) {
            if (file.size > maxBytes) {
                message('danger', `${file.name} is ${fmtBytes(file.size)}: larger than the limit of ${maxText}, so it was not uploaded.`);
                continue;
            }
            const repeat = allowRepeat.checked;
            uploadChain = uploadChain.then(() => upload(file, repeat));
        }
        input.value = '';
    }

    function upload(file, repeat) {
        const p = panel(file.name);
        return new Promise((resolve) => {
            const xhr = new XMLHttpRequest();
            xhr.open('POST', '/admin/imports' + (repeat ? '?allowRepeat=true' : ''));
            xhr.setRequestHeader('RequestVerificationToken', token);
            xhr.setRequestHeader('Accept', 'application/json');
            xhr.upload.addEventListener('progress', (e) => {
                if (e.lengthComputable) p.set('uploading', 100 * e.loaded / e.total, `Uploading: ${fmtBytes(e.loaded)} of ${fmtBytes(e.total)}`);
            });
            xhr.addEventListener('load', () => {
                let body = {};
                try { body = JSON.parse(xhr.responseText || '{}'); } catch { /* not JSON */ }
                if (xhr.status === 202 && body.id) {
                    p.card.dataset.importId = body.id;
                    p.set('queued', 0, 'Uploaded; waiting for its turn…');
                    poll(body.id, p, file);
                } else {
                    p.set('failed', 100, body.detail || `The upload was refused (HTTP ${xhr.status}).`);
                }
                resolve();
            });
            xhr.addEventListener('error', () => { p.set('failed', 100, 'The upload failed: the connection was lost.'); resolve(); });
            const data = new FormData();
            data.append('file', file, file.name);
            xhr.send(data);
        });
    }

    async function poll(id, p, file) {
        if (polled.has(id)) return;
        polled.add(id);
        for (;;) {
            let s;
            try {
                const r = await fetch('/admin/imports/' + id, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
                if (!r.ok) throw new Error('HTTP ' + r.status);
                s = await r.json();
            } catch (e) {
                p.set('running', 0, 'Cannot reach the server (' + e.message + '); retrying…');
                await new Promise((res) => setTimeout(res, 3000));
                continue;
            }
            if (!s.done) {
                p.set(s.status, s.percent, s.status === 'queued'
                    ? 'Waiting for the import before it to finish…'
                    : `${fmtInt(s.rowsRead)} rows · ${s.percent.toFixed(1)}% of ${fmtBytes(s.totalBytes)} · ${fmtInt(s.rowsPerSecond)} rows/s · ${fmtEta(s.etaSeconds)} left`);
                await new Promise((res) => setTimeout(res, 1000));
                continue;
            }
            if (s.status === 'succeeded') {
                p.set('succeeded', 100, `Done: ${fmtInt(s.rows)} rows → ${fmtInt(s.imported)} imported, ${fmtInt(s.updated)} updated, ${fmtInt(s.duplicates)} duplicates, ${fmtInt(s.rejected)} rejected.`);
            } else {
                p.set(s.status, 100, s.error || 'The import failed; nothing was changed.');
                if (s.previousImportOfSameFile && file) {
                    const again = el('button', 'btn btn-sm btn-outline-primary ms-2', 'Import again anyway');
                    again.type = 'button';
                    again.addEventListener('click', () => { again.remove(); uploadChain = uploadChain.then(() => upload(file, true)); });
                    p.line.appendChild(again);
                }
            }
            const link = el('a', 'ms-2 small', 'details');
            link.href = '/admin/imports/' + id + '/details';
            p.line.appendChild(link);
            refreshHistory();
            return;
        }
    }

    async function refreshHistory() {
        const r = await fetch('/admin/imports?handler=History', { credentials: 'same-origin' });
        if (!r.ok) return;
        const doc = new DOMParser().parseFromString('<table><tbody>' + await r.text() + '</tbody></table>', 'text/html');
        historyRows.replaceChildren(...doc.querySelectorAll('tbody > tr'));
        document.getElementById('no-imports')?.remove();
    }

    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('drop-zone-over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('drop-zone-over'));
    zone.addEventListener('drop', (e) => {
        e.preventDefault();
        zone.classList.remove('drop-zone-over');
        if (e.dataTransfer?.files?.length) handleFiles(e.dataTransfer.files);
    });
    input.addEventListener('change', () => handleFiles(input.files));
    form.addEventListener('submit', (e) => e.preventDefault());

    // Imports still queued or running (this tab was reloaded, or another admin started them).
    for (const row of historyRows.querySelectorAll('tr[data-status="queued"], tr[data-status="running"]')) {
        const id = Number(row.dataset.importId);
        poll(id, panel(row.querySelector('td:nth-child(2)').textContent.trim()), null);
    }
})();
