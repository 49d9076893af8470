// GenAI Trends: behaviour shared by every page. No inline scripts anywhere (strict Content-Security-Policy).
(function () {
  'use strict';
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
