// errfix panel: one widget model per panel. The kernel sends both languages' cards as escaped HTML (made by
// errfix_jupyter.render_html, the same card the static text/html shows); this module lays it out, switches the
// language in place, and copies code to the clipboard.
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext !== false) {
    return navigator.clipboard.writeText(text);
  }
  const area = document.createElement("textarea");
  area.value = text;
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
  return Promise.resolve();
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "errfix-widget";
  el.appendChild(root);
  let lang = model.get("data").lang;
  let open = !model.get("data").collapsed;

  function langButton(code, label, panels) {
    if (!panels[code]) return "";
    const pressed = code === lang ? "true" : "false";
    return `<button type="button" class="errfix-lang" data-lang="${code}" aria-pressed="${pressed}">${label}</button>`;
  }

  function draw() {
    const data = model.get("data");
    const panels = data.panels || {};
    const panel = panels[lang] || panels[data.lang];
    if (!panel) { root.textContent = ""; return; }
    const state = panel.confident ? "errfix-confident" : "errfix-unknown";
    root.innerHTML =
      `<details class="errfix-panel errfix-live ${state}" lang="${panel.lang_tag}"${open ? " open" : ""}>` +
      `<summary class="errfix-summary"><span class="errfix-title">${panel.summary}</span>` +
      `<span class="errfix-langs" role="group">${langButton("en", "EN", panels)}${langButton("zh", "中文", panels)}</span>` +
      `</summary><div class="errfix-body">${panel.body}</div></details>`;
    const details = root.querySelector("details.errfix-panel");
    details.addEventListener("toggle", () => { open = details.open; });
    root.querySelectorAll("button.errfix-lang").forEach((button) => {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        lang = button.dataset.lang;
        draw();
      });
    });
    root.querySelectorAll("button.errfix-copy").forEach((button) => {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        const box = button.closest(".errfix-codebox");
        const code = box ? box.querySelector("pre code") : null;
        const text = button.dataset.copy === "apply" ? button.dataset.text : (code ? code.textContent : "");
        copyText(text).then(() => {
          button.textContent = panel.copied;
          button.classList.add("errfix-done");
          const label = button.dataset.copy === "code" ? panel.copy_code : panel.copy;
          setTimeout(() => { button.textContent = label; button.classList.remove("errfix-done"); }, 1500);
        });
      });
    });
  }

  model.on("change:data", draw);
  draw();
  return () => model.off("change:data", draw);
}

export default { render };
