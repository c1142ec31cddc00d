// Adds a "Copy" button to each citation (<pre data-copy>); without JavaScript the text is still there to select.
for (const block of document.querySelectorAll('pre[data-copy]')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';

  const status = document.createElement('span');
  status.className = 'copy-status';
  status.setAttribute('role', 'status');

  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(block.textContent ?? '');
      status.textContent = 'Copied to the clipboard.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(block);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent = 'Selected: press Ctrl+C or Cmd+C to copy.';
    }
  });

  block.before(button);
  button.after(status);
}
