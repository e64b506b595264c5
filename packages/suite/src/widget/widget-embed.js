/* OpenWABA website chat widget: a button that opens a WhatsApp chat with the shop. It makes no
   requests; its settings are the object this function is called with. Shadow DOM keeps the
   shop's CSS out; texts go in as text, never as HTML. */
(function (c) {
  "use strict";
  var d = document, s = d.currentScript, server = s && s.src ? new URL(s.src).origin : "";
  // The document's origin (an about:srcdoc preview has its parent's; location.origin would be "null").
  var here = self.origin || location.origin;
  // Only on the shop's own sites when it named them (and on the OpenWABA server's, for the console's preview).
  if (c.origins.length && c.origins.indexOf(here) < 0 && here !== server) {
    console.warn("OpenWABA chat widget: not enabled for " + here);
    return;
  }
  if (d.querySelector('openwaba-chat[data-id="' + c.id + '"]')) return;

  function el(tag, attrs, text) {
    var e = d.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function mount() {
    var host = el("openwaba-chat", { "data-id": c.id }), side = c.position === "bottom-left" ? "left" : "right";
    // Inline and important: a shop's stylesheet cannot move or hide the host.
    var place = { position: "fixed", bottom: "20px", "z-index": "2147483000", display: "block", margin: "0", padding: "0", border: "0", width: "auto", height: "auto" };
    place[side] = "20px";
    for (var p in place) host.style.setProperty(p, place[p], "important");
    var root = host.attachShadow({ mode: "open" });
    var css = ":host{all:initial}*{box-sizing:border-box}" +
      ".w{--c:" + c.color + ";--i:" + c.ink + ";font:15px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328;position:relative}" +
      "button,a{font:inherit}" +
      ".launch{display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px 12px 14px;background:var(--c);color:var(--i);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
      ".launch svg{width:24px;height:24px;fill:currentColor;flex:none}" +
      ".panel{position:absolute;bottom:calc(100% + 12px);" + side + ":0;width:min(320px,calc(100vw - 40px));background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.28);overflow:hidden}" +
      ".panel[hidden]{display:none}" +
      ".head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 12px 12px 16px;background:var(--c);color:var(--i)}" +
      "h2{margin:0;font-size:16px;font-weight:600}" +
      ".close{background:none;border:0;color:inherit;font-size:22px;line-height:1;padding:4px 8px;border-radius:6px;cursor:pointer}" +
      ".body{padding:16px}p{margin:0 0 14px;white-space:pre-line}" +
      "label{display:flex;gap:8px;align-items:flex-start;margin:0 0 14px;font-size:14px;cursor:pointer}" +
      "input{margin:2px 0 0;width:18px;height:18px;flex:none;accent-color:var(--c)}" +
      ".start{display:block;text-align:center;padding:11px;border-radius:8px;background:var(--c);color:var(--i);text-decoration:none;font-weight:600}" +
      ":focus-visible{outline:3px solid #1a73e8;outline-offset:2px}" +
      "@media (prefers-reduced-motion:no-preference){.panel{animation:pop .15s ease-out}@keyframes pop{from{opacity:0;transform:translateY(8px)}}}";
    var wrap = el("div", { class: "w" });
    var launch = el("button", { type: "button", class: "launch", "aria-expanded": "false", "aria-controls": "panel" });
    launch.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a10 10 0 0 0-8.7 14.9L2 22l5.3-1.3A10 10 0 1 0 12 2zm0 2a8 8 0 1 1-4.1 14.9l-.3-.2-3 .8.8-2.9-.2-.3A8 8 0 0 1 12 4z"/></svg>';
    launch.appendChild(el("span", {}, c.button_label));
    var panel = el("div", { id: "panel", class: "panel", role: "dialog", "aria-labelledby": "title", hidden: "" });
    var head = el("div", { class: "head" });
    var close = el("button", { type: "button", class: "close", "aria-label": "Close" }, "\u00d7");
    head.append(el("h2", { id: "title" }, c.title), close);
    var body = el("div", { class: "body" });
    body.appendChild(el("p", {}, c.greeting));
    var start = el("a", { class: "start", href: c.plain, target: "_blank", rel: "noopener noreferrer" }, c.start_label);
    var box = null;
    if (c.opt_in) {
      // Unticked: consent is the customer's own act (and they still send the message themselves).
      var label = el("label");
      box = el("input", { type: "checkbox" });
      box.addEventListener("change", function () { start.href = box.checked ? c.opt_in : c.plain; });
      label.append(box, d.createTextNode(c.opt_in_text));
      body.appendChild(label);
    }
    body.appendChild(start);
    panel.append(head, body);
    wrap.append(panel, launch);
    root.append(el("style", {}, css), wrap);

    function toggle(open) {
      panel.hidden = !open;
      launch.setAttribute("aria-expanded", String(open));
      (open ? box || start : launch).focus();
    }
    launch.addEventListener("click", function () { toggle(panel.hidden); });
    close.addEventListener("click", function () { toggle(false); });
    wrap.addEventListener("keydown", function (e) { if (e.key === "Escape" && !panel.hidden) toggle(false); });
    d.body.appendChild(host);
  }

  if (d.body) mount(); else d.addEventListener("DOMContentLoaded", mount);
})
