/// The script `docgen serve` adds to every HTML page it serves, and where it goes. Pages are
/// stored as the build made them, byte for byte; the script is added on the way out only.
public enum LiveReload {
    /// Where the script and its WebSocket live: outside any site path a build writes (a leading
    /// double underscore), and the same whatever the site's baseURL.
    public static let scriptPath = "/__docgen/livereload.js"
    public static let socketPath = "/__docgen/livereload"

    static let tag = "<script src=\"\(scriptPath)\"></script>"

    /// The page with the script tag before its last `</body>`, else before `</html>`, else at the
    /// end: raw HTML files and fragments without a body reload too.
    public static func inject(into html: String) -> String {
        let bytes = Array(allowingSocket(html).utf8)
        let at = lastIndex(of: "</body", in: bytes) ?? lastIndex(of: "</html", in: bytes) ?? bytes.count
        return String(decoding: bytes[..<at] + Array(tag.utf8) + bytes[at...], as: UTF8.self)
    }

    /// A page whose Content-Security-Policy forbids connections (the storage form's) would
    /// refuse the script's socket; served by `docgen serve`, it may connect to its own origin.
    /// The built page keeps `connect-src 'none'`.
    static func allowingSocket(_ html: String) -> String {
        guard html.contains("http-equiv=\"Content-Security-Policy\"") else { return html }
        return html.replacingOccurrences(of: "connect-src 'none'", with: "connect-src 'self'")
    }

    /// The last place `needle` (lowercase ASCII) occurs in `bytes`, in any case.
    static func lastIndex(of needle: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var start = bytes.count - pattern.count
        while start >= 0 {
            var matches = true
            for k in 0..<pattern.count where bytes[start + k] | 0x20 != pattern[k] | 0x20 {
                matches = false
                break
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }

    /// The client. It keeps a WebSocket to the server, which sends one message after each build
    /// and one on connecting: `{"changed": [paths of changed outputs], "errors": [{"at", "message"}]}`.
    /// A page reloads only when it, or a file it uses (an image, a script), changed; a changed
    /// stylesheet is swapped in place. Errors are drawn over the page (the last good build) with
    /// text nodes only, so nothing in a message can become markup.
    public static let script = #"""
    (function () {
      "use strict";
      var overlayId = "docgen-error-overlay";
      var dropped = false;

      function samePage(path) {
        return path.replace(/index\.html$/, "") === location.pathname.replace(/index\.html$/, "");
      }
      function uses(path) {
        var nodes = document.querySelectorAll("[src], link[href]");
        for (var i = 0; i < nodes.length; i++) {
          var address = nodes[i].getAttribute("src") || nodes[i].getAttribute("href");
          try { if (new URL(address, location.href).pathname === path) return true; } catch (e) {}
        }
        return false;
      }
      function swapStylesheets(paths) {
        var links = document.querySelectorAll("link[rel~=stylesheet]");
        for (var i = 0; i < links.length; i++) {
          var url = new URL(links[i].getAttribute("href"), location.href);
          if (paths.indexOf(url.pathname) < 0) continue;
          url.searchParams.set("docgen-reload", String(Date.now()));
          links[i].setAttribute("href", url.pathname + url.search);
        }
      }
      function clearErrors() {
        var old = document.getElementById(overlayId);
        if (old) old.remove();
      }
      function showErrors(errors) {
        clearErrors();
        var box = document.createElement("div");
        box.id = overlayId;
        box.setAttribute("role", "alert");
        box.style.cssText = "position:fixed;left:0;right:0;top:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
          "background:#fff5f5;color:#300;border-bottom:3px solid #c00;padding:12px 16px;" +
          "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 2px 8px rgba(0,0,0,.25)";
        var title = document.createElement("strong");
        title.textContent = "docgen: the build failed (" + errors.length + (errors.length === 1 ? " error" : " errors") +
          "); this is the last good version of the page.";
        box.appendChild(title);
        var list = document.createElement("ul");
        list.style.cssText = "margin:8px 0 0;padding-left:20px";
        errors.forEach(function (error) {
          var item = document.createElement("li");
          var at = document.createElement("code");
          at.textContent = error.at;
          item.appendChild(at);
          item.appendChild(document.createTextNode(": " + error.message));
          list.appendChild(item);
        });
        box.appendChild(list);
        (document.body || document.documentElement).appendChild(box);
      }
      function connect() {
        var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\#(socketPath)");
        socket.onopen = function () { if (dropped) location.reload(); };
        socket.onmessage = function (event) {
          var message = JSON.parse(event.data);
          if (message.errors && message.errors.length) showErrors(message.errors); else clearErrors();
          var changed = message.changed || [];
          var styles = changed.filter(function (path) { return /\.css$/.test(path); });
          var others = changed.filter(function (path) { return !/\.css$/.test(path); });
          if (others.some(function (path) { return samePage(path) || uses(path); })) { location.reload(); return; }
          if (styles.length) swapStylesheets(styles);
        };
        socket.onclose = function () { dropped = true; setTimeout(connect, 500); };
      }
      connect();
    })();
    """#
}
