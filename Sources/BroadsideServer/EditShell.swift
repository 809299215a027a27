import Foundation

/// The editor's page: an empty frame that `/__edit/assets/editor.js` fills in (the CSP allows
/// no inline script). It carries the CSRF token every POST must send back.
enum EditShell {
    static func page(csrf: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="broadside-csrf" content="\(csrf)">
        <title>Broadside editor</title>
        <link rel="stylesheet" href="/__edit/assets/editor.css">
        <script type="module" src="/__edit/assets/editor.js"></script>
        </head>
        <body>
        <header id="chrome" class="chrome"></header>
        <div id="status" class="status" role="status" aria-live="polite"></div>
        <main id="view" tabindex="-1">
        <h1>Broadside editor</h1>
        <noscript><p>The editor needs JavaScript. / El editor necesita JavaScript.</p></noscript>
        </main>
        </body>
        </html>

        """
    }
}
