// GenAI Trends: behaviour shared by every page. No inline scripts anywhere (strict Content-Security-Policy).
(function () {
  'use strict';
  // The navigation bar's two toggles (menu button on narrow screens, Themes dropdown), without Bootstrap's
  // 80 KB script: they only flip Bootstrap's .show class and aria-expanded.
  function setOpen(toggle, target, open) {
    target.classList.toggle('show', open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  document.querySelectorAll('[data-nav-toggle="collapse"]').forEach(function (toggle) {
    var target = document.querySelector(toggle.getAttribute('data-nav-target'));
    if (target) toggle.addEventListener('click', function () { setOpen(toggle, target, !target.classList.contains('show')); });
  });
  var dropdowns = [];
  document.querySelectorAll('[data-nav-toggle="dropdown"]').forEach(function (toggle) {
    var menu = toggle.parentElement.querySelector('.dropdown-menu');
    if (!menu) return;
    dropdowns.push([toggle, menu]);
    toggle.addEventListener('click', function (e) {
      e.preventDefault();
      var open = !menu.classList.contains('show');
      setOpen(toggle, menu, open);
      if (open) { var first = menu.querySelector('a'); if (first && e.detail === 0) first.focus(); }
    });
  });
  function closeDropdowns(except) {
    dropdowns.forEach(function (d) { if (d[1] !== except && d[1].classList.contains('show')) setOpen(d[0], d[1], false); });
  }
  document.addEventListener('click', function (e) {
    closeDropdowns(dropdowns.map(function (d) { return d[1]; }).find(function (m) { return m.parentElement.contains(e.target); }));
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var open = dropdowns.find(function (d) { return d[1].classList.contains('show'); });
    if (!open) return;
    setOpen(open[0], open[1], false);
    open[0].focus();
  });
  document.addEventListener('focusin', function (e) {
    closeDropdowns(dropdowns.map(function (d) { return d[1]; }).find(function (m) { return m.parentElement.contains(e.target); }));
  });

  // Parts of a page rendered on the server after the page itself (the overview's key figures): the element is
  // replaced by the HTML its data-fragment URL returns (Razor-encoded, same origin). Requested once the page and
  // its chart data have loaded, so the charts' requests go first.
  function loadFragments() { document.querySelectorAll('[data-fragment]').forEach(loadFragment); }
  if (document.readyState === 'complete') loadFragments(); else window.addEventListener('load', loadFragments);
  function loadFragment(el) {
    fetch(el.getAttribute('data-fragment'), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.text();
    }).then(function (html) {
      var t = document.createElement('template');
      t.innerHTML = html.trim();
      el.replaceWith(t.content);
    }).catch(function (e) {
      el.setAttribute('aria-busy', 'false');
      var p = document.createElement('p');
      p.className = 'small text-muted';
      p.textContent = 'Could not load the key figures (' + e.message + '). Reload the page to try again.';
      el.prepend(p);
    });
  }

  document.querySelectorAll('form[data-filter-form]').forEach(function (form) {
    // Picking a date means a custom range; picking a preset or a view option applies at once.
    form.querySelectorAll('[data-custom-date]').forEach(function (input) {
      input.addEventListener('change', function () {
        var range = form.querySelector('select[name="range"]');
        if (range) range.value = 'custom';
      });
    });
    form.querySelectorAll('[data-auto-submit]').forEach(function (input) {
      input.addEventListener('change', function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
    // Empty fields stay out of the URL, so shared links are short and readable.
    form.addEventListener('formdata', function (e) {
      var drop = [];
      e.formData.forEach(function (value, key) { if (value === '') drop.push(key); });
      drop.forEach(function (key) { e.formData.delete(key); });
      var range = e.formData.get('range');
      if (range && range !== 'custom') { e.formData.delete('from'); e.formData.delete('to'); }
    });
  });
})();
