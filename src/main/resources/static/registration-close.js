// LTI Dynamic Registration 1.0 §3.7: when the registration is done, the tool tells the platform's
// registration window to close. The platform opened this page in an iframe (parent) or a new
// window (opener); the message names no secret, so any origin may receive it.
(function () {
  'use strict';
  var button = document.getElementById('close-registration');
  if (!button) {
    return;
  }
  button.addEventListener('click', function () {
    var platform = window.opener || (window.parent !== window ? window.parent : null);
    if (platform) {
      platform.postMessage({subject: 'org.imsglobal.lti.close'}, '*');
    } else {
      // a page opened as a tab of its own: browsers ignore window.close() for windows a script
      // did not open, so say that the tab can be closed
      window.close();
      var status = document.getElementById('close-registration-status');
      if (status) {
        status.textContent = button.getAttribute('data-standalone') || '';
      }
    }
  });
}());
