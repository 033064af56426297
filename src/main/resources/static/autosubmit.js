// Submits forms marked data-autosubmit, as an LMS does for LTI messages; the button stays for
// browsers without scripts.
document.querySelectorAll("form[data-autosubmit]").forEach(function (form) { form.submit(); });
