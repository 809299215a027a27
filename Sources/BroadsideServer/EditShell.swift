import Foundation

/// The editor's page. The interface itself is still to come; this page carries what it needs.
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
        </head>
        <body>
        <main>
        <h1>Broadside editor</h1>
        <p>You are signed in to this site's editor. Its pages list is at <a href="/__edit/api/pages">/__edit/api/pages</a>.</p>
        </main>
        </body>
        </html>

        """
    }
}
