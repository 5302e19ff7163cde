// docgen default theme: a "Copy" button on every code block. The button is made here, so a
// reader without scripts sees the code and no button that does nothing. It copies the code's
// text without line numbers, works from the keyboard (it is a real <button>), and says
// "Copied" both on the button and to screen readers, through a polite live region.
(function () {
  'use strict';
  function codeText(code) {
    var copy = code.cloneNode(true);
    copy.querySelectorAll('.ln, .lnt').forEach(function (number) { number.remove(); });
    return copy.textContent;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Pages opened from disk or over plain http have no clipboard API: a hidden text area and
    // the older copy command do the same.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand('copy');
      area.remove();
      if (done) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function addButton(pre) {
    var code = pre.querySelector('code');
    if (!code) return;
    var block = pre.closest('.highlight');
    if (!block) {
      block = document.createElement('div');
      pre.parentNode.insertBefore(block, pre);
      block.appendChild(pre);
    }
    if (block.querySelector('.copy-code')) return;
    block.classList.add('code-block');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy the code');
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    button.addEventListener('click', function () {
      // In a table of line numbers the code is the last <code> of the block.
      var codes = block.querySelectorAll('pre > code');
      copyText(codeText(codes[codes.length - 1])).then(function () {
        button.textContent = 'Copied';
        status.textContent = 'Copied';
      }, function () {
        button.textContent = 'Copy failed';
        status.textContent = 'Copy failed';
      });
      setTimeout(function () { button.textContent = 'Copy'; status.textContent = ''; }, 2000);
    });
    block.appendChild(button);
    block.appendChild(status);
  }

  document.querySelectorAll('pre').forEach(function (pre) {
    if (!pre.closest('.lntd:first-child')) addButton(pre);
  });
})();
