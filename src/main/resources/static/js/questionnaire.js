/*
  Progressive enhancement only: every page works without this file.
  - "Leave this page quickly" and the Escape key replace this page in the history with the neutral site, so Back does
    not return here.
  - The plan's Print button, and every "Why this step" opened for printing.
  - After an error, focus moves to the error summary; its links move focus to the answer they name.
  External on purpose: the Content-Security-Policy forbids inline script.
*/
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  var DEFAULT_EXIT = 'https://www.bbc.com/weather';

  function leave(event) {
    var link = document.getElementById('leave');
    var target = (link && link.href) || DEFAULT_EXIT;
    if (event) {
      event.preventDefault();
    }
    root.classList.add('leaving');
    document.title = '';
    window.location.replace(target);
  }

  var leaveLink = document.getElementById('leave');
  if (leaveLink) {
    leaveLink.addEventListener('click', leave);
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') {
      leave(event);
    }
  });

  var printButton = document.querySelector('[data-print]');
  if (printButton && typeof window.print === 'function') {
    printButton.hidden = false;
    printButton.addEventListener('click', function () {
      window.print();
    });
  }

  var openedForPrint = [];
  window.addEventListener('beforeprint', function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      return true;
    });
  });
  window.addEventListener('afterprint', function () {
    openedForPrint.forEach(function (d) {
      d.open = false;
    });
    openedForPrint = [];
  });

  var summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      var target = link && document.getElementById(link.getAttribute('href').slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
        var group = target.closest('.form-group');
        (group || target).scrollIntoView({ block: 'start' });
      }
    });
  }
}());
