// Remember the language a reader picks, so that the language picker
// (_build/html/index.html) sends them to it next time.  The key is the
// profile's (editions.publish.language_picker.storage_key), on the edition bar.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.language-link[data-language]");
  const bar = event.target.closest("[data-storage-key]");
  if (link && bar) {
    try {
      localStorage.setItem(bar.dataset.storageKey, link.dataset.language);
    } catch (e) {
      // storage disabled: the switcher still works, the choice is not kept
    }
  }
});

// The drawers' buttons (page.html): each opens and closes Furo's drawer by its checkbox,
// says whether it is open (aria-expanded), and takes the keyboard into the drawer.
// Escape closes an open drawer and gives the focus back to the button that opened it;
// so does the focus leaving it (the rest of the page is under the drawer's overlay).
(() => {
  const buttons = () => document.querySelectorAll("button.drawer-button[data-drawer]");
  const visible = (element) => element.getClientRects().length > 0;
  let opener = null;

  function sync() {
    for (const button of buttons()) {
      const box = document.getElementById(button.dataset.drawer);
      button.setAttribute("aria-expanded", box && box.checked ? "true" : "false");
    }
  }

  function drawerOf(box) {
    const button = document.querySelector(`button.drawer-button[data-drawer="${box.id}"]`);
    return button && document.getElementById(button.getAttribute("aria-controls"));
  }

  function close(box, refocus) {
    box.checked = false;
    sync();
    if (refocus && opener && visible(opener)) opener.focus();
    opener = null;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.drawer-button[data-drawer]");
    if (!button) return;
    const box = document.getElementById(button.dataset.drawer);
    if (!box) return;
    if (box.checked) {
      close(box, false);
      return;
    }
    for (const other of document.querySelectorAll("input.sidebar-toggle:checked")) other.checked = false;
    box.checked = true;
    opener = button;
    sync();
    const drawer = drawerOf(box);
    const first = drawer && [...drawer.querySelectorAll("a[href], input, button, [tabindex]:not([tabindex='-1'])")]
      .find(visible);  // Furo hides the page's own entry in its contents
    // after the drawer is shown (edition.css makes it visible once its box is checked)
    if (first) requestAnimationFrame(() => first.focus());
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const box = document.querySelector("input.sidebar-toggle:checked");
    if (box) close(box, true);
  });

  document.addEventListener("focusin", (event) => {
    const box = document.querySelector("input.sidebar-toggle:checked");
    if (!box) return;
    const drawer = drawerOf(box);
    if (drawer && !drawer.contains(event.target) && !event.target.closest("button.drawer-button")) close(box, false);
  });

  // Furo's overlay (a label) closes a drawer too; and a reload may restore a checked box
  document.addEventListener("change", (event) => {
    if (event.target.matches && event.target.matches("input.sidebar-toggle")) sync();
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
