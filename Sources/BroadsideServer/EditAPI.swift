import Broadside
import FlyingFox
import Foundation

/// Everything under `/__edit/`, behind the gate: the editor's page and its JSON API.
///
/// - `GET /__edit/`: the editor's page, with the CSRF token in `<meta name="broadside-csrf">`;
/// - `GET /__edit/api/pages`: `{pages: [Page]}`;
/// - `GET /__edit/api/file?path=P`: `File` (its text and its findings);
/// - `POST /__edit/api/file` with `Save`: writes it, rebuilds, answers `Saved`;
/// - `POST /__edit/api/undo` with `Undo`: puts back the version before the last save, rebuilds, answers `Saved`
///   (`redo` takes the last undo back);
/// - the form, preview, new pages, translations, tables, images, commits and site info: see
///   `docs/EDITING-DESIGN.md`.
///
/// Refusals answer `Problem` with a 4xx status. Nothing is answered to a request the gate did
/// not stamp.
struct EditAPI: HTTPHandler {
    let session: EditSession
    let desk: EditDesk
    let state: PreviewState
    /// Content/ as the build reads it, for drafts.
    let content: String
    /// The preview's origin (`http://127.0.0.1:PORT`), where the pages' `url`s are.
    let preview: String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let stamp = request.headers[HTTPHeader("X-Broadside-Gate")], EditSession.same(stamp, session.stamp) else {
            return Self.problem(403, "Open the editing link that `broadside serve --edit` printed in the terminal.")
        }
        do throws(EditRefusal) {
            switch (request.method, request.path) {
            // FlyingFox's path drops the last slash of `/__edit/`.
            case (.GET, "/__edit"), (.HEAD, "/__edit"):
                return Self.answer(200, "text/html; charset=utf-8", Data(EditShell.page(csrf: session.csrf).utf8))
            case (.GET, let path) where path.hasPrefix(EditAssets.prefix), (.HEAD, let path) where path.hasPrefix(EditAssets.prefix):
                guard let asset = EditAssets.named(String(path.dropFirst(EditAssets.prefix.count))) else {
                    return Self.problem(404, "The editor has no file \(path).")
                }
                return Self.answer(200, asset.type, asset.data)
            case (.GET, "/__edit/api/pages"):
                return Self.json(EditMessages.Pages(pages: EditPages.list(await state.last, folders: desk.folders, content: content)))
            case (.GET, "/__edit/api/file"):
                let path = request.query.first { $0.name == "path" }?.value ?? ""
                return Self.json(try await desk.open(path))
            case (.POST, "/__edit/api/file"):
                return Self.json(try await desk.save(try Self.decode(try? await request.bodyData)))
            case (.POST, "/__edit/api/redo"):
                let redo: EditMessages.Undo = try Self.decode(try? await request.bodyData)
                return Self.json(try await desk.redo(redo.path))
            case (.POST, "/__edit/api/undo"):
                let undo: EditMessages.Undo = try Self.decode(try? await request.bodyData)
                return Self.json(try await desk.undo(undo.path))
            case (.GET, "/__edit/api/site"):
                return Self.json(await EditSiteInfo.info(state.last, content: content, root: desk.folders.root, preview: preview))
            case (.POST, "/__edit/api/preview"):
                return Self.json(try await desk.preview(try Self.decode(try? await request.bodyData)))
            case (.POST, "/__edit/api/new"):
                return Self.json(try await desk.new(try Self.decode(try? await request.bodyData)))
            case (.POST, "/__edit/api/translate"):
                return Self.json(try await desk.translate(try Self.decode(try? await request.bodyData)))
            case (.GET, "/__edit/api/translation"):
                return Self.json(try await desk.translation(request.query.first { $0.name == "path" }?.value ?? ""))
            case (.GET, "/__edit/api/tables"):
                return Self.json(EditMessages.Tables(tables: EditTables(folders: desk.folders, content: content).list(await state.last)))
            case (.GET, "/__edit/api/table"):
                let last = await state.last
                return Self.json(try EditTables(folders: desk.folders, content: content).open(request.query.first { $0.name == "path" }?.value ?? "",
                                                                                                  languages: last?.model?.config.languages ?? [], snapshot: last))
            case (.POST, "/__edit/api/table"):
                return Self.json(try EditTables(folders: desk.folders, content: content).write(try Self.decode(try? await request.bodyData),
                                                                                                   languages: await state.last?.model?.config.languages ?? []))
            case (.POST, "/__edit/api/upload"):
                return Self.json(try EditUpload(folders: desk.folders).save(try Self.decode(try? await request.bodyData)))
            case (.POST, "/__edit/api/commit"):
                return Self.json(try await EditCommit(folders: desk.folders).commit(try Self.decode(try? await request.bodyData)))
            default:
                return Self.problem(404, "The editor has no \(request.method.rawValue) \(request.path).")
            }
        } catch {
            // The refusals met in ordinary use, in the language the editor shows.
            let language = request.headers[HTTPHeader("X-Broadside-Language")].flatMap { EditWords.languages.contains($0) ? $0 : nil }
            return Self.problem(error.status, error.message(in: language ?? "en"))
        }
    }

    private static func decode<T: Decodable>(_ body: Data?) throws(EditRefusal) -> T {
        guard let body, String(validating: body, as: UTF8.self) != nil else {
            throw EditRefusal(status: 400, message: "The body is not UTF-8 text.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            throw EditRefusal(status: 400, message: "The body is not the JSON this request takes (\(T.self)).")
        }
    }

    private static func json(_ value: some Encodable) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return answer(200, "application/json", (try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    private static func problem(_ status: Int, _ message: String) -> HTTPResponse {
        answer(status, "application/json", (try? JSONEncoder().encode(EditMessages.Problem(error: message))) ?? Data())
    }

    private static func answer(_ status: Int, _ type: String, _ body: Data) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type]
        for (name, value) in EditSession.answerHeaders { headers[HTTPHeader(name)] = value }
        let phrases = [200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
                       413: "Content Too Large", 415: "Unsupported Media Type", 500: "Internal Server Error"]
        return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: phrases[status] ?? "Error"), headers: headers, body: body)
    }
}
