import FlyingFox
import Foundation

/// Serves Output/ as a web server would: `index.html` for a folder, `404.html` for what is
/// missing, nothing outside Output/. HTML gets the live-reload script on its way out, so the
/// files themselves stay exactly what `broadside build` writes.
struct PreviewFiles: HTTPHandler {
    let output: URL

    static let script = "/__broadside/live-reload.js"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // FlyingFox resolves `..` in the path it parses; a `..` that reaches here is refused all the same.
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("Forbidden\n".utf8))
        }
        var file = parts.reduce(output) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            file.appendPathComponent("index.html")
        }
        guard let data = try? Data(contentsOf: file) else {
            let missing = (try? Data(contentsOf: output.appendingPathComponent("404.html"))) ?? Data("Not found\n".utf8)
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"], body: Self.withScript(missing))
        }
        let type = Self.types[file.pathExtension.lowercased()] ?? "application/octet-stream"
        let headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        return HTTPResponse(statusCode: .ok, headers: headers, body: file.pathExtension == "html" ? Self.withScript(data) : data)
    }

    /// The page with `<script src=live-reload.js>` before `</body>`.
    static func withScript(_ page: Data) -> Data {
        let html = String(decoding: page, as: UTF8.self)
        let tag = "<script src=\"\(script)\"></script>\n"
        guard let end = html.range(of: "</body>", options: .backwards) else { return Data((html + tag).utf8) }
        return Data(html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag).utf8)
    }

    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "ico": "image/x-icon", "pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
        "ics": "text/calendar; charset=utf-8", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "json": "application/json",
    ]
}
