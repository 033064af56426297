// The grading form's running total: the sum of the chosen rubric levels, kept current as the
// teacher chooses them. Without this script the page shows the total saved last.
(function () {
  'use strict';
  var form = document.getElementById('grading-form');
  var total = document.getElementById('grading-total');
  if (!form || !total) {
    return;
  }
  var template = total.getAttribute('data-template') || '{0}';
  function update() {
    var sum = 0;
    form.querySelectorAll('input[type=radio][data-points]:checked').forEach(function (input) {
      sum += parseInt(input.getAttribute('data-points'), 10) || 0;
    });
    total.textContent = template.replace('{0}', String(sum));
  }
  form.addEventListener('change', update);
  update();
}());
