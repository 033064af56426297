// The platform simulator's registration window (LTI Dynamic Registration 1.0 §3.7): when the tool's
// page in the frame posts org.imsglobal.lti.close, the simulator goes back to its list of tools.
// Only a message from the frame itself counts.
(function () {
  'use strict';
  var frame = document.getElementById('registration');
  if (!frame) {
    return;
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source === frame.contentWindow && data && data.subject === 'org.imsglobal.lti.close') {
      window.location.assign('/simulator#registrations');
    }
  });
}());
