import Broadside

/// `POST /__edit/api/preview`: a page's Markdown as the build would render its body, not saved.
extension EditDesk {
    func preview(_ request: EditMessages.Preview) async throws(EditRefusal) -> EditMessages.HTML {
        _ = try folders.check(request.path)
        let prefix = contentPath + "/"
        guard request.path.hasPrefix(prefix), request.path.hasSuffix(".md") else {
            throw EditRefusal(status: 400, message: "\(request.path): only a .md page in \(prefix) has a preview")
        }
        guard let html = await state.last?.model?.previewHTML(request.body, of: String(request.path.dropFirst(prefix.count)),
                                                               displayPath: folders.fullPath(request.path)) else {
            throw EditRefusal(status: 409, message: "the site has not been built yet: fix the errors the preview shows, then try again")
        }
        return EditMessages.HTML(html: html)
    }
}
